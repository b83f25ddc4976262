package com.dermrelay.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The answer side's refusals through HTTP on the local stack, without a case going through the
 * workflow: the diagnosis search, validation by pointer, roles, and a patient's answer before there
 * is one or of someone else's case. The whole loop is ReviewLifecycleIT.
 */
@ExtendWith(LocalStackExtension.class)
class AnswerRulesIT {
  private static final String CLINIC = "northside-skin";
  private static ApiCalls api;
  private static LocalStack stack;
  private static String dermatologist;

  @BeforeAll
  static void stack(LocalStack localStack) {
    stack = localStack;
    api = new ApiCalls(localStack);
    dermatologist = api.idToken("dr.chen@dermrelay.example", "Demo-Dermatologist-1");
  }

  @Test
  void aDermatologistSearchesTheDiagnosisListAndAPatientMayNot() {
    HttpResponse<String> found = api.get("/diagnoses?q=basal%20cell", dermatologist);
    assertEquals(200, found.statusCode(), found.body());
    JsonNode first = ApiCalls.json(found).at("/diagnoses/0");
    assertEquals("basal-cell-carcinoma", first.get("code").asText());
    assertEquals("C44.9", first.get("icd10").asText());
    assertEquals(400, api.get("/diagnoses?limit=0", dermatologist).statusCode());
    assertEquals(403, api.get("/diagnoses?q=acne", newPatient()).statusCode());
  }

  @Test
  void everyBadFieldOfAnAnswerIsNamedByPointer() {
    ObjectNode body = ApiCalls.JSON.createObjectNode();
    body.putObject("diagnosis").put("code", "no-such-diagnosis");
    body.putArray("differentials").add("acne-vulgaris").add("acne-vulgaris");
    body.put("treatmentPlan", "x".repeat(4001));
    ObjectNode item = body.putArray("prescriptions").addObject();
    item.put("medicine", "Hydrocortisone")
        .put("strength", "1%")
        .put("form", "elixir")
        .put("directions", "Twice a day")
        .put("quantity", "30 g")
        .put("refills", 13);
    body.putObject("referral").put("advised", true);
    body.putObject("followUp").put("inDays", 0);
    body.put("management", "ASAP");
    body.put("fitzpatrickType", 7);
    body.putObject("surveillance").put("inMonths", 25);
    HttpResponse<String> response =
        api.call(
            "POST",
            casePath(UUID.randomUUID().toString()) + "/answer",
            dermatologist,
            body.toString());
    assertEquals(400, response.statusCode(), response.body());
    assertEquals(
        List.of(
            "/diagnosis/code",
            "/differentials/1",
            "/patientExplanation",
            "/treatmentPlan",
            "/prescriptions/0/form",
            "/prescriptions/0/refills",
            "/referral/urgency",
            "/management",
            "/fitzpatrickType",
            "/followUp/inDays",
            "/surveillance/inMonths",
            "/surveillance/instructions"),
        pointers(response));
    assertTrue(
        !response.body().contains("elixir") && !response.body().contains("xxxx"),
        "problem details name fields, never values");
  }

  /** Months are whole months as sent: 6.9 is not rounded, "7" is not read as 7. */
  @Test
  void surveillanceMonthsAreAWholeNumberAsSent() {
    for (String months : List.of("6.9", "\"7\"", "0")) {
      String body =
          validAnswer()
              .toString()
              .replaceFirst(
                  "\\}$",
                  ",\"surveillance\":{\"inMonths\":"
                      + months
                      + ",\"instructions\":\"Same distance, same light.\"}}");
      HttpResponse<String> response =
          api.call("POST", casePath(UUID.randomUUID().toString()) + "/answer", dermatologist, body);
      assertEquals(400, response.statusCode(), months + ": " + response.body());
      assertEquals(List.of("/surveillance/inMonths"), pointers(response), months);
    }
  }

