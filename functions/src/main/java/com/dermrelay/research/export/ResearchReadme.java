package com.dermrelay.research.export;

/** The archive's {@code README.txt}: what the files are, for whoever receives the dataset. */
final class ResearchReadme {
  private ResearchReadme() {}

  static final String TEXT =
      """
      DermRelay research export
      =========================

      A de-identified dataset of skin photos with a dermatologist's coded diagnosis, from patients
      who gave the clinic's optional research consent. Made following the Safe Harbor method of
      HIPAA (45 CFR 164.514(b)(2)): no names, no contact details, no dates other than the year, no
      free text, no original file names, no account or record numbers; photos rewritten without
      any metadata; photos that may show a face only where a dermatologist marked them face-free.

      metadata.csv          one row per image; ISIC Archive column names where ISIC has the field
                            (isic_id, patient_id, lesion_id, image_type, anatom_site_general,
                            diagnosis, diagnosis_confirm_type, age_approx, sex,
                            fitzpatrick_skin_type); the ids are pseudonyms of this export only
      images/<isic_id>.jpg  the photos
      report.json           counts by diagnosis, site, skin type and image type; what was
                            generalised or left out and why; consent versions; k
      manifest-sha256.txt   the SHA-256 of every other file (sha256sum -c manifest-sha256.txt)

      Every combination of age_approx, sex, anatom_site_general, fitzpatrick_skin_type and year is
      shared by at least k patients (report.json gives k). Do not try to identify anyone.
      """;
}
