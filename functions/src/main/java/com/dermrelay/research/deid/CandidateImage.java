package com.dermrelay.research.deid;

/**
 * One photo that may go into a research export, as the selection found it. The first three fields
 * are the platform's own ids, kept only in the export's working files to fetch the photo and check
 * the patient's consent again; they never reach the archive.
 *
 * @param patientId pseudonym of the patient ({@link Pseudonyms})
 * @param lesionId pseudonym of the lesion (one case is one lesion)
 * @param imageId pseudonym of the image, the archive's {@code isic_id}
 * @param imageType ISIC image type ({@link IsicFields})
 * @param age whole years when the case was sent; null without a date of birth
 * @param sex ISIC sex; null when not female or male
 * @param site ISIC general site; null when the case's body map cannot place it
 * @param skinType Fitzpatrick type as ISIC writes it (I-VI); null when not given
 * @param year the year the case was sent (the only element of a date that is released)
 */
public record CandidateImage(
    String subject,
    String caseId,
    String photoId,
    String patientId,
    String lesionId,
    String imageId,
    String imageType,
    Integer age,
    String sex,
    String site,
    String skinType,
    int year,
    Diagnosis diagnosis,
    String consentVersion) {

  /**
   * The dermatologist's coded diagnosis, from the curated list (never the free-text note).
   *
   * @param snomed null where the list has no verified SNOMED CT concept
   */
  public record Diagnosis(String code, String name, String icd10, String snomed) {}
}
