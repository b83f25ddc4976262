package com.dermrelay.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.research.deid.Pseudonyms;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.ClinicStaff;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.ReviewCalls;
import com.dermrelay.testing.TestClinics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A clinic's research export end to end (issue 17's "Done when"): consented and unconsented
 * patients of several ages, sites and skin types, cases answered by a dermatologist, an export run
 * through its workflow, and the ZIP checked as a recipient would: only consenting patients, no
 * identifier in any CSV cell or JPEG byte, no metadata segment, k-anonymity, a manifest that
 * verifies; then a withdrawal, and the next export without that patient.
 */
@ExtendWith(LocalStackExtension.class)
class ResearchExportIT {
  private static final String CLINIC = "research-" + UUID.randomUUID().toString().substring(0, 8);
  private static final int K = 2;
  private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern UUID_LIKE =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  @Test
  void onlyConsentingPatientsDeidentifiedKAnonymousAndAWithdrawalHoldsForTheNextExport(
      LocalStack stack) throws Exception {
    ApiCalls api = new ApiCalls(stack);
    IntakeJourney journey = new IntakeJourney(stack, api);
    String admin = TestClinics.adminOfSeededClinic(stack, CLINIC);
    String dermatologist = ClinicStaff.dermatologistOf(stack, api, CLINIC, "Dr. Ana Research");
    ReviewCalls review = new ReviewCalls(api, dermatologist);

    // Three alike (female, 55, forearm, type II), one outlier (male, 96, face, type V), one who
    // never consents, one whose case is never answered.
    List<IntakeJourney.SubmittedCase> alike = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      alike.add(consentingCase(api, journey, IntakeJourney.routineIntake()));
    }
    IntakeJourney.Patient outlier = journey.newPatient(CLINIC);
    journey.saveProfile(outlier, "1930-03-01", "male");
    ObjectNode faceIntake = IntakeJourney.routineIntake().put("fitzpatrickType", 5);
    ((ObjectNode) faceIntake.get("bodySites").get(0)).put("region", "face");
    giveConsent(api, outlier);
    IntakeJourney.SubmittedCase outlierCase = journey.submitAs(outlier, faceIntake);
    IntakeJourney.SubmittedCase unconsented = journey.submit(CLINIC, IntakeJourney.routineIntake());
    IntakeJourney.SubmittedCase unanswered =
        consentingCase(api, journey, IntakeJourney.routineIntake());

    List<IntakeJourney.SubmittedCase> answered = new ArrayList<>(alike);
    answered.add(outlierCase);
    answered.add(unconsented);
    for (IntakeJourney.SubmittedCase c : answered) {
      review.claimAndAnswer(
          CLINIC,
          c.caseId(),
          ReviewCalls.eczemaAnswer("Eczema, Journey Patient.", "Moisturise daily."));
    }
    // A dermatologist looked: the first patient's overview photo and the face close-up show no
    // face. Every other overview photo stays out.
    String markedContext = photoId(api, alike.get(0), "context");
    markFaceFree(api, dermatologist, alike.get(0), markedContext);
    markFaceFree(api, dermatologist, outlierCase, photoId(api, outlierCase, "close_up"));

    Export first = export(stack, api, admin);
    assertEquals("READY", first.view().get("status").asText(), first.view().toString());
    List<Map<String, String>> rows = first.rows();
    Pseudonyms firstIds = new Pseudonyms(first.key(), CLINIC);

    // Only consenting patients with an answered case: the three alike (the outlier is suppressed).
    Set<String> patients = column(rows, "patient_id");
    for (IntakeJourney.SubmittedCase c : alike) {
      assertTrue(patients.contains(firstIds.patient(c.patient().subject())), "consented, in it");
    }
    assertFalse(patients.contains(firstIds.patient(unconsented.patient().subject())));
    assertFalse(patients.contains(firstIds.patient(unanswered.patient().subject())));
    assertEquals(3, patients.size(), rows.toString());
    // Close-ups of all three plus the one overview photo marked face-free.
    assertEquals(4, rows.size(), rows.toString());
    assertEquals(
        Set.of(firstIds.image(alike.get(0).caseId(), markedContext)),
        rows.stream()
            .filter(r -> r.get("image_type").equals("clinical: overview"))
            .map(r -> r.get("isic_id"))
            .collect(java.util.stream.Collectors.toSet()));
    Map<String, String> row = rows.get(0);
    assertEquals("atopic-eczema", row.get("diagnosis_code"));
    assertEquals("L20.9", row.get("diagnosis_icd10"));
    assertEquals("single image expert consensus", row.get("diagnosis_confirm_type"));
    assertEquals("upper extremity", row.get("anatom_site_general"));
    assertEquals("female", row.get("sex"));
    assertEquals("II", row.get("fitzpatrick_skin_type"));
    assertTrue(row.get("age_approx").matches("[0-9]+"), "age rounded to 5: " + row);
    assertEquals(0, Integer.parseInt(row.get("age_approx")) % 5);

