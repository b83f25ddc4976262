package com.dermrelay.research.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** k-anonymity over the released quasi-identifiers: generalise first, then suppress. */
class KAnonymityTest {
  private static final CandidateImage.Diagnosis NAEVUS =
      new CandidateImage.Diagnosis("naevus", "Naevus", "D22.9", "400010006");

  @Test
  void combinationsTooSmallAtIsicLevelAreGeneralisedBeforeAnythingIsSuppressed() {
    List<CandidateImage> images = new ArrayList<>();
    // Six patients, female, back, type II, 2026; ages spread over 40-49: ISIC's own age_approx
    // (40, 45, 50) makes three pairs under k=3, the ten-year band 40-49 holds all six.
    int[] ages = {40, 41, 43, 44, 48, 49};
    for (int i = 0; i < ages.length; i++) {
      images.add(image("p" + i, ages[i], "female", IsicFields.POSTERIOR_TORSO, "II", 2026));
    }

    KAnonymity.Result result = KAnonymity.apply(images, 3);

    assertEquals(6, result.released().size());
    assertEquals(List.of(), result.suppressed());
    assertEquals(1, result.levels().of(QuasiIdentifier.AGE));
    assertEquals(0, result.levels().of(QuasiIdentifier.SITE));
    assertEquals(Set.of("40-49"), values(result, QuasiIdentifier.AGE));
    assertEquals(6, result.generalised());
    assertKHolds(result, 3);
  }

  @Test
  void anOutlierStillAloneAfterGeneralisingIsSuppressedAndKHoldsOnWhatIsReleased() {
    List<CandidateImage> images = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      images.add(
          image("p" + i, 30 + i % 3, i % 2 == 0 ? "female" : "male", "head/neck", "III", 2026));
    }
    // One patient unlike everyone else on every column, with three photos: three photos of one
    // patient protect nobody, they count as one.
    for (int photo = 0; photo < 3; photo++) {
      images.add(image("outlier", 88, "female", IsicFields.PALMS_SOLES, "VI", 2025));
    }

    KAnonymity.Result result = KAnonymity.apply(images, 5);

    assertEquals(3, result.suppressed().size());
    assertTrue(result.suppressed().stream().allMatch(r -> r.image().subject().equals("outlier")));
    assertEquals(12, result.released().size());
    assertKHolds(result, 5);
  }

  @Test
  void photosOfOnePatientDoNotMakeACombinationSafe() {
    List<CandidateImage> images = new ArrayList<>();
    for (int photo = 0; photo < 10; photo++) {
      images.add(image("only", 50, "male", IsicFields.UPPER_EXTREMITY, "I", 2026));
    }
    KAnonymity.Result result = KAnonymity.apply(images, 2);
    assertEquals(List.of(), result.released());
    assertEquals(10, result.suppressed().size());
  }

  @Test
  void suppressOnlyKeepsTheLevelsAndDropsWhatShrankBelowK() {
    List<CandidateImage> images = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      images.add(image("p" + i, 60, "female", IsicFields.LOWER_EXTREMITY, "IV", 2026));
    }
    KAnonymity.Result first = KAnonymity.apply(images, 5);
    assertEquals(5, first.released().size());
    // One patient withdrew while the export ran: the other four are too few now.
    KAnonymity.Result after = KAnonymity.suppressOnly(images.subList(1, 5), first.levels(), 5);
    assertEquals(List.of(), after.released());
    assertEquals(4, after.suppressed().size());
  }

  static void assertKHolds(KAnonymity.Result result, int k) {
    Map<List<String>, Set<String>> patients = new HashMap<>();
    for (ReleasedImage r : result.released()) {
      patients
          .computeIfAbsent(r.quasiIdentifiers(), c -> new HashSet<>())
          .add(r.image().patientId());
    }
    patients.forEach(
        (combination, who) ->
            assertTrue(who.size() >= k, combination + " has only " + who.size() + " patients"));
  }

  private static Set<String> values(KAnonymity.Result result, QuasiIdentifier q) {
    Set<String> values = new HashSet<>();
    result.released().forEach(r -> values.add(r.value(q)));
    return values;
  }

  static CandidateImage image(
      String patient, Integer age, String sex, String site, String skinType, int year) {
    String photo = patient + "-" + Math.random();
    return new CandidateImage(
        patient,
        "case-" + patient,
        photo,
        "DRP_" + patient,
        "DRL_" + patient,
        "DRI_" + photo,
        IsicFields.CLOSE_UP,
        age,
        sex,
        site,
        skinType,
        year,
        NAEVUS,
        "2026-12-01");
  }
}
