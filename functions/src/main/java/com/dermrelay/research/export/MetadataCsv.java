package com.dermrelay.research.export;

import com.dermrelay.research.deid.CandidateImage;
import com.dermrelay.research.deid.QuasiIdentifier;
import com.dermrelay.research.deid.ReleasedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The archive's {@code metadata.csv}: one row per image, ISIC's column names where ISIC has the
 * field (docs/research-export.md), RFC 4180 quoting, UTF-8, CRLF. Only these columns exist: the
 * writer picks each value, so nothing a candidate carries for internal use can slip in.
 */
final class MetadataCsv {
  static final List<String> COLUMNS =
      List.of(
          "isic_id",
          "patient_id",
          "lesion_id",
          "image_type",
          "anatom_site_general",
          "diagnosis",
          "diagnosis_code",
          "diagnosis_icd10",
          "diagnosis_snomed",
          "diagnosis_confirm_type",
          "age_approx",
          "sex",
          "fitzpatrick_skin_type",
          "year");

  /** What ISIC calls a diagnosis made by an expert from the images alone. */
  static final String SINGLE_IMAGE_EXPERT_CONSENSUS = "single image expert consensus";

  private MetadataCsv() {}

  static byte[] write(List<ReleasedImage> rows) {
    StringBuilder csv = new StringBuilder();
    line(csv, COLUMNS);
    for (ReleasedImage row : rows) {
      CandidateImage i = row.image();
      line(
          csv,
          List.of(
              i.imageId(),
              i.patientId(),
              i.lesionId(),
              i.imageType(),
              row.value(QuasiIdentifier.SITE),
              i.diagnosis().name(),
              i.diagnosis().code(),
              i.diagnosis().icd10(),
              nonNull(i.diagnosis().snomed()),
              // No biopsy result is recorded anywhere yet; "histopathology" once one is.
              SINGLE_IMAGE_EXPERT_CONSENSUS,
              row.value(QuasiIdentifier.AGE),
              row.value(QuasiIdentifier.SEX),
              row.value(QuasiIdentifier.SKIN_TYPE),
              row.value(QuasiIdentifier.YEAR)));
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }

  private static void line(StringBuilder csv, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(cell(cells.get(i)));
    }
    csv.append("\r\n");
  }

  static String cell(String value) {
    if (value.contains(",")
        || value.contains("\"")
        || value.contains("\n")
        || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}
