package com.dermrelay.core.audit;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * An audit record as the table holds it (docs/data-model.md): who did what to which resource, when,
 * how it ended and until when it is kept ({@code expiresAt}, epoch seconds); a record of repeated
 * refusals ({@link RepeatedDenials}) adds {@code attempts}, {@code lastTime} and {@code
 * lastRequestId}. Keys, {@code tenantId} and {@code version} are the data layer's.
 */
record AuditItem(
    String time,
    String actorSubject,
    String actorRole,
    String actorName,
    String action,
    String resourceType,
    String resourceId,
    String patientSubject,
    String outcome,
    String requestId,
    Long expiresAt,
    Long attempts,
    String lastTime,
    String lastRequestId) {

  /** The same record counted once more, at {@code lastTime} by {@code lastRequestId}. */
  AuditItem counted(long attempts, String lastTime, String lastRequestId) {
    return new AuditItem(
        time,
        actorSubject,
        actorRole,
        actorName,
        action,
        resourceType,
        resourceId,
        patientSubject,
        outcome,
        requestId,
        expiresAt,
        attempts,
        lastTime,
        lastRequestId);
  }

  /** Built from lambdas, no reflection (decision 0018). */
  static final TableSchema<AuditItem> SCHEMA =
      StaticImmutableTableSchema.builder(AuditItem.class, Builder.class)
          .newItemBuilder(Builder::new, Builder::build)
          .addAttribute(String.class, a -> a.name("type").getter(r -> "AUDIT").setter((b, v) -> {}))
          .addAttribute(
              String.class,
              a -> a.name("time").getter(AuditItem::time).setter((b, v) -> b.time = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("actorSubject")
                      .getter(AuditItem::actorSubject)
                      .setter((b, v) -> b.actorSubject = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("actorRole")
                      .getter(AuditItem::actorRole)
                      .setter((b, v) -> b.actorRole = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("actorName")
                      .getter(AuditItem::actorName)
                      .setter((b, v) -> b.actorName = v))
          .addAttribute(
              String.class,
              a -> a.name("action").getter(AuditItem::action).setter((b, v) -> b.action = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("resourceType")
                      .getter(AuditItem::resourceType)
                      .setter((b, v) -> b.resourceType = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("resourceId")
                      .getter(AuditItem::resourceId)
                      .setter((b, v) -> b.resourceId = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("patientSubject")
                      .getter(AuditItem::patientSubject)
                      .setter((b, v) -> b.patientSubject = v))
          .addAttribute(
              String.class,
              a -> a.name("outcome").getter(AuditItem::outcome).setter((b, v) -> b.outcome = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("requestId")
                      .getter(AuditItem::requestId)
                      .setter((b, v) -> b.requestId = v))
          .addAttribute(
              Long.class,
              a ->
                  a.name("expiresAt")
                      .getter(AuditItem::expiresAt)
                      .setter((b, v) -> b.expiresAt = v))
          .addAttribute(
              Long.class,
              a ->
                  a.name(RepeatedDenials.ATTEMPTS)
                      .getter(AuditItem::attempts)
                      .setter((b, v) -> b.attempts = v))
          .addAttribute(
              String.class,
              a ->
                  a.name(RepeatedDenials.LAST_TIME)
                      .getter(AuditItem::lastTime)
                      .setter((b, v) -> b.lastTime = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("lastRequestId")
                      .getter(AuditItem::lastRequestId)
                      .setter((b, v) -> b.lastRequestId = v))
          .build();

  private static final class Builder {
    String time;
    String actorSubject;
    String actorRole;
    String actorName;
    String action;
    String resourceType;
    String resourceId;
    String patientSubject;
    String outcome;
    String requestId;
    Long expiresAt;
    Long attempts;
    String lastTime;
    String lastRequestId;

    AuditItem build() {
      return new AuditItem(
          time,
          actorSubject,
          actorRole,
          actorName,
          action,
          resourceType,
          resourceId,
          patientSubject,
          outcome,
          requestId,
          expiresAt,
          attempts,
          lastTime,
          lastRequestId);
    }
  }
}