  /**
   * Security finding 4: a prescription's labels are names a patient reads; no spoofing characters.
   */
  @Test
  void aPrescriptionLabelWithAControlOrBidiCharacterIsNamedByPointer() {
    ObjectNode body = validAnswer();
    ObjectNode item = body.putArray("prescriptions").addObject();
    item.put("medicine", "Hydrocortisone \u202Eenolosinderp")
        .put("strength", "1%\r\n10%")
        .put("form", "cream")
        .put("directions", "Twice a day.\nStop when clear.")
        .put("quantity", "30\u2066 g")
        .put("refills", 0);
    HttpResponse<String> response =
        api.call(
            "POST",
            casePath(UUID.randomUUID().toString()) + "/answer",
            dermatologist,
            body.toString());
    assertEquals(400, response.statusCode(), response.body());
    assertEquals(
        List.of(
            "/prescriptions/0/medicine", "/prescriptions/0/strength", "/prescriptions/0/quantity"),
        pointers(response),
        "directions are several lines and keep their line breaks");
  }

  @Test
  void aValidAnswerToNoSuchCaseIs404AndAPatientCannotAnswer() {
    String body = validAnswer().toString();
    assertEquals(
        404,
        api.call("POST", casePath(UUID.randomUUID().toString()) + "/answer", dermatologist, body)
            .statusCode());
    String patient = newPatient();
    String caseId = draft(patient);
    assertEquals(
        404,
        api.call("POST", casePath(caseId) + "/answer", dermatologist, body).statusCode(),
        "a draft is not the clinic's to answer");
    assertEquals(403, api.call("POST", casePath(caseId) + "/answer", patient, body).statusCode());
  }

  @Test
  void aPatientHasNoAnswerBeforeDeliveryAndNeverSeesAnotherPatientsAnswer() {
    String owner = newPatient();
    String caseId = draft(owner);
    assertEquals(404, api.get(casePath(caseId) + "/answer", owner).statusCode());
    assertEquals(404, api.get(casePath(caseId) + "/answer", newPatient()).statusCode());
    assertEquals(404, api.get(casePath(caseId) + "/info-request", newPatient()).statusCode());
    assertEquals(
        409,
        api.call("POST", casePath(caseId) + "/info-request/reply", owner, "{\"text\":\"hello\"}")
            .statusCode(),
        "no question was asked");
    assertEquals(
        409,
        api.call(
                "POST",
                casePath(caseId) + "/follow-up",
                owner,
                "{\"progress\":\"BETTER\",\"newSymptoms\":false}")
            .statusCode(),
        "no follow-up is due");
  }

  static ObjectNode validAnswer() {
    ObjectNode body = ApiCalls.JSON.createObjectNode();
    body.putObject("diagnosis").put("code", "atopic-eczema").put("note", "flexural");
    body.putArray("differentials").add("allergic-contact-dermatitis");
    body.put("patientExplanation", "This is eczema. It is common and can be controlled.");
    body.put("treatmentPlan", "Moisturise twice a day; steroid cream on flares.");
    body.putArray("prescriptions")
        .addObject()
        .put("medicine", "Hydrocortisone")
        .put("strength", "1%")
        .put("form", "cream")
        .put("directions", "Apply thinly twice a day for up to 14 days.")
        .put("quantity", "30 g")
        .put("refills", 1);
    body.putObject("referral").put("advised", false);
    body.putObject("followUp").put("inDays", 28);
    return body;
  }

  private static List<String> pointers(HttpResponse<String> response) {
    List<String> pointers = new ArrayList<>();
    ApiCalls.json(response).get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
    return pointers;
  }

  private static String casePath(String caseId) {
    return "/clinics/" + CLINIC + "/cases/" + caseId;
  }

  private static String draft(String patient) {
    ObjectNode body = ApiCalls.JSON.createObjectNode();
    body.putObject("emergencyScreen")
        .put("feverWithWidespreadRash", false)
        .put("blisteringOrPeelingSkin", false)
        .put("rapidlySpreadingPainfulRedness", false)
        .put("faceOrLipSwellingOrBreathingTrouble", false);
    HttpResponse<String> created =
        api.call("POST", "/clinics/" + CLINIC + "/cases", patient, body.toString());
    assertEquals(201, created.statusCode(), created.body());
    return ApiCalls.json(created).get("caseId").asText();
  }

  private static String newPatient() {
    String email = "answer-" + UUID.randomUUID() + "@example.com";
    stack
        .identity()
        .createConfirmedUser(
            email,
            "Answer-Patient-1",
            Map.of("email", email, "name", "Answer Patient", "custom:tenantId", CLINIC),
            Set.of("patient"));
    return api.idToken(email, "Answer-Patient-1");
  }
}
