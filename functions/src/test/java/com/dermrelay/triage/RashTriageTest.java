package com.dermrelay.triage;

import static com.dermrelay.triage.TriageCases.codes;
import static com.dermrelay.triage.TriageCases.decisive;
import static com.dermrelay.triage.TriageCases.either;
import static com.dermrelay.triage.TriageCases.rash;
import static com.dermrelay.triage.TriageCases.spot;
import static com.dermrelay.triage.TriageCases.triage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.triage.RashAnswers.Extent;
import com.dermrelay.triage.RashAnswers.Unwell;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The red flags (one test per rule, with the near misses that are not one) and the rash rules. */
class RashTriageTest {
  private static List<String> flags(TriageCases c) {
    return RedFlags.of(c.build()).stream().map(TriageReason::code).toList();
  }

  /** A red flag asks for URGENT, decides, and is the first reason. */
  private static void urgentBy(TriageCases c, String flag) {
    assertEquals(List.of(flag), flags(c));
    TriageResult result = triage(c);
    assertEquals(Priority.URGENT, result.priority());
    assertEquals(TriageDecision.rule(flag), result.decision());
    assertEquals(flag, result.reasons().get(0).code());
    assertTrue(result.reasons().get(0).decisive());
  }

  @Test
  void feverOrFeelingVeryUnwellWithAWidespreadRash() {
    urgentBy(rash(Extent.WIDESPREAD).fever(), RedFlags.FEVER_WIDESPREAD_RASH);
    urgentBy(rash(Extent.WIDESPREAD).unwell(Unwell.VERY), RedFlags.FEVER_WIDESPREAD_RASH);
    assertEquals(List.of(), flags(rash(Extent.SEVERAL_AREAS).fever()), "not widespread");
    assertEquals(
        List.of(), flags(rash(Extent.WIDESPREAD).unwell(Unwell.A_LITTLE)), "a little unwell");
    assertEquals(List.of(), flags(rash(Extent.WIDESPREAD)), "well, no fever");
  }

  @Test
  void skinPeelingOffOrBlistersInSeveralAreasOrWithAFever() {
    urgentBy(rash(Extent.ONE_AREA).peeling(), RedFlags.BLISTERING_OR_PEELING);
    urgentBy(rash(Extent.SEVERAL_AREAS).blisters(), RedFlags.BLISTERING_OR_PEELING);
    urgentBy(rash(Extent.ONE_AREA).blisters().fever(), RedFlags.BLISTERING_OR_PEELING);
    assertEquals(List.of(), flags(rash(Extent.ONE_AREA).blisters()), "blisters in one area, well");
  }

  @Test
  void redSwollenPainfulSkinSpreadingQuickly() {
    urgentBy(
        rash(Extent.ONE_AREA).worsening().painful().inflamed(), RedFlags.SPREADING_PAINFUL_REDNESS);
    assertEquals(
        List.of(), flags(rash(Extent.ONE_AREA).worsening().painful()), "not red or swollen");
    assertEquals(List.of(), flags(rash(Extent.ONE_AREA).worsening().inflamed()), "not painful");
    assertEquals(
        List.of(), flags(rash(Extent.ONE_AREA).painful().inflamed()), "not spreading quickly");
  }

  @Test
  void swellingOfTheFaceOrLips() {
    urgentBy(rash(Extent.ONE_AREA).swelling(), RedFlags.FACE_OR_LIP_SWELLING);
  }

  @Test
  void redFlagsComeFromRashAnswersOnlyAndApplyWhenTheKindIsNotKnown() {
    assertEquals(List.of(), flags(spot().swelling().peeling().fever()));
    assertEquals(List.of(RedFlags.FACE_OR_LIP_SWELLING), flags(either().swelling()));
  }

  @Test
  void severalRedFlagsAllDecideAndEachFactCountsOnce() {
    TriageResult result =
        triage(rash(Extent.WIDESPREAD).fever().blisters().worsening().painful().inflamed());
    assertEquals(
        List.of(
            RedFlags.FEVER_WIDESPREAD_RASH,
            RedFlags.BLISTERING_OR_PEELING,
            RedFlags.SPREADING_PAINFUL_REDNESS),
        decisive(result));
    assertFalse(codes(result).contains("RASH_FEVER"), "the fever is counted in the red flag");
    assertFalse(
        codes(result).contains("RASH_WORSENING"), "the spreading is counted in the red flag");
    assertFalse(
        codes(result).contains("RASH_BLISTERS"), "the blisters are counted in the red flag");
    assertEquals(9, result.score());
  }

  // ---- the rash rules below a red flag
  // -----------------------------------------------------------

  @Test
  void aRashGettingWorseQuicklyIsSoonAndUrgentWithAWeakenedImmuneSystem() {
    assertEquals(Priority.SOON, triage(rash(Extent.ONE_AREA).worsening()).priority());
    TriageResult both = triage(rash(Extent.ONE_AREA).worsening().immunosuppressed());
    assertEquals(Priority.URGENT, both.priority());
    assertEquals("RASH_WORSENING_IMMUNOSUPPRESSED", both.reasons().get(0).code());
  }

  @Test
  void aRashWithAFeverIsUrgentAndFeelingALittleUnwellIsSoon() {
    TriageResult fever = triage(rash(Extent.SEVERAL_AREAS).fever());
    assertEquals(Priority.URGENT, fever.priority());
    assertEquals(TriageDecision.rule("RASH_FEVER"), fever.decision());
    assertEquals(Priority.SOON, triage(rash(Extent.ONE_AREA).unwell(Unwell.A_LITTLE)).priority());
  }

  @Test
  void aRashAfterANewMedicineIsSoon() {
    TriageResult result = triage(rash(Extent.SEVERAL_AREAS).newMedicine());
    assertEquals(Priority.SOON, result.priority());
    assertEquals("RASH_NEW_MEDICINE", result.reasons().get(0).code());
  }

  @Test
  void blistersInOneAreaAreSoon() {
    TriageResult result = triage(rash(Extent.ONE_AREA).blisters());
    assertEquals(Priority.SOON, result.priority());
    assertEquals("RASH_BLISTERS", result.reasons().get(0).code());
  }

  @Test
  void aQuietRashIsRoutine() {
    TriageResult result = triage(rash(Extent.SEVERAL_AREAS).inflamed());
    assertEquals(Priority.ROUTINE, result.priority());
    assertEquals(List.of("NO_WARNING_SIGNS"), codes(result));
  }
}
