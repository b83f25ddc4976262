package com.dermrelay.research.export;

import java.util.Map;
import java.util.TreeMap;

/**
 * Why a case or a photo was left out of a research export: stable codes (the console translates
 * them) and the English words the archive's report gives with each.
 */
public final class Exclusions {
  public static final String CONSENT_NOT_GIVEN = "consent-not-given";
  public static final String ACCOUNT_CLOSED = "account-closed";
  public static final String CASE_NOT_ANSWERED = "case-not-answered";
  public static final String DIAGNOSIS_NOT_CODED = "diagnosis-not-coded";
  public static final String PHOTO_NOT_USABLE = "photo-not-usable";
  public static final String PHOTO_MAY_SHOW_FACE = "photo-may-show-face";
  public static final String IMAGE_TYPE_UNKNOWN = "image-type-unknown";
  public static final String CONSENT_WITHDRAWN_DURING_EXPORT = "consent-withdrawn-during-export";
  public static final String PHOTO_FAILED_CHECK = "photo-failed-check";
  public static final String K_ANONYMITY = "k-anonymity";
  public static final String K_ANONYMITY_AFTER_CHECKS = "k-anonymity-after-checks";

  private static final Map<String, String> WORDS =
      Map.ofEntries(
          Map.entry(
              CONSENT_NOT_GIVEN,
              "patients whose research consent was no longer given when the export read it"),
          Map.entry(ACCOUNT_CLOSED, "patients whose account was erased at their request"),
          Map.entry(
              CASE_NOT_ANSWERED,
              "cases in the date range without a dermatologist's answer (whole cases)"),
          Map.entry(DIAGNOSIS_NOT_CODED, "images whose answer has no diagnosis code of the list"),
          Map.entry(PHOTO_NOT_USABLE, "photos that failed the photo check or were never checked"),
          Map.entry(
              PHOTO_MAY_SHOW_FACE,
              "overview photos, and photos of the head or neck, that no dermatologist marked as showing no face"),
          Map.entry(IMAGE_TYPE_UNKNOWN, "photos of a kind the ISIC image types do not cover"),
          Map.entry(
              CONSENT_WITHDRAWN_DURING_EXPORT,
              "images of patients who withdrew consent while the export ran"),
          Map.entry(
              PHOTO_FAILED_CHECK,
              "photos that could not be re-encoded without metadata and verified"),
          Map.entry(
              K_ANONYMITY,
              "images whose combination of age, sex, site, skin type and year was shared by fewer"
                  + " than k patients after generalisation"),
          Map.entry(
              K_ANONYMITY_AFTER_CHECKS,
              "images whose combination fell below k patients after the images above"
                  + " were left out"));

  private Exclusions() {}

  public static String words(String code) {
    return WORDS.getOrDefault(code, code);
  }

  /** A counter of reasons. */
  static final class Count {
    private final Map<String, Integer> counts = new TreeMap<>();

    void add(String code) {
      add(code, 1);
    }

    void add(String code, int n) {
      if (n > 0) {
        counts.merge(code, n, Integer::sum);
      }
    }

    Map<String, Integer> counts() {
      return counts;
    }
  }
}
