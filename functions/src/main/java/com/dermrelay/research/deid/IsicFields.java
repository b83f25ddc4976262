package com.dermrelay.research.deid;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DermRelay's answers in the ISIC Archive's metadata vocabulary (the {@code isic-metadata} package
 * of the ISIC Archive: {@code anatom_site_general}, {@code image_type}, {@code sex}, {@code
 * fitzpatrick_skin_type}, {@code age_approx}); docs/research-export.md has the tables.
 */
public final class IsicFields {
  public static final String HEAD_NECK = "head/neck";
  public static final String UPPER_EXTREMITY = "upper extremity";
  public static final String LOWER_EXTREMITY = "lower extremity";
  public static final String ANTERIOR_TORSO = "anterior torso";
  public static final String POSTERIOR_TORSO = "posterior torso";
  public static final String LATERAL_TORSO = "lateral torso";
  public static final String PALMS_SOLES = "palms/soles";
  public static final String ORAL_GENITAL = "oral/genital";

  /** ISIC's earlier value for a torso site not said to be front, back or side (our "trunk"). */
  public static final String TORSO = "torso";

  public static final String CLOSE_UP = "clinical: close-up";
  public static final String OVERVIEW = "clinical: overview";
  public static final String DERMOSCOPIC = "dermoscopic";

  /** ISIC never recorded an age above this: 85 stands for 85 and older. */
  public static final int OLDEST_AGE = 85;

  private static final Map<String, String> SITES = sites();

  private IsicFields() {}

  private static Map<String, String> sites() {
    Map<String, String> m = new HashMap<>();
    for (String r : List.of("scalp", "face", "ear", "eyelid", "lip", "neck")) {
      m.put(r, HEAD_NECK);
    }
    // ISIC's anatomical hierarchy puts the mouth's mucosa and the inguinal (perigenital) fold with
    // the genitals.
    for (String r : List.of("mouth", "genitals", "groin")) {
      m.put(r, ORAL_GENITAL);
    }
    for (String r : List.of("chest", "breast", "abdomen")) {
      m.put(r, ANTERIOR_TORSO);
    }
    for (String r : List.of("upper-back", "lower-back")) {
      m.put(r, POSTERIOR_TORSO);
    }
    m.put("armpit", LATERAL_TORSO);
    m.put("trunk", TORSO);
    for (String r :
        List.of(
            "shoulder",
            "upper-arm",
            "elbow",
            "forearm",
            "wrist",
            "back-of-hand",
            "finger",
            "fingernail")) {
      m.put(r, UPPER_EXTREMITY);
    }
    for (String r : List.of("palm", "sole")) {
      m.put(r, PALMS_SOLES);
    }
    for (String r :
        List.of(
            "buttock",
            "hip",
            "thigh",
            "knee",
            "lower-leg",
            "shin",
            "calf",
            "ankle",
            "top-of-foot",
            "toe",
            "toenail")) {
      m.put(r, LOWER_EXTREMITY);
    }
    return Map.copyOf(m);
  }

  /** The general site of one body-map region, empty for a region this table does not know. */
  public static Optional<String> site(String region) {
    return Optional.ofNullable(region == null ? null : SITES.get(region));
  }

  /**
   * The general site of a case's body-map regions: the one they share, or empty when they name none
   * or several (a photo of such a case cannot be placed).
   */
  public static Optional<String> siteOf(Collection<String> regions) {
    Set<String> general = new LinkedHashSet<>();
    for (String region : regions) {
      general.add(site(region).orElse(null));
    }
    return general.size() == 1 && !general.contains(null)
        ? Optional.of(general.iterator().next())
        : Optional.empty();
  }

  /** Whether any of the regions lies on the head or neck (where a photo may show a face). */
  public static boolean onHeadOrNeck(Collection<String> regions) {
    return regions.stream().anyMatch(r -> HEAD_NECK.equals(SITES.get(r)));
  }

  /**
   * The image type of a photo view: the API's view names, and the dermoscopic kind by its name
   * ({@code dermoscopic}, formerly {@code dermoscopy}); empty for a view this table does not know.
   */
  public static Optional<String> imageType(String view) {
    String base = view == null ? "" : view.split("@", 2)[0];
    return switch (base) {
      case "close_up", "oblique" -> Optional.of(CLOSE_UP);
      case "context" -> Optional.of(OVERVIEW);
      case "dermoscopic", "dermoscopy" -> Optional.of(DERMOSCOPIC);
      default -> Optional.empty();
    };
  }

  /** ISIC's {@code sex} has two values; any other answer (other, unknown) is left empty. */
  public static Optional<String> sex(String profileSex) {
    return "female".equals(profileSex) || "male".equals(profileSex)
        ? Optional.of(profileSex)
        : Optional.empty();
  }

  /** Fitzpatrick type 1-6 as ISIC writes it (I-VI). */
  public static Optional<String> skinType(Integer type) {
    if (type == null || type < 1 || type > 6) {
      return Optional.empty();
    }
    return Optional.of(List.of("I", "II", "III", "IV", "V", "VI").get(type - 1));
  }

  /** Whole years between the date of birth and the day the case was sent. */
  public static Optional<Integer> ageOn(String dateOfBirth, LocalDate day) {
    if (dateOfBirth == null) {
      return Optional.empty();
    }
    try {
      int years = Period.between(LocalDate.parse(dateOfBirth), day).getYears();
      return years < 0 ? Optional.empty() : Optional.of(years);
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code age_approx}: the age to the nearest 5 years, 85 for 85 and older (as the ISIC Archive).
   */
  public static int ageApprox(int age) {
    return Math.min(OLDEST_AGE, Math.round(age / 5.0f) * 5);
  }
}
