package com.dermrelay.cases;

import java.util.List;

/**
 * One entry of the curated diagnosis list ({@code dermrelay/diagnoses.json}, see
 * docs/diagnoses.md).
 *
 * @param code the list's own stable id, what answers refer to (ICD-10 is too coarse to be one:
 *     basal and squamous cell carcinoma share C44.9)
 * @param icd10 WHO ICD-10 2019 category or subcategory
 * @param snomed SNOMED CT concept id, null where not verified
 * @param name the clinical display name
 * @param patientName what the patient reads, in plain English
 * @param synonyms other names a dermatologist may search by
 */
public record Diagnosis(
    String code,
    String icd10,
    String snomed,
    String name,
    String patientName,
    List<String> synonyms) {
  public Diagnosis {
    synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
  }
}