    // k-anonymity on (age, sex, site, skin type, year), counted in patients.
    Map<List<String>, Set<String>> combinations = new HashMap<>();
    for (Map<String, String> r : rows) {
      combinations
          .computeIfAbsent(
              List.of(
                  r.get("age_approx"),
                  r.get("sex"),
                  r.get("anatom_site_general"),
                  r.get("fitzpatrick_skin_type"),
                  r.get("year")),
              c -> new HashSet<>())
          .add(r.get("patient_id"));
    }
    combinations.forEach((c, who) -> assertTrue(who.size() >= K, c + " has " + who));
    JsonNode report = ApiCalls.JSON.readTree(first.files().get("report.json"));
    assertEquals(K, report.get("k").asInt());
    assertEquals(3, report.at("/counts/patients").asInt());
    assertTrue(
        report.get("suppressed").toString().contains("\"k-anonymity\""),
        "the outlier's photo was suppressed: " + report);
    assertTrue(
        report.get("excluded").toString().contains("photo-may-show-face"),
        "unmarked overview photos left out: " + report);
    assertEquals(
        first.view().at("/report/counts/images").asInt(), rows.size(), "the console's report");

    // No identifier anywhere: names, e-mails, dates, the platform's ids, free text.
    List<String> forbidden = new ArrayList<>(List.of("Journey", "Patient", "flexural"));
    forbidden.add("A dry patch");
    forbidden.add("Dr. Ana");
    for (IntakeJourney.SubmittedCase c : answered) {
      forbidden.add(c.caseId());
      forbidden.add(c.patient().subject());
      forbidden.add(c.patient().email());
    }
    forbidden.add(markedContext);
    for (Map<String, String> r : rows) {
      for (Map.Entry<String, String> cell : r.entrySet()) {
        for (String word : forbidden) {
          assertFalse(cell.getValue().contains(word), cell + " holds " + word);
        }
        assertFalse(ISO_DATE.matcher(cell.getValue()).find(), "a date: " + cell);
        assertFalse(UUID_LIKE.matcher(cell.getValue()).find(), "an id: " + cell);
      }
    }
    // The one date-shaped value released is the clinic's consent version (not the patient's).
    String consentVersion =
        ApiCalls.json(api.get(consentPath(), leavingToken(alike))).at("/offered/version").asText();
    assertEquals(Set.of(consentVersion), fieldNames(report.get("consentVersions")));
    assertEquals(3, report.at("/consentVersions/" + consentVersion).asInt());
    int images = 0;
    for (Map.Entry<String, byte[]> file : first.files().entrySet()) {
      String text =
          new String(file.getValue(), StandardCharsets.ISO_8859_1).replace(consentVersion, "");
      for (String word : forbidden) {
        assertFalse(text.contains(word), file.getKey() + " holds " + word);
      }
      assertFalse(UUID_LIKE.matcher(text).find(), file.getKey() + " holds an id");
      assertFalse(ISO_DATE.matcher(text).find(), file.getKey() + " holds a date");
      if (file.getKey().endsWith(".jpg")) {
        images++;
        assertFalse(text.contains("Exif"), file.getKey());
        assertFalse(text.contains("JFIF"), file.getKey());
        assertEquals(List.of(), segmentsBesidesDecoding(file.getValue()), file.getKey());
      } else {
        // Text files: no e-mail address, no year of birth.
        for (String word : List.of("@", "1930", "1971")) {
          assertFalse(text.contains(word), file.getKey() + " holds " + word);
        }
      }
    }
    assertEquals(rows.size(), images);

    // The manifest: every other file, each SHA-256 as computed here.
    Map<String, String> manifest = new LinkedHashMap<>();
    for (String line :
        new String(first.files().get("manifest-sha256.txt"), StandardCharsets.UTF_8).split("\n")) {
      manifest.put(line.substring(66), line.substring(0, 64));
    }
    Set<String> others = new HashSet<>(first.files().keySet());
    others.remove("manifest-sha256.txt");
    assertEquals(others, manifest.keySet());
    for (String name : others) {
      assertEquals(manifest.get(name), sha256(first.files().get(name)), name);
    }

