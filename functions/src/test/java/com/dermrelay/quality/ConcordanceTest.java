package com.dermrelay.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConcordanceTest {

  /**
   * SAS/STAT User's Guide, The FREQ Procedure, "Getting Started: Agreement Study" (SAS 9.4,
   * https://documentation.sas.com/doc/en/pgmsascdc/9.4_3.5/statug/statug_freq_gettingstarted02.htm):
   * two dermatologists grade the skin condition of 88 patients as terrible, poor, marginal or
   * clear. Published: simple kappa 0.3449, ASE 0.0724, 95% confidence limits 0.2030 and 0.4868.
   */
  private static final long[][] TWO_DERMATOLOGISTS = {
    {10, 4, 1, 0},
    {5, 10, 12, 2},
    {2, 4, 12, 5},
    {0, 2, 6, 13},
  };

  @Test
  void kappaMatchesThePublishedDermatologyAgreementStudy() {
    Concordance c = Concordance.of(TWO_DERMATOLOGISTS);

    assertTrue(c.enoughData());
    assertEquals(88, c.cases());
    assertEquals(45, c.agreed());
    assertEquals(45 / 88.0, c.agreement(), 1e-12);
    assertEquals(0.3449, c.kappa(), 0.00005);
    assertEquals(0.0724, c.kappaStandardError(), 0.00005);
    assertEquals(0.2030, c.kappaInterval().lower(), 0.00005);
    assertEquals(0.4868, c.kappaInterval().upper(), 0.00005);
  }

  /**
   * Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of seven
   * methods. Statistics in Medicine 1998;17:857-872, Table II, method 3 (Wilson score, no
   * continuity correction).
   */
  @Test
  void agreementIntervalMatchesNewcombesWilsonExamples() {
    assertInterval(0.2553, 0.3662, Concordance.wilson(81, 263));
    assertInterval(0.0624, 0.1605, Concordance.wilson(15, 148));
    assertInterval(0.0000, 0.1611, Concordance.wilson(0, 20));
    assertInterval(0.0061, 0.1718, Concordance.wilson(1, 29));
  }

  @Test
  void belowTheMinimumTheFiguresAreNotEnoughData() {
    long[][] nineteen = {{10, 2}, {3, 4}};
    Concordance c = Concordance.of(nineteen);

    assertFalse(c.enoughData());
    assertEquals(19, c.cases());
    assertNull(c.agreement());
    assertNull(c.agreementInterval());
    assertNull(c.kappa());
    assertNull(c.kappaInterval());

    long[][] twenty = {{10, 2}, {3, 5}};
    assertTrue(Concordance.of(twenty).enoughData());
    assertFalse(Concordance.of(new long[][] {{0, 0}, {0, 0}}).enoughData(), "no case at all");
  }

  @Test
  void perfectAgreementHasKappaOneAndAZeroWidthInterval() {
    Concordance c = Concordance.of(new long[][] {{12, 0}, {0, 13}});

    assertEquals(1.0, c.agreement(), 1e-12);
    assertEquals(1.0, c.kappa(), 1e-12);
    assertEquals(0.0, c.kappaStandardError(), 1e-9);
    assertEquals(1.0, c.kappaInterval().upper(), 1e-12);
  }

  @Test
  void kappaIsUndefinedWhenBothReadersUsedOneCategoryForEveryCase() {
    // Agreement is 100% but says nothing beyond chance: p_e = 1.
    Concordance c = Concordance.of(new long[][] {{25, 0}, {0, 0}});

    assertEquals(1.0, c.agreement(), 1e-12);
    assertNull(c.kappa());
    assertNull(c.kappaInterval());
  }

  @Test
  void aTableThatIsNotSquareOrHasANegativeCountIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Concordance.of(new long[][] {{1, 2}, {3}}));
    assertThrows(
        IllegalArgumentException.class, () -> Concordance.of(new long[][] {{30, -1}, {0, 1}}));
  }

  private static void assertInterval(double lower, double upper, Concordance.Interval actual) {
    assertEquals(lower, actual.lower(), 0.00005, "lower");
    assertEquals(upper, actual.upper(), 0.00005, "upper");
  }
}
