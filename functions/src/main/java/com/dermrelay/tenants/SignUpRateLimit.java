package com.dermrelay.tenants;

import com.dermrelay.core.data.RateCounters;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Fixed-window counters for the public sign-up: at most {@link #PER_ADDRESS} attempts per source IP
 * and {@link #PER_EMAIL} per admin e-mail in each {@link #WINDOW}. A counter is one item, {@code
 * RATE#sign-up#<kind>#<sha-256 of the value>} / {@code <window start>}, incremented atomically and
 * deleted by TTL two windows later. It belongs to no tenant (there is none yet), so it lives
 * outside every {@code TENANT#} partition and holds no address or e-mail in clear.
 */
@Singleton
public final class SignUpRateLimit {
  static final int PER_ADDRESS = 20;
  static final int PER_EMAIL = 3;
  static final Duration WINDOW = Duration.ofHours(1);

  private final RateCounters counters;
  private final Clock clock;

  @Inject
  public SignUpRateLimit(RateCounters counters, Clock clock) {
    this.counters = counters;
    this.clock = clock;
  }

  /** A 429 whose answer tells the client when to come back. */
  public static final class Exceeded extends ApiProblem {
    private static final long serialVersionUID = 1L;
    private final long retryAfterSeconds;

    Exceeded(long retryAfterSeconds) {
      super(
          429,
          ProblemTypes.RATE_LIMITED,
          "Too Many Requests",
          "Too many sign-up attempts; try again in " + retryAfterSeconds + " seconds.");
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  public void countAddress(String sourceIp) {
    count("ip", sourceIp == null ? "unknown" : sourceIp, PER_ADDRESS);
  }

  public void countEmail(String email) {
    count("email", email.toLowerCase(Locale.ROOT), PER_EMAIL);
  }

  private void count(String kind, String value, int limit) {
    Instant now = clock.instant();
    long window = WINDOW.getSeconds();
    long start = now.getEpochSecond() / window * window;
    long count =
        counters.increment(
            "RATE#sign-up#" + kind + "#" + sha256(value), Long.toString(start), start + 2 * window);
    if (count > limit) {
      throw new Exceeded(Math.max(1, start + window - now.getEpochSecond()));
    }
  }

  static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
