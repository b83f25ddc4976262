package com.dermrelay.core.http;

/** A 429: its answer carries {@code Retry-After}, the seconds until the client may try again. */
public final class TooManyRequests extends ApiProblem {
  private static final long serialVersionUID = 1L;
  private final long retryAfterSeconds;

  public TooManyRequests(String detail, long retryAfterSeconds) {
    super(429, ProblemTypes.RATE_LIMITED, "Too Many Requests", detail);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
