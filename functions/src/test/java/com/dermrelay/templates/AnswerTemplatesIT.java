package com.dermrelay.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.ClinicStaff;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.ReviewCalls;
import com.dermrelay.testing.TestClinics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Answer templates through HTTP on the local stack: the clinic admin's list/get/put/delete on the
 * version read, refusals by pointer, the starter set's idempotent import, what a dermatologist is
 * offered (their own, then the clinic's reviewed ones), isolation between clinics, and an answer
 * that records the template it started from.
 */
@ExtendWith(LocalStackExtension.class)
class AnswerTemplatesIT {
  private static final String CLINIC = "templates-a";
  private static final String OTHER = "templates-b";
  private static ApiCalls api;
  private static LocalStack stack;
  private static String admin;
  private static String otherAdmin;
  private static String dermatologist;

  @BeforeAll
  static void clinics(LocalStack localStack) {
    stack = localStack;
    api = new ApiCalls(localStack);
    admin =
        TestClinics.adminOfSeededClinic(
            stack, CLINIC, c -> c.putArray("languages").add("en").add("es"));
    otherAdmin = TestClinics.adminOfSeededClinic(stack, OTHER);
    dermatologist = ClinicStaff.dermatologistOf(stack, api, CLINIC, "Dr Plantilla");
  }

  @Test
  void anAdminWritesReadsAndDeletesATemplateOnTheVersionRead() {
    String path = templates(CLINIC) + "/eczema-mild";
    HttpResponse<String> created = api.call("PUT", path, admin, template(0).toString());
    assertEquals(200, created.statusCode(), created.body());
    JsonNode first = ApiCalls.json(created);
    assertEquals(1, first.get("version").asInt());
    assertEquals("CLINIC", first.get("scope").asText());
    assertFalse(first.get("reviewed").asBoolean(), "new templates need review unless marked");
    assertEquals("Crema", first.at("/texts/es/prescriptions/0/medicine").asText());

    // A second tab still holding version 0 (or any stale version) cannot overwrite it.
    assertEquals(409, api.call("PUT", path, admin, template(0).toString()).statusCode());
    ObjectNode reviewed = template(1).put("reviewed", true).put("title", "Eczema, reviewed");
    HttpResponse<String> saved = api.call("PUT", path, admin, reviewed.toString());
    assertEquals(200, saved.statusCode(), saved.body());
    JsonNode second = ApiCalls.json(saved);
    assertEquals(2, second.get("version").asInt());
    assertTrue(second.get("reviewed").asBoolean());
    assertTrue(second.has("reviewedAt"));

    JsonNode read = ApiCalls.json(api.get(path, admin));
    assertEquals("Eczema, reviewed", read.get("title").asText());
    assertTrue(listed(api.get(templates(CLINIC), admin)).contains("eczema-mild"));

    assertEquals(409, api.call("DELETE", path + "?version=1", admin, null).statusCode());
    assertEquals(400, api.call("DELETE", path + "?version=2.0", admin, null).statusCode());
    assertEquals(200, api.call("DELETE", path + "?version=2", admin, null).statusCode());
    assertEquals(404, api.get(path, admin).statusCode());
    assertFalse(listed(api.get(templates(CLINIC), admin)).contains("eczema-mild"));
    // The id can be used again for a new template (version 0).
    assertEquals(200, api.call("PUT", path, admin, template(0).toString()).statusCode());
  }

  @Test
  void everyBadFieldOfATemplateIsNamedByPointer() {
    ObjectNode body = template(0);
    body.put("diagnosisCode", "no-such-diagnosis");
    body.with("texts").putObject("fr").put("patientExplanation", "Eczéma.");
    ((ObjectNode) body.at("/texts/en/prescriptions/0")).put("form", "elixir");
    body.putObject("referral").put("advised", false).put("urgency", "SOON");
    body.putObject("followUp").put("inDays", 0);
    HttpResponse<String> refused =
        api.call("PUT", templates(CLINIC) + "/bad-one", admin, body.toString());
    assertEquals(400, refused.statusCode(), refused.body());
    assertEquals(
        List.of(
            "/diagnosisCode",
            "/followUp/inDays",
            "/referral/urgency",
            "/texts/en/prescriptions/0/form",
            "/texts/fr"),
        pointers(refused).stream().sorted().toList());
    assertFalse(refused.body().contains("elixir"), "problems name fields, never values");
    ObjectNode fractional = template(0).put("version", 0.5);
    assertEquals(
        400,
        api.call("PUT", templates(CLINIC) + "/bad-two", admin, fractional.toString()).statusCode());
  }

  @Test
  void anotherClinicSeesNoneOfItAndADermatologistCannotAdminister() {
    String path = templates(CLINIC) + "/private-to-a";
    assertEquals(200, api.call("PUT", path, admin, template(0).toString()).statusCode());
    assertEquals(404, api.get(path, otherAdmin).statusCode());
    assertEquals(404, api.call("PUT", path, otherAdmin, template(0).toString()).statusCode());
    assertEquals(404, api.call("DELETE", path + "?version=1", otherAdmin, null).statusCode());
    assertFalse(listed(api.get(templates(OTHER), otherAdmin)).contains("private-to-a"));
    assertEquals(403, api.get(path, dermatologist).statusCode());
    assertEquals(403, api.get(templates(CLINIC), dermatologist).statusCode());
  }

  @Test
  void theStarterSetImportsOnceAndIsOfferedOnlyOnceReviewed() {
    String imports = "/clinics/" + CLINIC + "/answer-template-imports";
    JsonNode first = ApiCalls.json(api.call("POST", imports, admin, null));
    JsonNode again = ApiCalls.json(api.call("POST", imports, admin, null));
    assertEquals(20, first.get("imported").asInt() + first.get("alreadyPresent").asInt());
    assertEquals(0, again.get("imported").asInt(), "a second import changes nothing");
    assertEquals(20, again.get("alreadyPresent").asInt());

    JsonNode acne = ApiCalls.json(api.get(templates(CLINIC) + "/starter-acne-vulgaris", admin));
    assertFalse(acne.get("reviewed").asBoolean(), "needs the clinic's clinical review");
    assertTrue(acne.get("starter").asBoolean());
    assertTrue(acne.at("/sources/0/url").asText().startsWith("https://"));
    assertFalse(acne.at("/texts/es/patientExplanation").asText().isBlank());
    assertFalse(offered().contains("starter-acne-vulgaris"), "unreviewed: not offered");

    ObjectNode review = (ObjectNode) acne.deepCopy();
    for (String serverOwned :
        List.of("id", "scope", "starter", "sources", "updatedAt", "reviewedAt")) {
      review.remove(serverOwned);
    }
    review.put("reviewed", true);
    HttpResponse<String> marked =
        api.call("PUT", templates(CLINIC) + "/starter-acne-vulgaris", admin, review.toString());
    assertEquals(200, marked.statusCode(), marked.body());
    assertTrue(ApiCalls.json(marked).get("starter").asBoolean(), "still cites its sources");
    assertTrue(offered().contains("starter-acne-vulgaris"));

    // An edited starter template is never overwritten by a later import.
    assertEquals(0, ApiCalls.json(api.call("POST", imports, admin, null)).get("imported").asInt());
    assertTrue(
        ApiCalls.json(api.get(templates(CLINIC) + "/starter-acne-vulgaris", admin))
            .get("reviewed")
            .asBoolean());
  }

  @Test
  void aDermatologistsOwnTemplatesComeFirstAndAreTheirsAlone() {
    String mine = "/clinics/" + CLINIC + "/me/answer-templates/my-eczema";
    HttpResponse<String> created = api.call("PUT", mine, dermatologist, template(0).toString());
    assertEquals(200, created.statusCode(), created.body());
    assertEquals("PERSONAL", ApiCalls.json(created).get("scope").asText());
    String reviewed = templates(CLINIC) + "/clinic-eczema";
    assertEquals(
        200,
        api.call("PUT", reviewed, admin, template(0).put("reviewed", true).toString())
            .statusCode());
    List<String> offered = offered();
    assertTrue(
        offered.indexOf("my-eczema") >= 0
            && offered.indexOf("my-eczema") < offered.indexOf("clinic-eczema"),
        offered.toString());

    // Ids are one namespace per clinic; an admin does not see or take a personal template.
    assertEquals(404, api.get(templates(CLINIC) + "/my-eczema", admin).statusCode());
    assertEquals(
        409,
        api.call("PUT", templates(CLINIC) + "/my-eczema", admin, template(0).toString())
            .statusCode());
    String colleague = ClinicStaff.dermatologistOf(stack, api, CLINIC, "Dr Colega");
    assertFalse(offeredTo(colleague).contains("my-eczema"));
    assertEquals(
        400,
        api.call("PUT", mine, dermatologist, template(1).put("reviewed", true).toString())
            .statusCode());
  }

  @Test
  void anAnswerRecordsTheTemplateItStartedFrom() {
    IntakeJourney journey = new IntakeJourney(stack, api);
    IntakeJourney.SubmittedCase c = journey.submit(CLINIC, IntakeJourney.routineIntake());
    assertEquals(
        200,
        api.call(
                "POST",
                "/clinics/" + CLINIC + "/reviews/" + c.caseId() + "/claim",
                dermatologist,
                null)
            .statusCode());
    ObjectNode answer =
        ReviewCalls.eczemaAnswer("This is eczema.", "Moisturise twice a day.")
            .put("templateId", "starter-acne-vulgaris");
    HttpResponse<String> refused =
        api.call("POST", c.path() + "/answer", dermatologist, answer.toString());
    assertEquals(400, refused.statusCode(), refused.body());
    assertEquals(List.of("/templateVersion"), pointers(refused));

    answer.put("templateVersion", 2);
    HttpResponse<String> answered =
        api.call("POST", c.path() + "/answer", dermatologist, answer.toString());
    assertEquals(200, answered.statusCode(), answered.body());
    JsonNode content = ApiCalls.json(answered).get("content");
    assertEquals("starter-acne-vulgaris", content.get("templateId").asText());
    assertEquals(2, content.get("templateVersion").asInt());
    // The same body again is the same answer (idempotent), recording the same template.
    HttpResponse<String> retried =
        api.call("POST", c.path() + "/answer", dermatologist, answer.toString());
    assertEquals(200, retried.statusCode(), retried.body());
    assertEquals(
        "starter-acne-vulgaris", ApiCalls.json(retried).at("/content/templateId").asText());
    // Where a dermatologist reads the case's answers again, the template shows too.
    JsonNode reread =
        ApiCalls.json(api.get("/clinics/" + CLINIC + "/reviews/" + c.caseId(), dermatologist));
    assertEquals("starter-acne-vulgaris", reread.at("/answers/0/templateId").asText());
    assertEquals(2, reread.at("/answers/0/templateVersion").asInt());
  }

  private static List<String> offered() {
    return offeredTo(dermatologist);
  }

  private static List<String> offeredTo(String token) {
    HttpResponse<String> read = api.get("/clinics/" + CLINIC + "/me/answer-templates", token);
    assertEquals(200, read.statusCode(), read.body());
    return listed(read);
  }

  private static List<String> listed(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    List<String> ids = new ArrayList<>();
    ApiCalls.json(response).get("templates").forEach(t -> ids.add(t.get("id").asText()));
    return ids;
  }

  private static String templates(String clinic) {
    return "/clinics/" + clinic + "/answer-templates";
  }

  private static ObjectNode template(long version) {
    ObjectNode body = ApiCalls.JSON.createObjectNode();
    body.put("version", version).put("diagnosisCode", "atopic-eczema");
    ObjectNode texts = body.putObject("texts");
    texts
        .putObject("en")
        .put("patientExplanation", "This is eczema.")
        .put("treatmentPlan", "Moisturise twice a day.")
        .putArray("prescriptions")
        .addObject()
        .put("medicine", "Emollient")
        .put("strength", "as supplied")
        .put("form", "cream")
        .put("directions", "Twice a day.")
        .put("quantity", "500 g")
        .put("refills", 2);
    texts
        .putObject("es")
        .put("patientExplanation", "Esto es eczema.")
        .put("treatmentPlan", "Hidrate la piel dos veces al día.")
        .putArray("prescriptions")
        .addObject()
        .put("medicine", "Crema")
        .put("strength", "según envase")
        .put("form", "cream")
        .put("directions", "Dos veces al día.")
        .put("quantity", "500 g")
        .put("refills", 2);
    body.putObject("followUp").put("inDays", 28);
    return body;
  }

  private static List<String> pointers(HttpResponse<String> response) {
    List<String> pointers = new ArrayList<>();
    ApiCalls.json(response).get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
    return pointers;
  }
}
