package com.dermrelay.fhir.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.intake.IntakeRules;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Questionnaire;
import org.junit.jupiter.api.Test;

/** The body-site table and the Questionnaire stay in step with the intake's vocabularies. */
class BodySiteCodesTest {
  private static final BodySiteCodes CODES = BodySiteCodes.load(new ObjectMapper());

  @Test
  void everyBodyMapRegionHasARowAndCodedOnesSaySnomed() {
    for (String region : IntakeRules.BODY_REGIONS) {
      assertTrue(CODES.covers(region), region);
      CodeableConcept concept = CODES.region(region);
      assertTrue(concept.hasText(), region);
      concept
          .getCoding()
          .forEach(
              c -> {
                assertEquals(BodySiteCodes.SNOMED, c.getSystem());
                assertTrue(
                    c.getCode().matches("^[1-9][0-9]{5,17}$"),
                    "a SNOMED CT concept id: " + c.getCode());
              });
    }
    for (String side : IntakeRules.LATERALITIES) {
      assertTrue(CODES.side(side).orElseThrow().hasText(), side);
    }
  }

  @Test
  void theQuestionnaireOffersExactlyTheIntakeRegionsAndSides() {
    Questionnaire q = FhirValidation.questionnaire(CaseBundles.context());
    assertEquals(IntakeResponse.QUESTIONNAIRE_URL, q.getUrl());
    Questionnaire.QuestionnaireItemComponent site = q.getItem().get(0);
    assertEquals("body-site", site.getLinkId());
    assertEquals(IntakeRules.BODY_REGIONS, codes(site.getItem().get(0)));
    assertEquals(IntakeRules.LATERALITIES, codes(site.getItem().get(1)));
    assertEquals(
        IntakeRules.ONSETS,
        codes(
            q.getItem().stream()
                .filter(i -> i.getLinkId().equals("onset"))
                .findFirst()
                .orElseThrow()));
    assertEquals(
        IntakeRules.PREGNANCY,
        codes(
            q.getItem().stream()
                .filter(i -> i.getLinkId().equals("pregnancy"))
                .findFirst()
                .orElseThrow()));
  }

  private static Set<String> codes(Questionnaire.QuestionnaireItemComponent item) {
    Set<String> codes = new HashSet<>();
    item.getAnswerOption().forEach(o -> codes.add(o.getValueCoding().getCode()));
    return codes;
  }
}
