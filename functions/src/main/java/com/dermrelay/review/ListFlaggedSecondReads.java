package com.dermrelay.review;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.quality.FlaggedSecondReads;
import com.dermrelay.quality.SecondRead;
import java.util.List;
import javax.inject.Inject;

/**
 * listFlaggedSecondReads: the clinic's rounds whose second read judged the case more urgent than
 * the answer the patient was sent, not yet dealt with, oldest flagged first; for the clinic's
 * medical leads and admins every one, for a dermatologist who is not a lead their own answers.
 * Codes and categories only: no text the patient or a dermatologist wrote.
 */
public final class ListFlaggedSecondReads {
  private final FlaggedSecondReads flags;

  @Inject
  public ListFlaggedSecondReads(FlaggedSecondReads flags) {
    this.flags = flags;
  }

  /** What one reader said, by code. */
  public record Reading(String diagnosisCode, String management) {}

  /** One flagged round. */
  public record Item(
      String caseId,
      int round,
      String flaggedAt,
      Reading firstRead,
      Reading secondRead,
      boolean diagnosisAgrees) {}

  public record FlaggedList(List<Item> items) {}

  public FlaggedList run(TenantContext tenant) {
    return new FlaggedList(
        flags.visibleTo(tenant).stream().map(ListFlaggedSecondReads::item).toList());
  }

  private static Item item(SecondRead r) {
    return new Item(
        r.caseId(),
        r.round(),
        r.comparison().comparedAt(),
        new Reading(r.comparison().firstDiagnosisCode(), r.comparison().firstManagement()),
        new Reading(r.secondRead().diagnosisCode(), r.secondRead().management()),
        r.comparison().diagnosisAgrees());
  }
}
