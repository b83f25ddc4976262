package com.dermrelay.datarights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.ClinicStaff;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.ReviewCalls;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The export of a case that went through a question, the reply, the answer and a follow-up holds
 * every one of them (GDPR art. 15 and 20): machine-readable in export.json, beside the profile, and
 * as the patient read them in consultations.html, in the language they asked for.
 */
@ExtendWith(LocalStackExtension.class)
class ConsultationExportIT {
  private static final String NORTHSIDE = "northside-skin";

  @Test
  void theExportHoldsTheQuestionTheReplyTheAnswerAndTheFollowUp(LocalStack stack) throws Exception {
    ApiCalls api = new ApiCalls(stack);
    IntakeJourney journey = new IntakeJourney(stack, api);
    IntakeJourney.Patient patient = journey.newPatient(NORTHSIDE);
    journey.saveProfile(patient, "1984-02-29", "male");
    IntakeJourney.SubmittedCase c = journey.submitAs(patient, IntakeJourney.routineIntake());
    String dermatologist = ClinicStaff.dermatologistOf(stack, api, NORTHSIDE, "Dr. Rosa Vidal");
    ReviewCalls review = new ReviewCalls(api, dermatologist);

    review.claim(NORTHSIDE, c.caseId());
    review.askQuestion(NORTHSIDE, c.caseId(), "Does it itch at night?");
    journey.uploadPhoto(patient, c.caseId(), "close_up");
    HttpResponse<String> replied =
        api.call(
            "POST",
            c.path() + "/info-request/reply",
            patient.token(),
            "{\"text\":\"Yes, mostly at night <3\"}");
    assertEquals(200, replied.statusCode(), replied.body());
    // Follow-up photos due the next day, so the shared clock moves one day to the invitation, not
    // four weeks: on the way it fires every other case's timers in this JVM (their SLA reminders
    // and escalations), which cost this class over a minute and a half in the full run.
    ObjectNode answerBody =
        ReviewCalls.eczemaAnswer("This is eczema. It is common.", "Moisturise twice a day.");
    answerBody.putObject("followUp").put("inDays", 1);
    review.claimAndAnswer(NORTHSIDE, c.caseId(), answerBody);
    stack.stepFunctions().manualClock().advance(Duration.ofDays(1).plusMinutes(1));
    journey.uploadPhoto(patient, c.caseId(), "close_up");
    HttpResponse<String> followedUp =
        api.call(
            "POST",
            c.path() + "/follow-up",
            patient.token(),
            "{\"progress\":\"BETTER\",\"newSymptoms\":false,\"notes\":\"Much less itchy.\"}");
    assertEquals(200, followedUp.statusCode(), followedUp.body());

    HttpResponse<String> exported =
        api.call(
            "POST",
            "/clinics/" + NORTHSIDE + "/me/data-exports?language=es",
            patient.token(),
            null);
    assertEquals(201, exported.statusCode(), exported.body());
    Map<String, byte[]> files = download(ApiCalls.json(exported).get("downloadUrl").asText());
    JsonNode sections = ApiCalls.JSON.readTree(files.get("export.json")).get("sections");

    assertEquals("1984-02-29", sections.at("/profile/dateOfBirth").asText());
    assertEquals("male", sections.at("/profile/sex").asText());

    JsonNode consultation = only(sections.get("consultations"), c.caseId());
    assertEquals("Does it itch at night?", consultation.at("/questions/0/question").asText());
    assertEquals(2, consultation.at("/questions/0/round").asInt(), "the question opened round 2");
    assertEquals("Dr. Rosa Vidal", consultation.at("/questions/0/dermatologistName").asText());
    assertEquals("Yes, mostly at night <3", consultation.at("/replies/0/text").asText());
    assertEquals("close_up@2", consultation.at("/replies/0/photos/0/view").asText());
    assertEquals(
        1, consultation.get("answers").size(), "one answer so far: the follow-up awaits its own");
    JsonNode answer = consultation.at("/answers/0");
    assertEquals(2, answer.get("round").asInt());
    assertEquals("atopic-eczema", answer.at("/diagnosis/code").asText());
    assertEquals("L20.9", answer.at("/diagnosis/icd10").asText());
    assertEquals(
        "flexural",
        answer.at("/diagnosis/note").asText(),
        "the dermatologist's note is theirs to see");
    assertEquals("allergic-contact-dermatitis", answer.at("/differentials/0/code").asText());
    assertEquals("Moisturise twice a day.", answer.get("treatmentPlan").asText());
    assertEquals("Hydrocortisone", answer.at("/prescriptions/0/medicine").asText());
    assertFalse(answer.at("/referral/advised").asBoolean());
    assertFalse(answer.path("followUpDate").asText().isEmpty(), answer.toString());
    assertFalse(answer.has("dermatologistId"), "staff by name only");
    assertEquals(3, consultation.at("/followUps/0/round").asInt());
    assertEquals("BETTER", consultation.at("/followUps/0/progress").asText());
    assertEquals("Much less itchy.", consultation.at("/followUps/0/notes").asText());

    String page = new String(files.get("consultations.html"), StandardCharsets.UTF_8);
    assertTrue(page.startsWith("<!doctype html>\n<html lang=\"es\">"), page);
    for (String shown :
        new String[] {
          "Sus consultas",
          "La pregunta del dermatólogo",
          "Does it itch at night?",
          "Yes, mostly at night &lt;3",
          "La respuesta de su dermatólogo",
          "De Dr. Rosa Vidal",
          "Lo más probable es",
          "This is eczema. It is common.",
          "Qué hacer",
          "Moisturise twice a day.",
          "Recetas",
          "Hydrocortisone 1% crema",
          "Su seguimiento",
          "Mejor",
          "Much less itchy."
        }) {
      assertTrue(page.contains(shown), "the page shows \"" + shown + "\":\n" + page);
    }
    assertFalse(page.contains("<3"), "what the patient wrote is escaped");
    assertTrue(
        page.indexOf("La pregunta del dermatólogo") < page.indexOf("Su respuesta")
            && page.indexOf("Su respuesta") < page.indexOf("La respuesta de su dermatólogo")
            && page.indexOf("La respuesta de su dermatólogo") < page.indexOf("Su seguimiento"),
        "in the order it happened");
    assertFalse(
        page.contains("<script") || page.contains("http"),
        "self-contained: no script, no link out");

    HttpResponse<String> english =
        api.call("POST", "/clinics/" + NORTHSIDE + "/me/data-exports", patient.token(), null);
    String englishPage =
        new String(
            download(ApiCalls.json(english).get("downloadUrl").asText()).get("consultations.html"),
            StandardCharsets.UTF_8);
    assertTrue(
        englishPage.contains("What it is most likely to be")
            && englishPage.contains("Your follow-up"),
        "English unless asked otherwise");
    HttpResponse<String> unknown =
        api.call(
            "POST",
            "/clinics/" + NORTHSIDE + "/me/data-exports?language=fr",
            patient.token(),
            null);
    assertEquals(400, unknown.statusCode(), unknown.body());
    assertTrue(unknown.body().contains("language"), unknown.body());
  }

  private static JsonNode only(JsonNode consultations, String caseId) {
    JsonNode found = null;
    for (JsonNode consultation : consultations) {
      if (consultation.get("caseId").asText().equals(caseId)) {
        assertTrue(found == null, "one entry per case");
        found = consultation;
      }
    }
    assertNotNull(found, "the case is in the export: " + consultations);
    return found;
  }

  private static Map<String, byte[]> download(String url) throws Exception {
    HttpResponse<byte[]> download =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, download.statusCode());
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream zip =
        new ZipInputStream(new java.io.ByteArrayInputStream(download.body()))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        files.put(entry.getName(), zip.readAllBytes());
      }
    }
    return files;
  }
}
