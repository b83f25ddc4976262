package com.dermrelay.audit;

/** One audit record as stored and as searchAuditLog answers it. */
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
    String requestId) {}
