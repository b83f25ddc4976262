package com.dermrelay.intake;

import com.dermrelay.cases.EmergencyScreen;
import com.dermrelay.cases.IntakeAnswers;
import com.dermrelay.cases.IntakeVersions;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The value rules of the intake (vocabularies, ranges, lengths) and, for submission, which answers
 * are required: by the case's intake version and, from version 2, by the kind of problem (spot
 * questions for a spot, rash questions for a rash, both for anything else). Errors name the field
 * by its JSON pointer and never quote the value.
 */
public final class IntakeRules {
  public static final Set<String> BODY_REGIONS =
      Set.of(
          "scalp",
          "face",
          "ear",
          "eyelid",
          "lip",
          "mouth",
          "neck",
          "chest",
          "breast",
          "abdomen",
          "upper-back",
          "lower-back",
          "trunk",
          "shoulder",
          "armpit",
          "upper-arm",
          "elbow",
          "forearm",
          "wrist",
          "palm",
          "back-of-hand",
          "finger",
          "fingernail",
          "buttock",
          "groin",
          "genitals",
          "hip",
          "thigh",
          "knee",
          "lower-leg",
          "shin",
          "calf",
          "ankle",
          "sole",
          "top-of-foot",
          "toe",
          "toenail");
  public static final Set<String> LATERALITIES =
      Set.of("left", "right", "both", "midline", "unsure");
  public static final Set<String> PROBLEMS = Set.of("spot", "rash", "other");
  public static final Set<String> ONSETS = Set.of("sudden", "gradual", "unsure");
  public static final Set<String> LESION_COUNTS = Set.of("one", "two-to-five", "more-than-five");
  public static final Set<String> RASH_EXTENTS = Set.of("one-area", "several-areas", "widespread");
  public static final Set<String> SPOT_ORIGINS = Set.of("new", "long-standing", "unsure");

  /** The answer where a patient honestly may not know. */
  public static final Set<String> ANSWERS = Set.of("yes", "no", "unsure");

  public static final Set<String> UNWELL = Set.of("no", "a-little", "very");
  public static final Set<String> PREGNANCY = Set.of("not-applicable", "no", "yes", "unsure");
  public static final double MIN_DIAMETER_MM = 0.5;
  public static final double MAX_DIAMETER_MM = 200;
  static final int MAX_TEXT = 2000;
  static final int MAX_OWN_WORDS = 4000;

  private IntakeRules() {}

