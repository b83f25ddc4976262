package com.dermrelay.triage;

import java.util.List;

/**
 * The rules for a rash: the red flags ({@link RedFlags}), then a rash getting worse quickly, fever
 * or feeling unwell, a new medicine and blisters (docs/triage.md has each rule's source). A fact a
 * red flag already counted adds no second reason.
 */
final class RashRules {
  private RashRules() {}

  static void apply(TriageInput input, Findings findings) {
    RashAnswers r = input.rash();
    List<TriageReason> flags = RedFlags.of(input);
    flags.forEach(
        flag ->
            findings.add(
                Priority.URGENT, Findings.RED_FLAG, flag.code(), flag.text(), flag.points()));
    boolean spreadingCounted = codes(flags).contains(RedFlags.SPREADING_PAINFUL_REDNESS);
    boolean blistersCounted = codes(flags).contains(RedFlags.BLISTERING_OR_PEELING);
    boolean illnessCounted =
        codes(flags).contains(RedFlags.FEVER_WIDESPREAD_RASH)
            || (blistersCounted
                && !r.skinPeeling()
                && r.extent() != RashAnswers.Extent.SEVERAL_AREAS
                && r.extent() != RashAnswers.Extent.WIDESPREAD);
    if (r.worseningRapidly() && !spreadingCounted) {
      if (input.immunosuppressed()) {
        findings.add(
            Priority.URGENT,
            null,
            "RASH_WORSENING_IMMUNOSUPPRESSED",
            "A rash getting worse quickly in someone with a weakened immune system needs an urgent look.",
            2);
      } else {
        findings.add(
            Priority.SOON, null, "RASH_WORSENING", "The rash is getting worse quickly.", 2);
      }
    }
    if (r.systemicallyUnwell() && !illnessCounted) {
      findings.add(
          Priority.URGENT,
          null,
          "RASH_FEVER",
          "A rash with a fever or feeling very unwell needs an urgent look (an infection or a drug reaction).",
          2);
    } else if (r.unwell() == RashAnswers.Unwell.A_LITTLE && !r.fever()) {
      findings.add(Priority.SOON, null, "RASH_UNWELL", "Feels a little unwell with the rash.", 1);
    }
    if (r.newMedicine()) {
      findings.add(
          Priority.SOON,
          null,
          "RASH_NEW_MEDICINE",
          "The rash began within 8 weeks of starting a new medicine: it may be a drug reaction.",
          1);
    }
    if (r.blisters() && !blistersCounted) {
      findings.add(
          Priority.SOON,
          null,
          "RASH_BLISTERS",
          "Blisters on the rash (shingles, for one, needs treatment within 3 days).",
          1);
    }
  }

  private static List<String> codes(List<TriageReason> reasons) {
    return reasons.stream().map(TriageReason::code).toList();
  }
}
