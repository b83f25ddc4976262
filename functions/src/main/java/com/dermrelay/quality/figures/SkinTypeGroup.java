package com.dermrelay.quality.figures;

/**
 * The skin-type groups every quality figure is split by: Fitzpatrick I-II, III-IV, V-VI, or not
 * given. A case's group is the patient's own type when they gave one in the intake, else the type
 * the answering dermatologist recorded at review (docs/quality.md, "Skin type at review").
 */
public enum SkinTypeGroup {
  I_II("I-II"),
  III_IV("III-IV"),
  V_VI("V-VI"),
  NOT_GIVEN("not-given");

  private final String code;

  SkinTypeGroup(String code) {
    this.code = code;
  }

  /** The name the API, the counters and the CSV use. */
  public String code() {
    return code;
  }

  /** The group of a case: the patient's type (1-6) if given, else the reviewer's, else none. */
  public static SkinTypeGroup of(Integer patientType, Integer reviewerType) {
    Integer type = valid(patientType) ? patientType : valid(reviewerType) ? reviewerType : null;
    if (type == null) {
      return NOT_GIVEN;
    }
    return type <= 2 ? I_II : type <= 4 ? III_IV : V_VI;
  }

  /** The group named {@code code}, or NOT_GIVEN for an unknown or absent one. */
  static SkinTypeGroup ofCode(String code) {
    for (SkinTypeGroup group : values()) {
      if (group.code.equals(code)) {
        return group;
      }
    }
    return NOT_GIVEN;
  }

  private static boolean valid(Integer type) {
    return type != null && type >= 1 && type <= 6;
  }
}
