package com.dermrelay.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.cases.AnswerContent;
import com.dermrelay.cases.DiagnosisList;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.review.AnswerRules;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The starter set as shipped: 20 distinct diagnoses of the coded list, each in English and Spanish,
 * each citing public sources, and each one an answer a dermatologist could send unchanged (the
 * import writes them as they are, so the file must already follow answerCase's rules).
 */
class StarterTemplatesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DiagnosisList DIAGNOSES = new DiagnosisList(JSON);
  private static final AnswerRules RULES = new AnswerRules(DIAGNOSES);
  private static final List<StarterTemplates.Starter> STARTERS = StarterTemplates.load(JSON);

  @Test
  void twentyDistinctDiagnosesOfTheListInEnglishAndSpanishWithTheirSources() {
    assertEquals(20, STARTERS.size());
    Set<String> codes = new HashSet<>();
    for (StarterTemplates.Starter s : STARTERS) {
      assertTrue(codes.add(s.diagnosisCode()), "twice: " + s.diagnosisCode());
      assertTrue(DIAGNOSES.find(s.diagnosisCode()).isPresent(), s.diagnosisCode());
      assertEquals("starter-" + s.diagnosisCode(), s.id());
      assertTrue(AnswerRules.TEMPLATE_ID.matcher(s.id()).matches(), s.id());
      assertEquals(Set.of("en", "es"), s.texts().keySet(), s.id());
      assertTrue(s.sources().size() >= 2, s.id() + " cites at least two public sources");
      s.sources()
          .forEach(
              source ->
                  assertTrue(
                      source.url().matches("^https://www\\.(nhs\\.uk|bad\\.org\\.uk|aad\\.org)/.+"),
                      source.url()));
    }
  }

  @Test
  void everyStarterIsAnAnswerThatCouldBeSentUnchangedInEitherLanguage() {
    for (StarterTemplates.Starter s : STARTERS) {
      for (Map.Entry<String, AnswerTemplate.Texts> words : s.texts().entrySet()) {
        AnswerContent answer =
            new AnswerContent(
                new AnswerContent.DiagnosisChoice(s.diagnosisCode(), null),
                List.of(),
                words.getValue().patientExplanation(),
                words.getValue().treatmentPlan(),
                words.getValue().prescriptions(),
                s.referral(),
                s.followUp(),
                s.id(),
                1,
                null);
        List<ApiProblem.FieldError> problems = RULES.forAnswer(answer);
        assertTrue(problems.isEmpty(), s.id() + " in " + words.getKey() + ": " + problems);
      }
    }
  }

  @Test
  void theSpanishPrescriptionsAreTheEnglishOnesInTheSameForms() {
    for (StarterTemplates.Starter s : STARTERS) {
      List<AnswerContent.Prescription> en = s.texts().get("en").prescriptions();
      List<AnswerContent.Prescription> es = s.texts().get("es").prescriptions();
      assertEquals(en.size(), es.size(), s.id());
      for (int i = 0; i < en.size(); i++) {
        assertEquals(en.get(i).form(), es.get(i).form(), s.id());
        assertEquals(en.get(i).refills(), es.get(i).refills(), s.id());
      }
    }
  }
}
