package com.dermrelay.research.deid;

import java.util.function.Function;

/**
 * The released values a recipient could link to other data (age, sex, site, skin type, year), each
 * with its generalisation hierarchy: level 0 is the value as ISIC writes it, each level up is
 * coarser, and the last level releases nothing ("" in the CSV). An unknown value is "" at every
 * level.
 */
public enum QuasiIdentifier {
  AGE("age_approx", 3, c -> c.age() == null ? null : c.age().toString()) {
    @Override
    String generalise(String value, int level) {
      int age = Integer.parseInt(value);
      return switch (level) {
        case 0 -> Integer.toString(IsicFields.ageApprox(age));
        case 1 -> band(age, 10);
        case 2 -> band(age, 20);
        default -> "";
      };
    }
  },
  SEX("sex", 1, CandidateImage::sex) {
    @Override
    String generalise(String value, int level) {
      return level == 0 ? value : "";
    }
  },
  SITE("anatom_site_general", 2, CandidateImage::site) {
    @Override
    String generalise(String value, int level) {
      return switch (level) {
        case 0 -> value;
        case 1 ->
            switch (value) {
              case IsicFields.ANTERIOR_TORSO,
                  IsicFields.POSTERIOR_TORSO,
                  IsicFields.LATERAL_TORSO,
                  IsicFields.TORSO ->
                  "torso";
              case IsicFields.UPPER_EXTREMITY, IsicFields.LOWER_EXTREMITY, IsicFields.PALMS_SOLES ->
                  "extremity";
              default -> value; // head/neck, oral/genital
            };
        default -> "";
      };
    }
  },
  SKIN_TYPE("fitzpatrick_skin_type", 2, CandidateImage::skinType) {
    @Override
    String generalise(String value, int level) {
      return switch (level) {
        case 0 -> value;
        case 1 ->
            switch (value) {
              case "I", "II" -> "I-II";
              case "III", "IV" -> "III-IV";
              default -> "V-VI";
            };
        default -> "";
      };
    }
  },
  YEAR("year", 2, c -> Integer.toString(c.year())) {
    @Override
    String generalise(String value, int level) {
      int year = Integer.parseInt(value);
      return switch (level) {
        case 0 -> value;
        case 1 -> (year / 5 * 5) + "-" + (year / 5 * 5 + 4);
        default -> "";
      };
    }
  };

  /** Ages from here on share one open band, as 85 stands for 85 and older at level 0. */
  static final int OPEN_BAND_FROM = 80;

  private final String column;
  private final int suppressedLevel;
  private final Function<CandidateImage, String> raw;

  QuasiIdentifier(String column, int suppressedLevel, Function<CandidateImage, String> raw) {
    this.column = column;
    this.suppressedLevel = suppressedLevel;
    this.raw = raw;
  }

  /** The CSV column it is released in. */
  public String column() {
    return column;
  }

  /** The level that releases nothing; levels run from 0 to it. */
  public int suppressedLevel() {
    return suppressedLevel;
  }

  /** The image's value at {@code level}; "" when unknown or fully generalised. */
  public String value(CandidateImage image, int level) {
    String value = raw.apply(image);
    return value == null || value.isEmpty()
        ? ""
        : generalise(value, Math.min(level, suppressedLevel));
  }

  abstract String generalise(String value, int level);

  private static String band(int age, int width) {
    if (age >= OPEN_BAND_FROM) {
      return OPEN_BAND_FROM + "+";
    }
    int from = age / width * width;
    return from + "-" + (from + width - 1);
  }
}
