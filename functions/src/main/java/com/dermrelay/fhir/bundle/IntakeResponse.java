package com.dermrelay.fhir.bundle;

import com.dermrelay.cases.IntakeAnswers;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * The intake (intake.IntakeAnswers, version 2; a version 1 case is read in that shape) as a
 * QuestionnaireResponse to the Questionnaire shipped in {@code
 * dermrelay/fhir/Questionnaire-intake.json}: one item per answered field, by the link ids there;
 * unanswered fields are left out, as FHIR wants. Yes / no / not sure answers are codes of our
 * intake code system.
 */
final class IntakeResponse {
  static final String QUESTIONNAIRE_URL = "https://dermrelay.com/fhir/Questionnaire/intake";
  static final String QUESTIONNAIRE_VERSION = "2";

  /** The canonical the response names; unversioned, as the validator resolves it (docs/fhir.md). */
  static final String QUESTIONNAIRE = QUESTIONNAIRE_URL;

  /** The code system of the Questionnaire's answer options (our intake vocabularies). */
  static final String INTAKE_CODES = "https://dermrelay.com/fhir/CodeSystem/intake";

  private IntakeResponse() {}

  static QuestionnaireResponse of(IntakeAnswers a) {
    QuestionnaireResponse response =
        new QuestionnaireResponse()
            .setQuestionnaire(QUESTIONNAIRE)
            .setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
    if (a == null) {
      return response;
    }
    List<QuestionnaireResponseItemComponent> items = response.getItem();
    if (a.bodySites() != null) {
      for (IntakeAnswers.BodySite site : a.bodySites()) {
        QuestionnaireResponseItemComponent group =
            new QuestionnaireResponseItemComponent().setLinkId("body-site");
        add(group.getItem(), "body-site.region", code(site.region()));
        add(group.getItem(), "body-site.laterality", code(site.laterality()));
        items.add(group);
      }
    }
    add(items, "problem", code(a.problem()));
    add(items, "onset", code(a.onset()));
    add(items, "duration-days", integer(a.durationDays()));
    add(items, "lesion-count", code(a.lesionCount()));
    add(items, "rash-extent", code(a.rashExtent()));
    add(items, "spot-origin", code(a.spotOrigin()));
    if (a.symptoms() != null) {
      IntakeAnswers.Symptoms s = a.symptoms();
      group(
          items,
          "symptoms",
          new String[] {"itch", "pain", "bleeding", "oozing-or-crusting", "sensation-change"},
          bool(s.itch()),
          bool(s.pain()),
          bool(s.bleeding()),
          bool(s.oozingOrCrusting()),
          bool(s.sensationChange()));
    }
    if (a.changes() != null) {
      IntakeAnswers.Changes c = a.changes();
      group(
          items,
          "changes",
          new String[] {"size", "shape", "colour", "other"},
          code(c.size()),
          code(c.shape()),
          code(c.colour()),
          code(c.other()));
    }
    add(items, "diameter-mm", decimal(a.diameterMm()));
    add(items, "personal-skin-cancer-history", code(a.personalSkinCancerHistory()));
    add(items, "family-skin-cancer-history", code(a.familySkinCancerHistory()));
    add(items, "immunosuppressed", code(a.immunosuppressed()));
    add(items, "medicines", text(a.medicines()));
    add(items, "allergies", text(a.allergies()));
    add(items, "treatments-tried", text(a.treatmentsTried()));
    add(items, "new-medicine", code(a.newMedicine()));
    add(items, "pregnancy", code(a.pregnancy()));
    add(items, "fitzpatrick-type", integer(a.fitzpatrickType()));
    add(items, "own-words", text(a.ownWords()));
    add(items, "inflammation", code(a.inflammation()));
    if (a.abcde() != null) {
      IntakeAnswers.Abcde s = a.abcde();
      group(
          items,
          "abcde",
          new String[] {"asymmetry", "border-irregular", "colour-variation"},
          code(s.asymmetry()),
          code(s.borderIrregular()),
          code(s.colourVariation()));
    }
    add(items, "rash-worsening-rapidly", bool(a.rashWorseningRapidly()));
    add(items, "blisters", code(a.blisters()));
    add(items, "skin-peeling", code(a.skinPeeling()));
    add(items, "face-or-lip-swelling", bool(a.faceOrLipSwelling()));
    add(items, "fever", code(a.fever()));
    add(items, "feeling-unwell", code(a.feelingUnwell()));
    return response;
  }

  private static void group(
      List<QuestionnaireResponseItemComponent> items,
      String linkId,
      String[] names,
      Type... values) {
    QuestionnaireResponseItemComponent group =
        new QuestionnaireResponseItemComponent().setLinkId(linkId);
    for (int i = 0; i < names.length; i++) {
      add(group.getItem(), linkId + "." + names[i], values[i]);
    }
    if (!group.getItem().isEmpty()) {
      items.add(group);
    }
  }

  private static void add(
      List<QuestionnaireResponseItemComponent> items, String linkId, Type value) {
    if (value != null) {
      items.add(
          new QuestionnaireResponseItemComponent()
              .setLinkId(linkId)
              .addAnswer(
                  new QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent()
                      .setValue(value)));
    }
  }

  private static Type code(String value) {
    return value == null ? null : new Coding(INTAKE_CODES, value, null);
  }

  private static Type integer(Integer value) {
    return value == null ? null : new IntegerType(value);
  }

  /** Millimetres as the patient gave them (one decimal), not rounded. */
  private static Type decimal(Double value) {
    return value == null ? null : new DecimalType(java.math.BigDecimal.valueOf(value));
  }

  private static Type bool(Boolean value) {
    return value == null ? null : new BooleanType(value);
  }

  private static Type text(String value) {
    return value == null || value.isBlank() ? null : new StringType(value);
  }
}
