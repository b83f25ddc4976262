package com.dermrelay.research.export;

import java.util.List;
import java.util.Map;

/**
 * What a research export holds and what it left out, as {@code report.json} in the archive and in
 * the console. Counts and codes only: no date but years, no id of the platform.
 *
 * @param years the years the released images were sent in (dates finer than a year are never
 *     released)
 * @param consentVersions patients released per version of the research consent they agreed to
 * @param generalisation per released column, how coarse its values are (codes in
 *     docs/research-export.md)
 * @param generalisedImages released images with a coarser value than ISIC's own in some column
 * @param suppressed images left out by k-anonymity, by reason
 * @param excluded images (or cases, where a whole case went) left out before, by reason
 */
public record ResearchReport(
    String format,
    int k,
    List<Integer> years,
    Counts counts,
    List<DiagnosisCount> byDiagnosis,
    Map<String, Integer> bySite,
    Map<String, Integer> bySkinType,
    Map<String, Integer> byImageType,
    Map<String, Integer> consentVersions,
    Map<String, String> generalisation,
    int generalisedImages,
    List<Reason> suppressed,
    List<Reason> excluded,
    Manifest manifest) {

  public static final String FORMAT = "dermrelay-research-export/1";

  public record Counts(int patients, int lesions, int images) {}

  /**
   * @param snomed absent where the diagnosis list has no verified concept
   */
  public record DiagnosisCount(
      String code, String name, String icd10, String snomed, int lesions, int images) {}

  /**
   * @param count images (or whole cases, for {@code case-not-answered})
   * @param description the reason in English, for a reader of the archive
   */
  public record Reason(String code, int count, String description) {}

  /** The checksum file of the archive: every other file's SHA-256. */
  public record Manifest(String algorithm, String file, int files) {}
}
