package com.dermrelay.core.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * What an audited action touched: a type ({@code case}, {@code photo}, {@code tenant-settings},
 * {@code member}, ...), its id, and the patient whose record it belongs to when there is one (so
 * that patient's access log finds it). Ids only: never health data.
 */
public record AuditResource(String type, String id, Optional<String> patientSubject) {
  public AuditResource {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(patientSubject, "patientSubject");
  }

  public static AuditResource of(String type, String id) {
    return new AuditResource(type, id, Optional.empty());
  }

  /** A resource of one patient's record. */
  public static AuditResource ofPatient(String type, String id, String patientSubject) {
    return new AuditResource(type, id, Optional.of(patientSubject));
  }
}
