package com.dermrelay.followup;

import com.dermrelay.cases.CaseExchangeItems;
import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.InfoQuestion;
import com.dermrelay.cases.InfoReply;
import com.dermrelay.cases.PhotoViews;
import com.dermrelay.cases.Rounds;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.review.AnswerRules;
import com.dermrelay.review.ReviewItem;
import com.dermrelay.review.TaskCompletions;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.inject.Inject;

/**
 * The patient answers the dermatologist's question: text, plus the photos of the question's round
 * they uploaded and confirmed before (requestPhotoUploads / confirmPhoto). The reply is stored once
 * ({@code REPLY#<round>}), the timeline gets {@code info_reply_sent}, then the INFO_REPLY wait ends
 * with {@code {"replyId"}} and the case returns to the same dermatologist first. Idempotent: the
 * same text again answers the stored reply (re-sending the callback if needed).
 */
public final class ReplyToInfoRequest {
  static final int MAX_TEXT = 4000;

  private final CaseStore cases;
  private final CaseExchangeItems exchanges;
  private final TaskCompletions completions;
  private final AuditTrail audit;

  @Inject
  public ReplyToInfoRequest(
      CaseStore cases, CaseExchangeItems exchanges, TaskCompletions completions, AuditTrail audit) {
    this.cases = cases;
    this.exchanges = exchanges;
    this.completions = completions;
    this.audit = audit;
  }

  public InfoRequestView run(TenantContext tenant, String caseId, InfoReply.Send send) {
    String text = send.text();
    if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
      AnswerRules.refuseIfAny(
          List.of(AnswerRules.error("/text", "is required, at most " + MAX_TEXT + " characters")));
    }
    CaseRecord c = cases.ownCase(tenant, caseId, "case.info-reply").record();
    int round = c.round();
    InfoQuestion question =
        exchanges
            .get(tenant, CaseExchangeItems.key(caseId, "QUESTION", round), InfoQuestion.class)
            .map(CaseExchangeItems.Stored::document)
            .orElseThrow(
                () -> AnswerRules.conflict("The clinic has no open question on this case."));
    ItemKey key = CaseExchangeItems.key(caseId, "REPLY", round);
    Optional<InfoReply> existing =
        exchanges.get(tenant, key, InfoReply.class).map(CaseExchangeItems.Stored::document);
    if (existing.isEmpty()) {
      if (!CaseRecord.MORE_INFO_REQUESTED.equals(c.status())) {
        throw AnswerRules.conflict("The clinic no longer waits for a reply to this question.");
      }
      InfoReply reply =
          new InfoReply(
              UUID.randomUUID().toString(),
              round,
              text,
              photosOf(c, round),
              tenant.requestTime().toString());
      if (exchanges.putIfAbsent(tenant, key, "REPLY", reply)) {
        audit.wrote(
            tenant, "case.info-reply", AuditResource.ofPatient("case", caseId, tenant.subject()));
      }
      existing =
          exchanges.get(tenant, key, InfoReply.class).map(CaseExchangeItems.Stored::document);
    }
    InfoReply reply = existing.orElseThrow();
    if (!reply.text().equals(text)) {
      throw AnswerRules.conflict("This question was already answered.");
    }
    String now = tenant.requestTime().toString();
    cases.update(
        tenant,
        caseId,
        current ->
            current.lastOf("more_info_requested", "info_reply_sent").equals("info_reply_sent")
                ? current
                : current.withEvent(now, "info_reply_sent"));
    completions.complete(
        tenant,
        caseId,
        ReviewItem.Wait.INFO_REPLY,
        "{\"replyId\":\"" + reply.replyId() + "\"}",
        false);
    return new InfoRequestView(
        caseId,
        Rounds.shown(question.round()),
        question.question(),
        question.askedAt(),
        question.dermatologistName(),
        false,
        reply.shown(),
        question.newPhotos());
  }

  /** The usable (checked and passed, or kept) photos the patient sent in {@code round}. */
  static List<InfoReply.PhotoRef> photosOf(CaseRecord c, int round) {
    String suffix = "@" + round;
    return c.photos().entrySet().stream()
        .filter(e -> e.getKey().endsWith(suffix) && PhotoViews.usable(e.getValue()))
        .map(e -> new InfoReply.PhotoRef(e.getKey(), e.getValue().photoId()))
        .toList();
  }
}
