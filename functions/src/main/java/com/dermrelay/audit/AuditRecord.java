package com.dermrelay.audit;

import java.time.Instant;

/** One audit record as stored and as searchAuditLog answers it. */
public record AuditRecord(
    String id,
    Instant time,
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
