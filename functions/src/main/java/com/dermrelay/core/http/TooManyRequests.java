package com.dermrelay.core.http;

/** A 429: its answer carries {@code Retry-After}, the seconds until the client may try again. */
public final class TooManyRequests extends ApiProblem {
  private static final long serialVersionUID = 1L;
  private final long retryAfterSeconds;

  public TooManyRequests(String detail, long retryAfterSeconds) {
    this(ProblemTypes.RATE_LIMITED, detail, retryAfterSeconds);
  }

  /** A 429 whose {@code type} names the limit reached (a clinic's plan: docs/operations.md). */
  public TooManyRequests(String type, String detail, long retryAfterSeconds) {
    super(429, type, "Too Many Requests", detail);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