    // A withdrawal: absent from the next export, its care untouched.
    IntakeJourney.Patient leaving = alike.get(1).patient();
    HttpResponse<String> withdrawn = api.call("DELETE", consentPath(), leaving.token(), null);
    assertEquals(200, withdrawn.statusCode(), withdrawn.body());
    assertEquals("WITHDRAWN", ApiCalls.json(withdrawn).get("status").asText());
    // The patient's own data export says so too.
    HttpResponse<String> ownData =
        api.call("POST", "/clinics/" + CLINIC + "/me/data-exports", leaving.token(), null);
    assertEquals(201, ownData.statusCode(), ownData.body());
    JsonNode ownExport =
        ApiCalls.JSON.readTree(
            unzip(ApiCalls.json(ownData).get("downloadUrl").asText()).get("export.json"));
    assertEquals(
        "WITHDRAWN",
        ownExport.at("/sections/researchConsent/status").asText(),
        ownExport.toString());
    Export second = export(stack, api, admin);
    Pseudonyms secondIds = new Pseudonyms(second.key(), CLINIC);
    Set<String> secondPatients = column(second.rows(), "patient_id");
    assertFalse(secondPatients.contains(secondIds.patient(leaving.subject())));
    assertTrue(secondPatients.contains(secondIds.patient(alike.get(0).patient().subject())));
    assertEquals(2, secondPatients.size());
    assertNotEquals(
        firstIds.patient(alike.get(0).patient().subject()),
        secondIds.patient(alike.get(0).patient().subject()),
        "two exports cannot be joined without the keys");
  }

  @Test
  void badRequestsNameTheFieldAndAreNeverCoerced(LocalStack stack) throws Exception {
    String clinic = "research-bad-" + UUID.randomUUID().toString().substring(0, 6);
    String admin = TestClinics.adminOfSeededClinic(stack, clinic);
    for (String[] bad :
        new String[][] {
          {"{\"from\":\"2026-01-01\",\"to\":\"2026-12-31\",\"k\":1}", "/k"},
          {"{\"from\":\"2026-01-01\",\"to\":\"2026-12-31\",\"k\":6.9}", "/k"},
          {"{\"from\":\"2026-02-30\",\"to\":\"2026-12-31\"}", "/from"},
          {"{\"from\":\"2026-06-01\",\"to\":\"2026-01-31\"}", "/to"},
        }) {
      HttpResponse<String> refused =
          start(stack, clinic, admin, bad[0], "bad-" + UUID.randomUUID());
      assertEquals(400, refused.statusCode(), bad[0] + " " + refused.body());
      assertTrue(
          refused
              .headers()
              .firstValue("Content-Type")
              .orElse("")
              .startsWith("application/problem+json"));
      assertTrue(refused.body().contains("\"" + bad[1] + "\""), bad[0] + " " + refused.body());
    }
    // The same Idempotency-Key for another request is a conflict, not a second export.
    String key = "same-" + UUID.randomUUID();
    assertEquals(
        202,
        start(stack, clinic, admin, "{\"from\":\"2026-01-01\",\"to\":\"2026-01-31\"}", key)
            .statusCode());
    assertEquals(
        409,
        start(stack, clinic, admin, "{\"from\":\"2026-01-01\",\"to\":\"2026-02-28\"}", key)
            .statusCode());
    ApiCalls api = new ApiCalls(stack);
    HttpResponse<String> missing =
        api.call(
            "POST",
            "/clinics/" + clinic + "/research-exports/" + UUID.randomUUID() + "/download",
            admin,
            null);
    assertEquals(404, missing.statusCode(), missing.body());
  }

  private static HttpResponse<String> start(
      LocalStack stack, String clinic, String admin, String body, String key) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(stack.gatewayUrl() + "/clinics/" + clinic + "/research-exports"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private IntakeJourney.SubmittedCase consentingCase(
      ApiCalls api, IntakeJourney journey, ObjectNode intake) {
    IntakeJourney.Patient patient = journey.newPatient(CLINIC);
    giveConsent(api, patient);
    return journey.submitAs(patient, intake);
  }

  private static String consentPath() {
    return consentPath(CLINIC);
  }

  private static String consentPath(String clinic) {
    return "/clinics/" + clinic + "/me/research-consent";
  }

  /** The patient gives the research consent their clinic offers (also for DermoscopicImageIT). */
  static void giveConsent(ApiCalls api, IntakeJourney.Patient patient) {
    String consentPath = consentPath(patient.clinic());
    HttpResponse<String> current = api.get(consentPath, patient.token());
    assertEquals(200, current.statusCode(), current.body());
    assertEquals("NOT_GIVEN", ApiCalls.json(current).get("status").asText());
    String version = ApiCalls.json(current).at("/offered/version").asText();
    HttpResponse<String> given =
        api.call("PUT", consentPath, patient.token(), "{\"consentVersion\":\"" + version + "\"}");
    assertEquals(200, given.statusCode(), given.body());
    assertEquals("GIVEN", ApiCalls.json(given).get("status").asText());
  }

  private static String photoId(ApiCalls api, IntakeJourney.SubmittedCase c, String view) {
    for (JsonNode photo : ApiCalls.json(api.get(c.path(), c.patient().token())).get("photos")) {
      if (view.equals(photo.get("view").asText())) {
        return photo.get("photoId").asText();
      }
    }
    throw new AssertionError("no " + view + " photo");
  }

  private static void markFaceFree(
      ApiCalls api, String dermatologist, IntakeJourney.SubmittedCase c, String photoId) {
    HttpResponse<String> marked =
        api.call(
            "PUT",
            "/clinics/" + CLINIC + "/cases/" + c.caseId() + "/photos/" + photoId + "/face-free",
            dermatologist,
            "{\"faceFree\":true}");
    assertEquals(200, marked.statusCode(), marked.body());
  }

  /** An export as the admin sees it, its key (shown once) and its ZIP's files. */
  record Export(JsonNode view, String key, Map<String, byte[]> files) {
    List<Map<String, String>> rows() {
      String[] lines = new String(files.get("metadata.csv"), StandardCharsets.UTF_8).split("\r\n");
      String[] header = lines[0].split(",", -1);
      List<Map<String, String>> rows = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        String[] cells = lines[i].split(",", -1);
        assertEquals(header.length, cells.length, "no cell needs quoting: " + lines[i]);
        Map<String, String> row = new LinkedHashMap<>();
        for (int c = 0; c < header.length; c++) {
          row.put(header[c], cells[c]);
        }
        rows.add(row);
      }
      return rows;
    }
  }

  private static Export export(LocalStack stack, ApiCalls api, String admin) throws Exception {
    return export(stack, api, admin, CLINIC, K);
  }

  /** Starts an export, follows it to its end through the API, and downloads its archive. */
  static Export export(LocalStack stack, ApiCalls api, String admin, String clinic, int k)
      throws Exception {
    HttpRequest start =
        HttpRequest.newBuilder(
                URI.create(stack.gatewayUrl() + "/clinics/" + clinic + "/research-exports"))
            .header("Authorization", "Bearer " + admin)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", "export-" + UUID.randomUUID())
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"from\":\"2020-01-01\",\"to\":\"2099-12-31\",\"k\":" + k + "}"))
            .build();
    HttpResponse<String> started =
        HttpClient.newHttpClient().send(start, HttpResponse.BodyHandlers.ofString());
    assertEquals(202, started.statusCode(), started.body());
    JsonNode running = ApiCalls.json(started);
    String key = running.get("pseudonymKey").asText();
    String path = "/clinics/" + clinic + "/research-exports/" + running.get("exportId").asText();
    JsonNode view = running;
    for (int poll = 0; poll < 600 && "RUNNING".equals(view.get("status").asText()); poll++) {
      Thread.sleep(100);
      view = ApiCalls.json(api.get(path, admin));
    }
    assertEquals("READY", view.get("status").asText(), view.toString());
    assertFalse(view.has("pseudonymKey"), "the key was shown once");
    HttpResponse<String> link = api.call("POST", path + "/download", admin, null);
    assertEquals(200, link.statusCode(), link.body());
    return new Export(view, key, unzip(ApiCalls.json(link).get("downloadUrl").asText()));
  }

  private static Map<String, byte[]> unzip(String url) throws Exception {
    HttpResponse<byte[]> zip =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, zip.statusCode());
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        files.put(entry.getName(), in.readAllBytes());
      }
    }
    return files;
  }

  /**
   * The JPEG's marker segments other than those a decoder needs, read independently of the export's
   * own check: APPn, COM and anything unknown before the scan.
   */
  static List<String> segmentsBesidesDecoding(byte[] jpeg) {
    List<String> found = new ArrayList<>();
    int pos = 2;
    while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
      int marker = jpeg[pos + 1] & 0xFF;
      int length = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
      if (marker == 0xDA) {
        return found;
      }
      boolean decoding = marker == 0xDB || marker == 0xC4 || marker == 0xDD || marker <= 0xC2;
      if (!decoding) {
        found.add(String.format("0x%02X", marker));
      }
      pos += 2 + length;
    }
    found.add("no scan");
    return found;
  }

  private static String leavingToken(List<IntakeJourney.SubmittedCase> cases) {
    return cases.get(0).patient().token();
  }

  private static Set<String> fieldNames(JsonNode object) {
    Set<String> names = new HashSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> column(List<Map<String, String>> rows, String name) {
    Set<String> values = new HashSet<>();
    rows.forEach(r -> values.add(r.get(name)));
    return values;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
