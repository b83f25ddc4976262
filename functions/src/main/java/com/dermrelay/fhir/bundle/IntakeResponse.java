package com.dermrelay.fhir.bundle;

import com.dermrelay.intake.IntakeAnswers;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * The intake (intake.IntakeAnswers) as a QuestionnaireResponse to the Questionnaire shipped in
 * {@code dermrelay/fhir/Questionnaire-intake.json}: one item per answered field, by the link ids
 * there; unanswered fields are left out, as FHIR wants.
 */
final class IntakeResponse {
  static final String QUESTIONNAIRE_URL = "https://dermrelay.com/fhir/Questionnaire/intake";
  static final String QUESTIONNAIRE_VERSION = "1";
  /** The canonical the response names; unversioned, as the validator resolves it (docs/fhir.md). */
  static final String QUESTIONNAIRE = QUESTIONNAIRE_URL;
  /** The code system of the Questionnaire's answer options (our intake vocabularies). */
  static final String INTAKE_CODES = "https://dermrelay.com/fhir/CodeSystem/intake";

  private IntakeResponse() {}

  static QuestionnaireResponse of(IntakeAnswers a) {
    QuestionnaireResponse response = new QuestionnaireResponse()
        .setQuestionnaire(QUESTIONNAIRE)
        .setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
    if (a == null) {
      return response;
    }
    List<QuestionnaireResponseItemComponent> items = response.getItem();
    if (a.bodySites() != null) {
      for (IntakeAnswers.BodySite site : a.bodySites()) {
        QuestionnaireResponseItemComponent group = new QuestionnaireResponseItemComponent().setLinkId("body-site");
        add(group.getItem(), "body-site.region", code(site.region()));
        add(group.getItem(), "body-site.laterality", code(site.laterality()));
        items.add(group);
      }
    }
    add(items, "onset", code(a.onset()));
    add(items, "duration-days", integer(a.durationDays()));
    add(items, "lesion-count", code(a.lesionCount()));
    if (a.symptoms() != null) {
      IntakeAnswers.Symptoms s = a.symptoms();
      group(items, "symptoms", new String[] {"itch", "pain", "bleeding", "oozing-or-crusting", "sensation-change"},
          s.itch(), s.pain(), s.bleeding(), s.oozingOrCrusting(), s.sensationChange());
    }
    if (a.changes() != null) {
      IntakeAnswers.Changes c = a.changes();
      group(items, "changes", new String[] {"size", "shape", "colour"}, c.size(), c.shape(), c.colour());
    }
    add(items, "diameter-mm", integer(a.diameterMm()));
    add(items, "personal-skin-cancer-history", bool(a.personalSkinCancerHistory()));
    add(items, "family-skin-cancer-history", bool(a.familySkinCancerHistory()));
    add(items, "immunosuppressed", bool(a.immunosuppressed()));
    add(items, "medicines", text(a.medicines()));
    add(items, "allergies", text(a.allergies()));
    add(items, "treatments-tried", text(a.treatmentsTried()));
    add(items, "pregnancy", code(a.pregnancy()));
    add(items, "fitzpatrick-type", integer(a.fitzpatrickType()));
    add(items, "own-words", text(a.ownWords()));
    add(items, "inflammation", bool(a.inflammation()));
    if (a.abcde() != null) {
      IntakeAnswers.Abcde s = a.abcde();
      group(items, "abcde", new String[] {"asymmetry", "border-irregular", "colour-variation", "evolving"},
          s.asymmetry(), s.borderIrregular(), s.colourVariation(), s.evolving());
    }
    add(items, "rash-worsening-rapidly", bool(a.rashWorseningRapidly()));
    return response;
  }

  private static void group(List<QuestionnaireResponseItemComponent> items, String linkId, String[] names,
      Boolean... values) {
    QuestionnaireResponseItemComponent group = new QuestionnaireResponseItemComponent().setLinkId(linkId);
    for (int i = 0; i < names.length; i++) {
      add(group.getItem(), linkId + "." + names[i], bool(values[i]));
    }
    if (!group.getItem().isEmpty()) {
      items.add(group);
    }
  }

  private static void add(List<QuestionnaireResponseItemComponent> items, String linkId, Type value) {
    if (value != null) {
      items.add(new QuestionnaireResponseItemComponent().setLinkId(linkId).addAnswer(
          new QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent().setValue(value)));
    }
  }

  private static Type code(String value) {
    return value == null ? null : new Coding(INTAKE_CODES, value, null);
  }

  private static Type integer(Integer value) {
    return value == null ? null : new IntegerType(value);
  }

  private static Type bool(Boolean value) {
    return value == null ? null : new BooleanType(value);
  }

  private static Type text(String value) {
    return value == null || value.isBlank() ? null : new StringType(value);
  }
}
