package com.dermrelay.letters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.ClinicStaff;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.ReviewCalls;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The answer letter through the API: a dermatologist sets their registration number, answers with a
 * referral; the patient downloads the letter in Spanish and English (the clinic's name, the
 * diagnosis in plain words and its clinical name, the plan, the prescription, the follow-up date,
 * the dermatologist's name and registration, the referral letter), named by the case alone; nobody
 * else can; and the data export holds it.
 */
@ExtendWith(LocalStackExtension.class)
class AnswerLetterIT {
  private static final String NORTHSIDE = "northside-skin";
  private static final String HARBOUR = "harbour-dermatology";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void thePatientDownloadsTheirLetterAndNoOneElseCan(LocalStack stack) throws Exception {
    ApiCalls api = new ApiCalls(stack);
    IntakeJourney journey = new IntakeJourney(stack, api);
    IntakeJourney.SubmittedCase c = journey.submit(NORTHSIDE, IntakeJourney.routineIntake());
    String letterPath = c.path() + "/answer/letter";
    assertEquals(
        404,
        fetch(stack, letterPath, c.patient().token()).statusCode(),
        "no letter before the answer");

    String dermatologist = ClinicStaff.dermatologistOf(stack, api, NORTHSIDE, "Dr. Lucía Ortega");
    String registrationPath = "/clinics/" + NORTHSIDE + "/me/registration";
    assertFalse(
        ApiCalls.json(api.get(registrationPath, dermatologist)).has("registration"),
        "none given yet");
    HttpResponse<String> tooLong =
        api.call(
            "PUT",
            registrationPath,
            dermatologist,
            "{\"registration\":\"" + "9".repeat(41) + "\"}");
    assertEquals(400, tooLong.statusCode(), tooLong.body());
    assertTrue(tooLong.body().contains("/registration"), tooLong.body());
    HttpResponse<String> set =
        api.call("PUT", registrationPath, dermatologist, "{\"registration\":\" CMM 28/123456 \"}");
    assertEquals(200, set.statusCode(), set.body());
    assertEquals(
        "CMM 28/123456",
        ApiCalls.json(api.get(registrationPath, dermatologist)).get("registration").asText());

    ObjectNode answer =
        ReviewCalls.eczemaAnswer(
            "Es un eccema: la piel está seca e inflamada.", "Hidratar dos veces al día.");
    answer
        .putObject("referral")
        .put("advised", true)
        .put("urgency", "SOON")
        .put("note", "Placa que no mejora, descartar psoriasis.");
    new ReviewCalls(api, dermatologist).claimAndAnswer(NORTHSIDE, c.caseId(), answer);
    String followUpDate =
        ApiCalls.json(api.get(c.path() + "/answer", c.patient().token()))
            .get("followUpDate")
            .asText();

    HttpResponse<byte[]> spanish = fetch(stack, letterPath + "?language=es", c.patient().token());
    assertEquals(200, spanish.statusCode());
    assertEquals("application/pdf", spanish.headers().firstValue("Content-Type").orElse(""));
    assertEquals(
        "attachment; filename=\"dermrelay-letter-" + c.caseId() + ".pdf\"",
        spanish.headers().firstValue("Content-Disposition").orElse(""),
        "named by the case alone");
    String es = text(spanish.body());
    for (String expected :
        new String[] {
          "Northside Skin Clinic",
          "Su consulta de dermatología",
          "Lo que encontró el dermatólogo",
          "Eczema (atopic dermatitis)",
          "Nombre clínico: Atopic eczema (ICD-10 L20.9)",
          "Es un eccema: la piel está seca e inflamada.",
          "Hidratar dos veces al día.",
          "Hydrocortisone 1% crema",
          "Envíe fotos de seguimiento el",
          "Dr. Lucía Ortega",
          "Número de colegiado: CMM 28/123456",
          "Carta de derivación",
          "Urgencia: pronto",
          "Placa que no mejora, descartar psoriasis.",
          c.caseId()
        }) {
      assertTrue(
          es.contains(expected), () -> "the Spanish letter says \"" + expected + "\": " + es);
    }
    String en = text(fetch(stack, letterPath, c.patient().token()).body());
    assertTrue(
        en.contains("Your dermatology consultation")
            && en.contains("Registration: CMM 28/123456")
            && en.contains("Referral letter"),
        en);
    assertTrue(
        en.contains(
            java.time.LocalDate.parse(followUpDate)
                .format(
                    java.time.format.DateTimeFormatter.ofPattern(
                        "MMMM d, yyyy", java.util.Locale.ENGLISH))),
        en);

    HttpResponse<byte[]> french = fetch(stack, letterPath + "?language=fr", c.patient().token());
    assertEquals(400, french.statusCode());
    assertTrue(new String(french.body()).contains("language"));
    IntakeJourney.Patient stranger = journey.newPatient(NORTHSIDE);
    assertEquals(
        404, fetch(stack, letterPath, stranger.token()).statusCode(), "another patient's case");
    IntakeJourney.Patient otherClinic = journey.newPatient(HARBOUR);
    assertEquals(
        404,
        fetch(
                stack,
                "/clinics/" + HARBOUR + "/cases/" + c.caseId() + "/answer/letter",
                otherClinic.token())
            .statusCode(),
        "another clinic's case");

    HttpResponse<String> exported =
        api.call(
            "POST",
            "/clinics/" + NORTHSIDE + "/me/data-exports?language=es",
            c.patient().token(),
            null);
    assertEquals(201, exported.statusCode(), exported.body());
    Map<String, byte[]> files =
        unzip(
            HTTP.send(
                    HttpRequest.newBuilder(
                            URI.create(ApiCalls.json(exported).get("downloadUrl").asText()))
                        .build(),
                    HttpResponse.BodyHandlers.ofByteArray())
                .body());
    JsonNode letters = ApiCalls.JSON.readTree(files.get("export.json")).at("/sections/letters");
    assertEquals(1, letters.size(), letters.toString());
    assertEquals(c.caseId(), letters.at("/0/caseId").asText());
    String file = "letters/dermrelay-letter-" + c.caseId() + ".pdf";
    assertEquals(file, letters.at("/0/file").asText());
    assertTrue(
        text(files.get(file)).contains("Su consulta de dermatología"),
        "the export's letter is in its language");
  }

  private static HttpResponse<byte[]> fetch(LocalStack stack, String path, String token)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        files.put(entry.getName(), in.readAllBytes());
      }
    }
    return files;
  }
}
