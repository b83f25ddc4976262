package com.dermrelay.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.BrowserExtension;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.TestClinics;
import com.dermrelay.testing.portal.PatientIntake;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * A clinic's plan (issue 19) as its patient meets it on a phone: past the month's cases, a new
 * consultation is refused with the clinic's name and what to do (English and Spanish), never "too
 * many tries"; a moment when the clinic's shared request rate is spent is waited out by the page
 * itself, without an error.
 */
@ExtendWith({LocalStackExtension.class, BrowserExtension.class})
class ClinicLimitsPortalIT {

  @Test
  void pastTheMonthsCasesANewConsultationIsRefusedInWordsAndABriefRateLimitIsWaitedOut(
      LocalStack stack, WebDriver browser) {
    ApiCalls api = new ApiCalls(stack);
    IntakeJourney journey = new IntakeJourney(stack, api);
    String slug = "full-" + UUID.randomUUID().toString().substring(0, 8);
    // One request a second with a burst of 20: enough for the pages, easy to spend on purpose.
    TestClinics.adminOfSeededClinic(
        stack,
        slug,
        config ->
            config
                .putObject("plan")
                .put("tier", "test")
                .put("requestsPerSecond", 1)
                .put("burst", 20)
                .put("casesPerMonth", 1)
                .put("storageMb", 1000));
    IntakeJourney.Patient patient = journey.newPatient(slug);
    String sent = journey.readyToSubmit(patient, IntakeJourney.routineIntake());
    assertEquals(200, journey.submitCall(patient, sent).statusCode());

    PatientIntake portal =
        PatientIntake.signIn(
            stack, browser, slug, patient.email(), IntakeJourney.PASSWORD, "Journey");
    portal.startWithNothingUrgent();
    String refusal = portal.page().topMessage();
    assertTrue(
        refusal.contains("cannot take new cases for the rest of this month")
            && refusal.contains("Your earlier consultations continue"),
        refusal);
    portal.page().click("button[data-language='es']");
    portal.answerPage("Primero, unas preguntas urgentes", Map.of());
    String spanish = portal.page().topMessage();
    assertTrue(spanish.contains("no puede aceptar consultas nuevas"), spanish);

    // Spend the clinic's bucket, then have the page ask: the refusal's Retry-After (1 s) is waited
    // out and the request sent again, so the page gets its answer instead of an error.
    String profile = "/clinics/" + slug + "/me/profile";
    int refused = 0;
    for (int i = 0; i < 40 && refused == 0; i++) {
      refused += api.get(profile, patient.token()).statusCode() == 429 ? 1 : 0;
    }
    assertEquals(1, refused, "the bucket was spent");
    Object outcome =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const [path, token, done] = arguments;"
                    + "import('/shared/api.js')"
                    + ".then((m) => m.api(path, {headers: {Authorization: 'Bearer ' + token}}))"
                    + ".then((body) => done({sex: body.sex}),"
                    + " (e) => done({kind: e.kind, message: e.message}));",
                profile,
                patient.token());
    assertEquals(Map.of("sex", "female"), outcome);
  }
}
