package com.dermrelay.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.fhir.bundle.CaseBundles;
import com.dermrelay.fhir.bundle.FhirValidation;
import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.research.deid.Pseudonyms;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.ClinicStaff;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.Photos;
import com.dermrelay.testing.ReviewCalls;
import com.dermrelay.testing.TestClinics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Media;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A dermoscopic photo end to end (issue 22's "Done when"): a clinic offers it, a patient uploads
 * one with its facts through the API the portal uses, the photo check passes its round vignette,
 * the dermatologist's case data carries it with its facts, the FHIR record has it as a Dermoscopy
 * Media with the facts, and the research export lists it with ISIC's image_type "dermoscopic".
 */
@ExtendWith(LocalStackExtension.class)
class DermoscopicImageIT {
  private static final String CLINIC = "dermoscopy-" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aDermoscopicPhotoTravelsWithItsFactsToTheWorkbenchFhirAndTheResearchExport(LocalStack stack)
      throws Exception {
    ApiCalls api = new ApiCalls(stack);
    IntakeJourney journey = new IntakeJourney(stack, api);
    String admin = TestClinics.adminOfSeededClinic(stack, CLINIC);
    String dermatologist = ClinicStaff.dermatologistOf(stack, api, CLINIC, "Dr. Lena Dermoscopy");
    ReviewCalls review = new ReviewCalls(api, dermatologist);

    String branding = "/public/clinics/" + CLINIC + "/branding";
    assertFalse(
        ApiCalls.json(api.get(branding, null)).get("patientDermoscopy").asBoolean(),
        "off until the clinic offers it");
    TestClinics.setPatientDermoscopy(api, CLINIC, admin, true);
    assertTrue(ApiCalls.json(api.get(branding, null)).get("patientDermoscopy").asBoolean());

    // Two alike consenting patients (the export's k is 2); the first sends a dermoscopic photo.
    IntakeJourney.Patient patient = journey.newPatient(CLINIC);
    ResearchExportIT.giveConsent(api, patient);
    String caseId = journey.readyToSubmit(patient, IntakeJourney.routineIntake());
    ObjectNode facts =
        ApiCalls.JSON
            .createObjectNode()
            .put("polarised", true)
            .put("contact", false)
            .put("device", "DermLite HÜD 2");
    JsonNode confirmed =
        journey.uploadPhoto(
            patient, caseId, "dermoscopic", Photos.dermoscopic(1600, 1200, 3), facts);
    assertEquals(
        "ACCEPTED",
        confirmed.get("verdict").asText(),
        "the round vignette is no fault: " + confirmed);
    assertEquals(facts, confirmed.get("dermoscopy"));
    HttpResponse<String> submitted = journey.submitCall(patient, caseId);
    assertEquals(200, submitted.statusCode(), submitted.body());
    IntakeJourney.SubmittedCase withDermoscopy = new IntakeJourney.SubmittedCase(patient, caseId);
    IntakeJourney.Patient other = journey.newPatient(CLINIC);
    ResearchExportIT.giveConsent(api, other);
    IntakeJourney.SubmittedCase plain = journey.submitAs(other, IntakeJourney.routineIntake());

    // The workbench's data: the dermoscopic photo beside the close-up, with its facts.
    HttpResponse<String> opened =
        api.get("/clinics/" + CLINIC + "/reviews/" + caseId, dermatologist);
    assertEquals(200, opened.statusCode(), opened.body());
    List<JsonNode> photos = photosOf(ApiCalls.json(opened));
    JsonNode dermoscopic = byView(photos, "dermoscopic");
    assertEquals(facts, dermoscopic.get("dermoscopy"));
    assertTrue(dermoscopic.get("url").asText().startsWith("http"), dermoscopic.toString());
    assertFalse(byView(photos, "close_up").has("dermoscopy"), "a clinical photo has no such facts");

    for (IntakeJourney.SubmittedCase c : List.of(withDermoscopy, plain)) {
      review.claimAndAnswer(
          CLINIC,
          c.caseId(),
          ReviewCalls.eczemaAnswer("Eczema, as the photos show.", "Moisturise daily."));
    }

    // FHIR: a Dermoscopy Media (DICOM DMS) with its device and facts; valid.
    HttpResponse<String> record =
        api.get("/clinics/" + CLINIC + "/cases/" + caseId + "/fhir-bundle", admin);
    assertEquals(200, record.statusCode(), record.body());
    FhirValidation.assertValid(record.body());
    Bundle bundle = CaseBundles.parser().parseResource(Bundle.class, record.body());
    List<Media> media =
        bundle.getEntry().stream()
            .map(Bundle.BundleEntryComponent::getResource)
            .filter(Media.class::isInstance)
            .map(Media.class::cast)
            .toList();
    Media lens =
        media.stream()
            .filter(m -> "DMS".equals(m.getModality().getCodingFirstRep().getCode()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no dermoscopy Media: " + record.body()));
    assertEquals("DermLite HÜD 2", lens.getDevice().getDisplay());
    assertEquals(
        "Light source polarization: POLARIZED; Contact method: NON_CONTACT",
        lens.getNoteFirstRep().getText());
    assertEquals(3, media.size(), "close-up, context and the dermoscopic photo");

    // The research export: the dermoscopic photo is a row of its own, image_type dermoscopic.
    ResearchExportIT.Export export = ResearchExportIT.export(stack, api, admin, CLINIC, 2);
    Pseudonyms ids = new Pseudonyms(export.key(), CLINIC);
    List<Map<String, String>> rows = export.rows();
    Map<String, String> row =
        rows.stream()
            .filter(
                r ->
                    r.get("isic_id").equals(ids.image(caseId, dermoscopic.get("photoId").asText())))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("the dermoscopic photo is not exported: " + rows));
    assertEquals("dermoscopic", row.get("image_type"), row.toString());
    assertEquals(ids.patient(patient.subject()), row.get("patient_id"));
    assertEquals(
        1,
        rows.stream().filter(r -> r.get("image_type").equals("dermoscopic")).count(),
        "only that one: " + rows);
  }

  private static List<JsonNode> photosOf(JsonNode review) {
    return StreamSupport.stream(review.get("rounds").spliterator(), false)
        .flatMap(round -> StreamSupport.stream(round.get("photos").spliterator(), false))
        .toList();
  }

  private static JsonNode byView(List<JsonNode> photos, String view) {
    return photos.stream()
        .filter(p -> view.equals(p.get("view").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + view + " in " + photos));
  }
}
