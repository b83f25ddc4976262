package com.dermrelay.followup;

import com.dermrelay.cases.CaseExchangeItems;
import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.FollowUpReport;
import com.dermrelay.cases.InfoReply;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.intake.SubmitCase;
import com.dermrelay.review.AnswerRules;
import com.dermrelay.review.ReviewItem;
import com.dermrelay.review.TaskCompletions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.inject.Inject;

/**
 * The patient sends the follow-up the dermatologist asked for, while it is due: a short
 * questionnaire and at least one checked photo of the follow-up round (uploaded before through
 * requestPhotoUploads / confirmPhoto). Stored once ({@code FOLLOWUP#<round>}), timeline {@code
 * follow_up_sent}, then the FOLLOW_UP wait ends with {@code {"followUpId"}}: the case is triaged
 * again and returns to the same dermatologist first. Idempotent on the same body.
 */
public final class SubmitFollowUp {
  static final Set<String> PROGRESS = Set.of("BETTER", "SAME", "WORSE");
  static final int MAX_NOTES = 4000;

  private final CaseStore cases;
  private final CaseExchangeItems exchanges;
  private final TaskCompletions completions;
  private final AuditTrail audit;

  @Inject
  public SubmitFollowUp(
      CaseStore cases, CaseExchangeItems exchanges, TaskCompletions completions, AuditTrail audit) {
    this.cases = cases;
    this.exchanges = exchanges;
    this.completions = completions;
    this.audit = audit;
  }

  public FollowUpReport run(TenantContext tenant, String caseId, FollowUpReport.Send send) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    if (send.progress() == null || !PROGRESS.contains(send.progress())) {
      errors.add(AnswerRules.error("/progress", "must be BETTER, SAME or WORSE"));
    }
    if (send.newSymptoms() == null) {
      errors.add(AnswerRules.error("/newSymptoms", "is required"));
    }
    if (send.notes() != null && send.notes().length() > MAX_NOTES) {
      errors.add(AnswerRules.error("/notes", "must be at most " + MAX_NOTES + " characters"));
    }
    AnswerRules.refuseIfAny(errors);
    CaseRecord c = cases.ownCase(tenant, caseId, "case.follow-up").record();
    int round = c.round();
    ItemKey key = CaseExchangeItems.key(caseId, "FOLLOWUP", round);
    Optional<FollowUpReport> existing =
        exchanges.get(tenant, key, FollowUpReport.class).map(CaseExchangeItems.Stored::document);
    if (existing.isEmpty()) {
      if (!CaseRecord.FOLLOW_UP_DUE.equals(c.status())) {
        throw AnswerRules.conflict("No follow-up is due on this case.");
      }
      List<InfoReply.PhotoRef> photos = ReplyToInfoRequest.photosOf(c, round);
      if (photos.isEmpty()) {
        throw new ApiProblem(
            409,
            SubmitCase.INCOMPLETE_PROBLEM,
            "Follow-up incomplete",
            "Add at least one checked photo of this follow-up first; missing: /photos.",
            List.of(
                AnswerRules.error(
                    "/photos", "a checked photo of the follow-up round is required")));
      }
      FollowUpReport report =
          new FollowUpReport(
              UUID.randomUUID().toString(),
              round,
              send.progress(),
              send.newSymptoms(),
              send.notes(),
              photos,
              tenant.requestTime().toString());
      if (exchanges.putIfAbsent(tenant, key, "FOLLOWUP", report)) {
        audit.wrote(
            tenant, "case.follow-up", AuditResource.ofPatient("case", caseId, tenant.subject()));
      }
      existing =
          exchanges.get(tenant, key, FollowUpReport.class).map(CaseExchangeItems.Stored::document);
    }
    FollowUpReport report = existing.orElseThrow();
    if (!report.progress().equals(send.progress())
        || report.newSymptoms() != send.newSymptoms()
        || !java.util.Objects.equals(report.notes(), send.notes())) {
      throw AnswerRules.conflict("The follow-up was already sent.");
    }
    String now = tenant.requestTime().toString();
    cases.update(
        tenant,
        caseId,
        current ->
            current.lastOf("follow_up_due", "follow_up_sent").equals("follow_up_sent")
                ? current
                : current.withEvent(now, "follow_up_sent"));
    completions.complete(
        tenant,
        caseId,
        ReviewItem.Wait.FOLLOW_UP,
        "{\"followUpId\":\"" + report.followUpId() + "\"}",
        false);
    return report.shown();
  }

  /** The follow-up the patient sent in the case's {@code round}, for the workflow's triage. */
  public static Optional<FollowUpReport> find(
      CaseExchangeItems exchanges, TenantContext tenant, String caseId, int round) {
    return exchanges
        .get(tenant, CaseExchangeItems.key(caseId, "FOLLOWUP", round), FollowUpReport.class)
        .map(CaseExchangeItems.Stored::document);
  }
}
