package com.dermrelay.datarights;

import com.dermrelay.core.access.TenantContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One part of what a patient's export holds (their account, who opened their record, their cases,
 * ...). Each capability that keeps data about a patient contributes a section by binding it
 * {@code @IntoSet} in {@link DataRightsModule}, so the export grows with the platform instead of
 * forgetting what was added later.
 */
public interface PatientDataSection {
  /** The section's key in the archive, e.g. {@code account}. */
  String name();

  /** Everything this section holds about the patient, in the acting clinic. */
  JsonNode export(TenantContext tenant, String patientSubject, String patientEmail);

  /**
   * Files that go into the archive beside the JSON (photos, a page to read), given what {@link
   * #export} returned; {@code language} is the one the patient asked for (see {@link
   * ExportMyData#LANGUAGES}). Most sections have none.
   */
  default List<ExportFile> files(TenantContext tenant, JsonNode exported, String language) {
    return List.of();
  }
}
