package com.dermrelay.templates;

import com.dermrelay.cases.AnswerContent;
import java.util.List;
import java.util.Map;

/**
 * A template as stored ({@code TENANT#<id>#TEMPLATES} / {@code TEMPLATE#<templateId>}, one JSON
 * document). Ids are unique in the clinic across scopes, so an answer's {@code templateId} names
 * one template. A deleted template stays as a tombstone ({@code deleted}) that keeps its version
 * counting, so a stale delete or put still meets a version check.
 *
 * @param ownerSub the dermatologist of a PERSONAL template; null for CLINIC
 */
record TemplateDocument(
    String id,
    String scope,
    String ownerSub,
    String diagnosisCode,
    String title,
    Map<String, AnswerTemplate.Texts> texts,
    AnswerContent.FollowUpInterval followUp,
    AnswerContent.Referral referral,
    boolean reviewed,
    String reviewedAt,
    String reviewedBy,
    boolean starter,
    List<AnswerTemplate.Source> sources,
    String updatedAt,
    String updatedBy,
    boolean deleted) {

  AnswerTemplate view(long version) {
    return new AnswerTemplate(
        id,
        scope,
        version,
        diagnosisCode,
        title,
        texts,
        followUp,
        referral,
        reviewed,
        reviewedAt,
        starter,
        sources == null || sources.isEmpty() ? null : sources,
        updatedAt);
  }

  TemplateDocument deletedBy(String subject, String at) {
    return new TemplateDocument(
        id,
        scope,
        ownerSub,
        diagnosisCode,
        null,
        Map.of(),
        null,
        null,
        false,
        null,
        null,
        starter,
        null,
        at,
        subject,
        true);
  }
}
