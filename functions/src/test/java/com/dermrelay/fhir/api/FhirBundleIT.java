package com.dermrelay.fhir.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.fhir.bundle.CaseBundles;
import com.dermrelay.fhir.bundle.FhirValidation;
import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.ClinicStaff;
import com.dermrelay.testing.IntakeJourney;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A case answered through HTTP, then downloaded as FHIR by the clinic admin and by the answering
 * dermatologist: the Bundle validates, its photo links open the checked photos in S3, the patient's
 * access log shows the download, and anyone else gets the same 404 as for a case that is not there.
 */
@ExtendWith(LocalStackExtension.class)
class FhirBundleIT {
  private static final String NORTHSIDE = "northside-skin";
  private static LocalStack stack;
  private static ApiCalls api;
  private static IntakeJourney journey;

  @BeforeAll
  static void stack(LocalStack localStack) {
    stack = localStack;
    api = new ApiCalls(localStack);
    journey = new IntakeJourney(localStack, api);
  }

  @Test
  void theClinicAndTheAnsweringDermatologistDownloadAValidRecordOfTheAnswer() throws Exception {
    IntakeJourney.SubmittedCase c = journey.submit(NORTHSIDE, IntakeJourney.routineIntake());
    String answering = ClinicStaff.dermatologistOf(stack, api, NORTHSIDE, "Dr. Ada Okafor");
    String reviewPath = "/clinics/" + NORTHSIDE + "/reviews/" + c.caseId();
    String bundlePath = "/clinics/" + NORTHSIDE + "/cases/" + c.caseId() + "/fhir-bundle";
    assertEquals(
        404,
        api.get(bundlePath, api.idToken("admin@northside.example", "Demo-Admin-1")).statusCode(),
        "nothing to download before the answer");

    assertEquals(200, api.call("POST", reviewPath + "/claim", answering, null).statusCode());
    HttpResponse<String> answered =
        api.call("POST", c.path() + "/answer", answering, answer().toString());
    assertEquals(200, answered.statusCode(), answered.body());
    assertEquals(
        1, ApiCalls.json(answered).get("round").asInt(), "the answer to the intake is round 1");

    String admin = api.idToken("admin@northside.example", "Demo-Admin-1");
    HttpResponse<String> byAdmin = api.get(bundlePath, admin);
    assertEquals(200, byAdmin.statusCode(), byAdmin.body());
    assertEquals("application/fhir+json", byAdmin.headers().firstValue("Content-Type").orElse(""));
    FhirValidation.assertValid(byAdmin.body());
    Bundle bundle = CaseBundles.parser().parseResource(Bundle.class, byAdmin.body());
    assertEquals(Bundle.BundleType.TRANSACTION, bundle.getType());
    DiagnosticReport report = only(bundle, DiagnosticReport.class);
    assertEquals(
        "L20.9",
        report.getConclusionCodeFirstRep().getCodingFirstRep().getCode(),
        "ICD-10 of atopic eczema");
    assertEquals(2, resources(bundle, MedicationRequest.class).size());

    List<Media> media = resources(bundle, Media.class);
    assertEquals(2, media.size(), "the intake's close-up and context photos");
    // The link is our /ehr-media/ route, which redirects to the photo copy in S3.
    HttpResponse<byte[]> photo =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(media.get(0).getContent().getUrl()))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, photo.statusCode(), "the link opens the checked photo");
    assertTrue(
        photo.body().length > 100
            && (photo.body()[0] & 0xFF) == 0xFF
            && (photo.body()[1] & 0xFF) == 0xD8,
        "a JPEG");

    HttpResponse<String> byDermatologist = api.get(bundlePath + "?round=1", answering);
    assertEquals(200, byDermatologist.statusCode(), byDermatologist.body());
    assertEquals(
        withoutLinks(byAdmin.body()),
        withoutLinks(byDermatologist.body()),
        "the same record, but for fresh photo links");

    String chen = api.idToken("dr.chen@dermrelay.example", "Demo-Dermatologist-1");
    assertEquals(
        404, api.get(bundlePath, chen).statusCode(), "a dermatologist who did not answer it");
    assertEquals(404, api.get(bundlePath + "?round=2", admin).statusCode(), "no second answer yet");
    assertEquals(400, api.get(bundlePath + "?round=zero", admin).statusCode());
    assertEquals(
        404,
        api.get(
                "/clinics/harbour-dermatology/cases/" + c.caseId() + "/fhir-bundle",
                api.idToken("admin@harbour.example", "Demo-Admin-1"))
            .statusCode(),
        "another clinic");
    assertFalse(byAdmin.body().contains(c.patient().email()), "no e-mail of the patient");

    JsonNode log =
        ApiCalls.json(api.get("/clinics/" + NORTHSIDE + "/me/access-log", c.patient().token()));
    long downloads = 0;
    for (JsonNode entry : log.get("entries")) {
      downloads += entry.get("action").asText().equals("case.fhir.read") ? 1 : 0;
    }
    assertEquals(2, downloads, "both downloads are in the patient's access log: " + log);
  }

  private static ObjectNode answer() {
    ObjectNode body = ApiCalls.JSON.createObjectNode();
    body.putObject("diagnosis").put("code", "atopic-eczema").put("note", "flexural");
    body.putArray("differentials").add("allergic-contact-dermatitis");
    body.put("patientExplanation", "This is eczema. It is common and can be controlled.");
    body.put("treatmentPlan", "Moisturise twice a day; steroid cream on flares.");
    var prescriptions = body.putArray("prescriptions");
    prescriptions
        .addObject()
        .put("medicine", "Hydrocortisone")
        .put("strength", "1%")
        .put("form", "cream")
        .put("directions", "Apply thinly twice a day for up to 14 days.")
        .put("quantity", "30 g")
        .put("refills", 1);
    prescriptions
        .addObject()
        .put("medicine", "Emulsifying ointment")
        .put("strength", "BP")
        .put("form", "ointment")
        .put("directions", "Apply often.")
        .put("quantity", "500 g")
        .put("refills", 2);
    body.putObject("referral")
        .put("advised", true)
        .put("urgency", "ROUTINE")
        .put("note", "Patch testing.");
    body.putObject("followUp").put("inDays", 28);
    return body;
  }

  private static String withoutLinks(String bundle) {
    return bundle.replaceAll("\"url\":\"http[^\"]*\"", "\"url\":\"-\"");
  }

  private static <T extends org.hl7.fhir.r4.model.Resource> List<T> resources(
      Bundle bundle, Class<T> type) {
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  private static <T extends org.hl7.fhir.r4.model.Resource> T only(Bundle bundle, Class<T> type) {
    List<T> found = resources(bundle, type);
    assertEquals(1, found.size(), type.getSimpleName());
    return found.get(0);
  }
}
