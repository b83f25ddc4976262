package com.dermrelay.core.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One audit record as stored and as searchAuditLog answers it. A record of repeated refusals
 * ({@link RepeatedDenials}) also has the number of attempts and the time of the last one; the
 * others leave both out.
 */
public record AuditRecord(
    String id,
    /** ISO-8601, UTC, to the millisecond. */
    String time,
    String tenantId,
    String actorSubject,
    String actorRole,
    String actorName,
    String action,
    String resourceType,
    String resourceId,
    String patientSubject,
    String outcome,
    String requestId,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long attempts,
    /** ISO-8601, UTC, to the millisecond; {@code time} is the first attempt's. */
    @JsonInclude(JsonInclude.Include.NON_NULL) String lastTime) {}
