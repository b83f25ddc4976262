package com.dermrelay.core.aws;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Retries AWS calls that were throttled, failed on the service's side or timed out, with
 * exponential backoff and full jitter, until a deadline: for callers that are themselves waited
 * for, such as a user-pool trigger (Cognito waits 5 s for one, and its admin API has low per-pool
 * quotas). A refusal of the request itself (a missing user, a bad parameter) is never retried. The
 * deadline runs on the monotonic clock, not the functions' clock (a test may move that one).
 */
public final class RetryBudget {
  static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

  /** No new attempt starts with less than this left: it could not finish in time. */
  static final Duration LAST_ATTEMPT = Duration.ofMillis(300);

  private final long deadline;

  private RetryBudget(long deadline) {
    this.deadline = deadline;
  }

  /** A budget of {@code time} from now, shared by every call made through it. */
  public static RetryBudget startingNow(Duration time) {
    return new RetryBudget(System.nanoTime() + time.toNanos());
  }

  /**
   * Calls {@code call} until it succeeds, fails for good, or the budget would run out before the
   * next attempt; then the last failure is thrown.
   */
  public <T> T call(Supplier<T> call) {
    long backoff = FIRST_BACKOFF.toNanos();
    while (true) {
      try {
        return call.get();
      } catch (RuntimeException e) {
        if (!retryable(e)) {
          throw e;
        }
        // Full jitter: callers throttled together spread out instead of retrying in step.
        long pause = ThreadLocalRandom.current().nextLong(backoff + 1);
        if (System.nanoTime() + pause + LAST_ATTEMPT.toNanos() > deadline) {
          throw e;
        }
        sleep(pause, e);
        backoff = Math.min(backoff * 2, MAX_BACKOFF.toNanos());
      }
    }
  }

  public void run(Runnable call) {
    call(
        () -> {
          call.run();
          return null;
        });
  }

  /** Throttling, a service error (5xx) or an I/O failure (timeout, connection refused or reset). */
  static boolean retryable(RuntimeException e) {
    if (e instanceof AwsServiceException refused) {
      return refused.transientFailure();
    }
    return e instanceof UncheckedIOException;
  }

  private static void sleep(long nanos, RuntimeException failure) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw failure;
    }
  }
}
