package com.dermrelay.quality.figures;

import java.time.Duration;

/**
 * Answer times kept as counts in fixed buckets, so months can be summed and a median or 90th
 * percentile read from the sum: the estimate is the upper bound of the bucket the quantile's case
 * falls in ("at most 24 hours"), never finer than the buckets (docs/quality.md).
 */
public final class AnswerTimes {
  /** Upper bounds of the buckets in hours; a last, open bucket holds anything longer. */
  static final int[] BOUNDS_HOURS = {1, 2, 4, 8, 12, 24, 48, 72, 120, 168, 336, 720};

  /** Number of buckets, the open one included. */
  public static final int BUCKETS = BOUNDS_HOURS.length + 1;

  private AnswerTimes() {}

  /** The bucket of a duration: the first whose bound it does not exceed, or the open one. */
  public static int bucket(Duration duration) {
    long seconds = Math.max(0, duration.getSeconds());
    for (int i = 0; i < BOUNDS_HOURS.length; i++) {
      if (seconds <= BOUNDS_HOURS[i] * 3600L) {
        return i;
      }
    }
    return BOUNDS_HOURS.length;
  }

  /**
   * An estimated quantile: at most {@code atMostHours}, or, for the open bucket, more than {@code
   * moreThanHours}; both absent when there is no case.
   */
  public record Quantile(Integer atMostHours, Integer moreThanHours) {}

  /**
   * The {@code q} quantile (0 < q <= 1) of the counts by bucket: the bucket holding the case of
   * rank ceil(q x n) in time order.
   */
  public static Quantile quantile(long[] counts, double q) {
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    if (n == 0) {
      return new Quantile(null, null);
    }
    long rank = Math.max(1, (long) Math.ceil(q * n));
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return i < BOUNDS_HOURS.length
            ? new Quantile(BOUNDS_HOURS[i], null)
            : new Quantile(null, BOUNDS_HOURS[BOUNDS_HOURS.length - 1]);
      }
    }
    throw new IllegalStateException("unreachable: the rank is within the total");
  }
}
