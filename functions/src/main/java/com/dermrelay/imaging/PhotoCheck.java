package com.dermrelay.imaging;

import java.util.Comparator;
import java.util.List;

/**
 * The result of checking one upload.
 *
 * @param verdict the worst verdict among the findings, ACCEPTED when there are none
 * @param format what the bytes are, whatever the upload claimed
 * @param width the photo's width as it should be seen (after the EXIF orientation); 0 when the
 *     header could not be read
 * @param height see {@code width}
 * @param findings what to tell the patient, most serious first; empty when all is well
 * @param scores the quality measurements, or null when the photo was rejected before them
 * @param clean the copy to store, or null when {@code verdict} is REJECTED
 */
public record PhotoCheck(
    Verdict verdict,
    PhotoFormat format,
    int width,
    int height,
    List<Finding> findings,
    QualityScores scores,
    CleanPhoto clean) {

  static PhotoCheck rejected(PhotoFormat format, int width, int height, Finding finding) {
    return new PhotoCheck(Verdict.REJECTED, format, width, height, List.of(finding), null, null);
  }

  static PhotoCheck checked(
      PhotoFormat format,
      int width,
      int height,
      List<Finding> findings,
      QualityScores scores,
      CleanPhoto clean) {
    List<Finding> sorted =
        findings.stream().sorted(Comparator.comparing(Finding::verdict).reversed()).toList();
    Verdict verdict = Verdict.ACCEPTED;
    for (Finding finding : sorted) {
      verdict = verdict.worse(finding.verdict());
    }
    return new PhotoCheck(verdict, format, width, height, sorted, scores, clean);
  }

  /** True when this finding is among the results. */
  public boolean has(FindingCode code) {
    return findings.stream().anyMatch(f -> f.code() == code);
  }
}