  /** Value rules of whatever is present; a draft may leave anything out. */
  public static List<ApiProblem.FieldError> valueProblems(IntakeAnswers a, String base) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    if (a == null) {
      return errors;
    }
    if (a.bodySites() != null) {
      if (a.bodySites().size() > 10) {
        errors.add(error(base + "/bodySites", "at most 10 body sites"));
      }
      for (int i = 0; i < a.bodySites().size(); i++) {
        IntakeAnswers.BodySite site = a.bodySites().get(i);
        String at = base + "/bodySites/" + i;
        if (site == null) {
          errors.add(error(at, "must be an object"));
          continue;
        }
        oneOf(errors, at + "/region", site.region(), BODY_REGIONS, true);
        oneOf(errors, at + "/laterality", site.laterality(), LATERALITIES, true);
      }
    }
    oneOf(errors, base + "/problem", a.problem(), PROBLEMS, false);
    oneOf(errors, base + "/onset", a.onset(), ONSETS, false);
    range(errors, base + "/durationDays", a.durationDays(), 0, 36500);
    oneOf(errors, base + "/lesionCount", a.lesionCount(), LESION_COUNTS, false);
    oneOf(errors, base + "/rashExtent", a.rashExtent(), RASH_EXTENTS, false);
    oneOf(errors, base + "/spotOrigin", a.spotOrigin(), SPOT_ORIGINS, false);
    if (a.changes() != null) {
      IntakeAnswers.Changes c = a.changes();
      oneOf(errors, base + "/changes/size", c.size(), ANSWERS, false);
      oneOf(errors, base + "/changes/shape", c.shape(), ANSWERS, false);
      oneOf(errors, base + "/changes/colour", c.colour(), ANSWERS, false);
      oneOf(errors, base + "/changes/other", c.other(), ANSWERS, false);
    }
    diameter(errors, base + "/diameterMm", a.diameterMm());
    oneOf(
        errors, base + "/personalSkinCancerHistory", a.personalSkinCancerHistory(), ANSWERS, false);
    oneOf(errors, base + "/familySkinCancerHistory", a.familySkinCancerHistory(), ANSWERS, false);
    oneOf(errors, base + "/immunosuppressed", a.immunosuppressed(), ANSWERS, false);
    text(errors, base + "/medicines", a.medicines(), MAX_TEXT);
    text(errors, base + "/allergies", a.allergies(), MAX_TEXT);
    text(errors, base + "/treatmentsTried", a.treatmentsTried(), MAX_TEXT);
    oneOf(errors, base + "/newMedicine", a.newMedicine(), ANSWERS, false);
    oneOf(errors, base + "/pregnancy", a.pregnancy(), PREGNANCY, false);
    range(errors, base + "/fitzpatrickType", a.fitzpatrickType(), 1, 6);
    text(errors, base + "/ownWords", a.ownWords(), MAX_OWN_WORDS);
    oneOf(errors, base + "/inflammation", a.inflammation(), ANSWERS, false);
    if (a.abcde() != null) {
      IntakeAnswers.Abcde s = a.abcde();
      oneOf(errors, base + "/abcde/asymmetry", s.asymmetry(), ANSWERS, false);
      oneOf(errors, base + "/abcde/borderIrregular", s.borderIrregular(), ANSWERS, false);
      oneOf(errors, base + "/abcde/colourVariation", s.colourVariation(), ANSWERS, false);
    }
    oneOf(errors, base + "/blisters", a.blisters(), ANSWERS, false);
    oneOf(errors, base + "/skinPeeling", a.skinPeeling(), ANSWERS, false);
    oneOf(errors, base + "/fever", a.fever(), ANSWERS, false);
    oneOf(errors, base + "/feelingUnwell", a.feelingUnwell(), UNWELL, false);
    return errors;
  }

  /**
   * What a submission needs answered under the case's intake version. Optional in both: the
   * diameter (not everyone can measure) and the skin type.
   */
  public static List<ApiProblem.FieldError> missingForSubmission(
      IntakeAnswers a, int intakeVersion) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    if (a == null) {
      errors.add(error("/intake", "the questionnaire is not answered"));
      return errors;
    }
    if (a.bodySites() == null || a.bodySites().isEmpty()) {
      errors.add(error("/intake/bodySites", "name at least one body site"));
    }
    if (intakeVersion >= IntakeVersions.V2) {
      required(errors, "/intake/problem", a.problem());
    }
    required(errors, "/intake/onset", a.onset());
    required(errors, "/intake/durationDays", a.durationDays());
    boolean spot =
        intakeVersion < IntakeVersions.V2 || (a.problem() != null && a.asksSpotQuestions());
    boolean rash =
        intakeVersion >= IntakeVersions.V2 && a.problem() != null && a.asksRashQuestions();
    if (spot) {
      required(errors, "/intake/lesionCount", a.lesionCount());
    }
    if (rash) {
      required(errors, "/intake/rashExtent", a.rashExtent());
    }
    IntakeAnswers.Symptoms s = a.symptoms();
    if (s == null) {
      errors.add(error("/intake/symptoms", "is required"));
    } else {
      required(errors, "/intake/symptoms/itch", s.itch());
      required(errors, "/intake/symptoms/pain", s.pain());
      required(errors, "/intake/symptoms/bleeding", s.bleeding());
      required(errors, "/intake/symptoms/oozingOrCrusting", s.oozingOrCrusting());
      required(errors, "/intake/symptoms/sensationChange", s.sensationChange());
    }
    if (spot) {
      IntakeAnswers.Changes c = a.changes();
      if (c == null) {
        errors.add(error("/intake/changes", "is required"));
      } else {
        required(errors, "/intake/changes/size", c.size());
        required(errors, "/intake/changes/shape", c.shape());
        required(errors, "/intake/changes/colour", c.colour());
        if (intakeVersion >= IntakeVersions.V2) {
          required(errors, "/intake/changes/other", c.other());
        }
      }
    }
    if (intakeVersion >= IntakeVersions.V2) {
      required(errors, "/intake/inflammation", a.inflammation());
      if (spot) {
        required(errors, "/intake/spotOrigin", a.spotOrigin());
        IntakeAnswers.Abcde look = a.abcde();
        if (look == null) {
          errors.add(error("/intake/abcde", "is required"));
        } else {
          required(errors, "/intake/abcde/asymmetry", look.asymmetry());
          required(errors, "/intake/abcde/borderIrregular", look.borderIrregular());
          required(errors, "/intake/abcde/colourVariation", look.colourVariation());
        }
      }
      if (rash) {
        required(errors, "/intake/rashWorseningRapidly", a.rashWorseningRapidly());
        required(errors, "/intake/blisters", a.blisters());
        required(errors, "/intake/skinPeeling", a.skinPeeling());
        required(errors, "/intake/faceOrLipSwelling", a.faceOrLipSwelling());
        required(errors, "/intake/fever", a.fever());
        required(errors, "/intake/feelingUnwell", a.feelingUnwell());
        required(errors, "/intake/newMedicine", a.newMedicine());
      }
    }
    required(errors, "/intake/personalSkinCancerHistory", a.personalSkinCancerHistory());
    required(errors, "/intake/familySkinCancerHistory", a.familySkinCancerHistory());
    required(errors, "/intake/immunosuppressed", a.immunosuppressed());
    required(errors, "/intake/medicines", a.medicines());
    required(errors, "/intake/allergies", a.allergies());
    required(errors, "/intake/treatmentsTried", a.treatmentsTried());
    required(errors, "/intake/pregnancy", a.pregnancy());
    if (a.ownWords() == null || a.ownWords().isBlank()) {
      errors.add(error("/intake/ownWords", "describe the problem in your own words"));
    }
    return errors;
  }

  /** Every screen question must be answered, yes or no. */
  public static List<ApiProblem.FieldError> unansweredScreen(EmergencyScreen screen) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    if (screen == null) {
      errors.add(error("/emergencyScreen", "is required"));
      return errors;
    }
    required(errors, "/emergencyScreen/feverWithWidespreadRash", screen.feverWithWidespreadRash());
    required(errors, "/emergencyScreen/blisteringOrPeelingSkin", screen.blisteringOrPeelingSkin());
    required(
        errors,
        "/emergencyScreen/rapidlySpreadingPainfulRedness",
        screen.rapidlySpreadingPainfulRedness());
    required(
        errors,
        "/emergencyScreen/faceOrLipSwellingOrBreathingTrouble",
        screen.faceOrLipSwellingOrBreathingTrouble());
    return errors;
  }

  /** 400 naming every bad field, when there are any. */
  public static void refuseIfAny(List<ApiProblem.FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new ApiProblem(
          400,
          ProblemTypes.INVALID_REQUEST,
          "Bad Request",
          "Some fields are invalid: "
              + String.join(", ", errors.stream().map(ApiProblem.FieldError::pointer).toList())
              + ".",
          errors);
    }
  }

  static ApiProblem.FieldError error(String pointer, String detail) {
    return new ApiProblem.FieldError(pointer, detail);
  }

  private static void required(List<ApiProblem.FieldError> errors, String pointer, Object value) {
    if (value == null) {
      errors.add(error(pointer, "is required"));
    }
  }

  private static void oneOf(
      List<ApiProblem.FieldError> errors,
      String pointer,
      String value,
      Set<String> allowed,
      boolean required) {
    if (value == null) {
      if (required) {
        errors.add(error(pointer, "is required"));
      }
    } else if (!allowed.contains(value)) {
      errors.add(error(pointer, "is not one of the allowed values"));
    }
  }

  private static void range(
      List<ApiProblem.FieldError> errors, String pointer, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      errors.add(error(pointer, "must be between " + min + " and " + max));
    }
  }

  /** Millimetres with at most one decimal, as a ruler reads: 0.5 to 200. */
  private static void diameter(List<ApiProblem.FieldError> errors, String pointer, Double value) {
    if (value == null) {
      return;
    }
    if (value.isNaN() || value.isInfinite() || value < MIN_DIAMETER_MM || value > MAX_DIAMETER_MM) {
      errors.add(error(pointer, "must be between 0.5 and 200 millimetres"));
    } else if (BigDecimal.valueOf(value).stripTrailingZeros().scale() > 1) {
      errors.add(error(pointer, "must have at most one decimal"));
    }
  }

  private static void text(
      List<ApiProblem.FieldError> errors, String pointer, String value, int max) {
    if (value != null && value.length() > max) {
      errors.add(error(pointer, "must be at most " + max + " characters"));
    }
  }
}
