package com.dermrelay.quality;

/**
 * Agreement between first and second reads of the same cases, from their k x k table of counts
 * (rows: the first reader's category, columns: the second reader's). Pure arithmetic, checked
 * against published worked examples (ConcordanceTest); docs/quality.md states the methods.
 *
 * <ul>
 *   <li>Percent agreement p_o = agreed / n, with Wilson's score interval (Wilson 1927; Newcombe
 *       1998, Statistics in Medicine 17:857, method 3): it stays inside [0, 1] and behaves at 0 and
 *       n, where the textbook Wald interval collapses.
 *   <li>Cohen's kappa = (p_o - p_e) / (1 - p_e), p_e = sum over categories of row share times
 *       column share (Cohen 1960). Its standard error is the large-sample one of Fleiss, Cohen and
 *       Everitt (1969, Psychological Bulletin 72:323), the one SAS PROC FREQ reports as ASE, not
 *       the one under kappa = 0 (that one is for a test, not an interval); the interval is kappa
 *       +/- 1.96 SE, cut to [-1, 1]. Kappa is undefined when p_e = 1 (both readers used one and the
 *       same category for every case).
 * </ul>
 *
 * <p>Below {@link #MINIMUM_CASES} cases read twice the figures are "not enough data": the clinic
 * sees the count, never a percentage or kappa whose interval spans most of the scale.
 *
 * @param cases cases read twice
 * @param agreed cases on the diagonal
 * @param enoughData whether {@code cases >= MINIMUM_CASES}; when false every figure below is null
 * @param agreement p_o, null without enough data
 * @param agreementInterval its 95% interval, null without enough data
 * @param kappa null without enough data or when undefined
 * @param kappaStandardError null when kappa is
 * @param kappaInterval its 95% interval, null when kappa is
 */
public record Concordance(
    long cases,
    long agreed,
    boolean enoughData,
    Double agreement,
    Interval agreementInterval,
    Double kappa,
    Double kappaStandardError,
    Interval kappaInterval) {

  /**
   * Fewer cases read twice than this and the figures are not shown: with 20 cases a 95% interval
   * for agreement near 75% is still about +/- 18 points wide (docs/quality.md).
   */
  public static final int MINIMUM_CASES = 20;

  /** The normal quantile of a two-sided 95% interval. */
  static final double Z = 1.959963984540054;

  /** A two-sided 95% confidence interval. */
  public record Interval(double lower, double upper) {}

  /** The figures of {@code table}, a square table of counts (rows: first read, columns: second). */
  public static Concordance of(long[][] table) {
    return of(table, MINIMUM_CASES);
  }

  /** As {@link #of(long[][])} with another minimum (the worked examples are of any size). */
  static Concordance of(long[][] table, int minimumCases) {
    int k = table.length;
    long n = 0;
    long agreed = 0;
    long[] rows = new long[k];
    long[] columns = new long[k];
    for (int i = 0; i < k; i++) {
      if (table[i].length != k) {
        throw new IllegalArgumentException("a concordance table is square");
      }
      for (int j = 0; j < k; j++) {
        if (table[i][j] < 0) {
          throw new IllegalArgumentException("counts are never negative");
        }
        n += table[i][j];
        rows[i] += table[i][j];
        columns[j] += table[i][j];
      }
      agreed += table[i][i];
    }
    if (n == 0 || n < minimumCases) {
      return new Concordance(n, agreed, false, null, null, null, null, null);
    }
    double total = n;
    double po = agreed / total;
    double pe = 0;
    for (int i = 0; i < k; i++) {
      pe += (rows[i] / total) * (columns[i] / total);
    }
    Interval agreementInterval = wilson(agreed, n);
    if (1 - pe < 1e-12) {
      return new Concordance(n, agreed, true, po, agreementInterval, null, null, null);
    }
    double kappa = (po - pe) / (1 - pe);
    double se = Math.sqrt(kappaVariance(table, rows, columns, total, po, pe));
    Interval kappaInterval =
        new Interval(Math.max(-1, kappa - Z * se), Math.min(1, kappa + Z * se));
    return new Concordance(n, agreed, true, po, agreementInterval, kappa, se, kappaInterval);
  }

  /**
   * Fleiss, Cohen and Everitt (1969): Var = (A + B - C) / (n (1 - p_e)^4), where A = sum_i p_ii ((1
   * - p_e) - (p_i. + p_.i)(1 - p_o))^2, B = (1 - p_o)^2 sum_{i != j} p_ij (p_.i + p_j.)^2 and C =
   * (p_o p_e - 2 p_e + p_o)^2.
   */
  private static double kappaVariance(
      long[][] table, long[] rows, long[] columns, double n, double po, double pe) {
    int k = table.length;
    double a = 0;
    double b = 0;
    for (int i = 0; i < k; i++) {
      double rowShare = rows[i] / n;
      double columnShare = columns[i] / n;
      a += (table[i][i] / n) * Math.pow((1 - pe) - (rowShare + columnShare) * (1 - po), 2);
      for (int j = 0; j < k; j++) {
        if (i != j) {
          b += (table[i][j] / n) * Math.pow(columns[i] / n + rows[j] / n, 2);
        }
      }
    }
    b *= Math.pow(1 - po, 2);
    double c = Math.pow(po * pe - 2 * pe + po, 2);
    // Rounding can take a true zero (perfect agreement) a hair below it.
    return Math.max(0, (a + b - c) / (n * Math.pow(1 - pe, 4)));
  }

  /** Wilson's score interval for {@code successes} of {@code n} (n > 0), 95%. */
  static Interval wilson(long successes, long n) {
    double p = successes / (double) n;
    double z2 = Z * Z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
  }
}
