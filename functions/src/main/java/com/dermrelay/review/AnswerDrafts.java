package com.dermrelay.review;

import com.dermrelay.cases.CaseExchangeItems;
import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.StoredCase;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.VersionConflictException;
import com.dermrelay.core.http.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;

/**
 * saveAnswerDraft and getAnswerDraft: the calling dermatologist's own draft for a case of the
 * clinic (clinical notes: every read and write audited). No claim is needed to draft.
 */
public final class AnswerDrafts {
  private final CaseStore cases;
  private final CaseExchangeItems exchanges;
  private final AnswerRules rules;
  private final AuditTrail audit;

  @Inject
  public AnswerDrafts(
      CaseStore cases, CaseExchangeItems exchanges, AnswerRules rules, AuditTrail audit) {
    this.cases = cases;
    this.exchanges = exchanges;
    this.rules = rules;
    this.audit = audit;
  }

  static ItemKey key(String caseId, String subject) {
    return ItemKey.of("CASE#" + caseId, "ANSWER_DRAFT#" + subject);
  }

  public AnswerDraft save(TenantContext tenant, String caseId, AnswerDraft.Save request) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    if (request.version() == null || request.version() < 0) {
      errors.add(
          AnswerRules.error("/version", "is required: the version you read, 0 for a new draft"));
    }
    if (request.answer() == null) {
      errors.add(AnswerRules.error("/answer", "is required"));
    }
    errors.addAll(rules.forDraft(request.answer(), "/answer"));
    AnswerRules.refuseIfAny(errors);
    StoredCase c =
        AnswerCase.reviewableCase(cases, audit, tenant, caseId, "case.answer-draft.save");
    String now = tenant.requestTime().toString();
    long version;
    try {
      version =
          exchanges.putVersioned(
              tenant,
              key(caseId, tenant.subject()),
              "ANSWER_DRAFT",
              new AnswerDraft.Stored(request.answer(), now),
              request.version());
    } catch (VersionConflictException e) {
      throw AnswerRules.conflict(
          "The draft changed since it was read (another tab?); read it again.");
    }
    audit.wrote(
        tenant,
        "case.answer-draft.save",
        AuditResource.ofPatient("case", caseId, c.record().patientSubject()));
    return new AnswerDraft(version, request.answer(), now);
  }

  /** The caller's draft; version 0 and no answer when there is none yet. */
  public AnswerDraft get(TenantContext tenant, String caseId) {
    StoredCase c =
        AnswerCase.reviewableCase(cases, audit, tenant, caseId, "case.answer-draft.read");
    audit.read(tenant, AuditResource.ofPatient("case", caseId, c.record().patientSubject()));
    return exchanges
        .get(tenant, key(caseId, tenant.subject()), AnswerDraft.Stored.class)
        .map(s -> new AnswerDraft(s.version(), s.document().answer(), s.document().savedAt()))
        .orElse(new AnswerDraft(0, null, null));
  }
}
