package com.dermrelay.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.dermrelay.quality.SecondReadSampling.Facts;
import com.dermrelay.quality.SecondReadSampling.Policy;
import com.dermrelay.quality.SecondReadSampling.Reason;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecondReadSamplingTest {
  private static final Policy ALL_RULES =
      new Policy(0, Set.of("fitzpatrick-v-vi", "seven-point-3-or-more", "reader-first-50-cases"));

  /** An experienced reader, a lighter skin type, a low score: no rule applies. */
  private static Facts ordinary(double draw) {
    return new Facts(2, 1, 200, draw);
  }

  @Test
  void theSampleTakesTheRatesShareOfTheDraw() {
    Policy fivePercent = new Policy(5, Set.of());

    assertEquals(List.of(Reason.SAMPLED), SecondReadSampling.reasons(fivePercent, ordinary(0.0)));
    assertEquals(List.of(Reason.SAMPLED), SecondReadSampling.reasons(fivePercent, ordinary(0.049)));
    assertEquals(List.of(), SecondReadSampling.reasons(fivePercent, ordinary(0.05)));
    assertEquals(List.of(), SecondReadSampling.reasons(Policy.NONE, ordinary(0.0)), "0% never");
    assertEquals(
        List.of(Reason.SAMPLED),
        SecondReadSampling.reasons(new Policy(100, Set.of()), ordinary(0.9999)),
        "100% always");
  }

  @Test
  void skinTypeVAndViAreAlwaysReadTwiceWhenTheClinicSaysSo() {
    assertEquals(
        List.of(Reason.FITZPATRICK_V_VI),
        SecondReadSampling.reasons(ALL_RULES, new Facts(5, 1, 200, 0.5)));
    assertEquals(
        List.of(Reason.FITZPATRICK_V_VI),
        SecondReadSampling.reasons(ALL_RULES, new Facts(6, null, 200, 0.5)));
    assertEquals(List.of(), SecondReadSampling.reasons(ALL_RULES, new Facts(4, 1, 200, 0.5)));
    assertEquals(
        List.of(),
        SecondReadSampling.reasons(ALL_RULES, new Facts(null, 1, 200, 0.5)),
        "a type nobody gave is not V-VI");
    assertEquals(
        List.of(),
        SecondReadSampling.reasons(new Policy(0, Set.of()), new Facts(6, 1, 200, 0.5)),
        "only when the clinic has the rule");
  }

  @Test
  void aSevenPointScoreOfThreeOrMoreIsAlwaysReadTwice() {
    assertEquals(
        List.of(Reason.SEVEN_POINT_3_OR_MORE),
        SecondReadSampling.reasons(ALL_RULES, new Facts(2, 3, 200, 0.5)));
    assertEquals(List.of(), SecondReadSampling.reasons(ALL_RULES, new Facts(2, 2, 200, 0.5)));
    assertEquals(List.of(), SecondReadSampling.reasons(ALL_RULES, new Facts(2, null, 200, 0.5)));
  }

  @Test
  void aReadersFirstFiftyAnswersAreReadTwice() {
    assertEquals(
        List.of(Reason.READER_FIRST_50_CASES),
        SecondReadSampling.reasons(ALL_RULES, new Facts(2, 1, 0, 0.5)),
        "their first answer");
    assertEquals(
        List.of(Reason.READER_FIRST_50_CASES),
        SecondReadSampling.reasons(ALL_RULES, new Facts(2, 1, 49, 0.5)),
        "their fiftieth");
    assertEquals(List.of(), SecondReadSampling.reasons(ALL_RULES, new Facts(2, 1, 50, 0.5)));
  }

  @Test
  void everyReasonThatAppliesIsKept() {
    Policy everything = new Policy(10, ALL_RULES.always());
    assertEquals(
        List.of(
            Reason.FITZPATRICK_V_VI,
            Reason.SEVEN_POINT_3_OR_MORE,
            Reason.READER_FIRST_50_CASES,
            Reason.SAMPLED),
        SecondReadSampling.reasons(everything, new Facts(6, 4, 3, 0.01)));
  }

  @Test
  void thePolicyIsReadFromTheClinicsConfiguration() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Policy policy =
        Policy.of(
            json.readTree(
                "{\"secondReads\":{\"samplePercent\":5,\"always\":[\"fitzpatrick-v-vi\"]}}"));
    assertEquals(new Policy(5, Set.of("fitzpatrick-v-vi")), policy);
    assertEquals(Policy.NONE, Policy.of(json.readTree("{\"tenantId\":\"northside-skin\"}")));
    assertThrows(
        IllegalArgumentException.class,
        () -> Policy.of(json.readTree("{\"secondReads\":{\"always\":[\"dark-skin\"]}}")));
  }

  @Test
  void aDrawOutsideZeroToOneIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Facts(2, 1, 0, 1.0));
    assertThrows(IllegalArgumentException.class, () -> new Facts(2, 1, 0, -0.1));
    assertThrows(IllegalArgumentException.class, () -> new Facts(2, 1, 0, Double.NaN));
  }
}
