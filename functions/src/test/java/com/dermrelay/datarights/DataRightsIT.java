package com.dermrelay.datarights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.identity.IdentityUser;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A patient's export and erasure, through the gateway, the bucket and the identity pool. */
@ExtendWith(LocalStackExtension.class)
class DataRightsIT {
  private static IdentityUser patient(LocalStack stack, String email) {
    return stack
        .identity()
        .createConfirmedUser(
            email,
            "Rights-Patient-1",
            Map.of("email", email, "name", "Robin Rights", "custom:tenantId", "northside-skin"),
            Set.of("patient"));
  }

  /** The archive behind a download link, by path inside the ZIP. */
  private static Map<String, byte[]> download(String url) throws Exception {
    HttpResponse<byte[]> download =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, download.statusCode());
    Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    try (java.util.zip.ZipInputStream zip =
        new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(download.body()))) {
      for (java.util.zip.ZipEntry entry = zip.getNextEntry();
          entry != null;
          entry = zip.getNextEntry()) {
        files.put(entry.getName(), zip.readAllBytes());
      }
    }
    return files;
  }

  @Test
  void theArchiveHoldsThePatientsCasesAndTheirCheckedPhotos(LocalStack stack) throws Exception {
    ApiCalls api = new ApiCalls(stack);
    String email = "export.cases." + java.util.UUID.randomUUID() + "@northside.example";
    patient(stack, email);
    String token = api.idToken(email, "Rights-Patient-1");
    com.fasterxml.jackson.databind.node.ObjectNode create = ApiCalls.JSON.createObjectNode();
    create
        .putObject("emergencyScreen")
        .put("feverWithWidespreadRash", false)
        .put("blisteringOrPeelingSkin", false)
        .put("rapidlySpreadingPainfulRedness", false)
        .put("faceOrLipSwellingOrBreathingTrouble", false);
    HttpResponse<String> created =
        api.call("POST", "/clinics/northside-skin/cases", token, create.toString());
    assertEquals(201, created.statusCode(), created.body());
    String caseId = ApiCalls.json(created).path("caseId").asText();
    String photoId = uploadCheckedPhoto(api, token, caseId);

    HttpResponse<String> exported =
        api.call("POST", "/clinics/northside-skin/me/data-exports", token, null);
    assertEquals(201, exported.statusCode(), exported.body());
    Map<String, byte[]> files = download(ApiCalls.json(exported).get("downloadUrl").asText());
    JsonNode cases = ApiCalls.JSON.readTree(files.get("export.json")).at("/sections/cases");
    assertEquals(1, cases.size(), cases.toString());
    assertEquals(caseId, cases.get(0).path("caseId").asText());
    assertEquals("DRAFT", cases.get(0).path("status").asText());
    assertTrue(cases.get(0).path("timeline").size() > 0, "the timeline is in the case document");
    assertFalse(cases.get(0).has("submitKey"), "internal tokens stay out");

    byte[] clean =
        api.s3()
            .getObjectAsBytes(
                r ->
                    r.bucket(LocalStackConfig.MEDIA_BUCKET)
                        .key("northside-skin/cases/" + caseId + "/clean/" + photoId + ".jpg"))
            .asByteArray();
    byte[] archived = files.get("photos/" + caseId + "/" + photoId + ".jpg");
    assertTrue(archived != null, "the photo is in the archive: " + files.keySet());
    assertTrue(
        java.util.Arrays.equals(clean, archived),
        "the archived photo is the clean copy, byte for byte");
  }

  /** One close-up through the upload slot, S3 and the confirmation; its photo id. */
  private static String uploadCheckedPhoto(ApiCalls api, String token, String caseId)
      throws Exception {
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(1600, 1200, java.awt.image.BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 1200; y++) {
      for (int x = 0; x < 1600; x++) {
        int v =
            Math.max(
                0,
                Math.min(
                    255, (int) (80 + 90 * (x / 1600.0)) + (((x / 6 + y / 6) % 2 == 0) ? 35 : -35)));
        image.setRGB(x, y, (Math.min(255, v + 30) << 16) | (v << 8) | Math.max(0, v - 20));
      }
    }
    java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "jpeg", jpeg);
    byte[] photo = jpeg.toByteArray();
    com.fasterxml.jackson.databind.node.ObjectNode ask = ApiCalls.JSON.createObjectNode();
    ask.putArray("photos")
        .addObject()
        .put("view", "close_up")
        .put("contentType", "image/jpeg")
        .put("sizeBytes", photo.length);
    String casePath = "/clinics/northside-skin/cases/" + caseId;
    HttpResponse<String> slots =
        api.call("POST", casePath + "/photo-uploads", token, ask.toString());
    assertEquals(201, slots.statusCode(), slots.body());
    JsonNode slot = ApiCalls.json(slots).get("uploads").get(0);
    HttpResponse<Void> put =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(slot.get("url").asText()))
                    .header("Content-Type", slot.at("/headers/Content-Type").asText())
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(photo))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
    assertEquals(200, put.statusCode());
    String photoId = slot.get("photoId").asText();
    HttpResponse<String> confirmed =
        api.call("POST", casePath + "/photos/" + photoId + "/confirm", token, "{\"keep\":false}");
    assertEquals(200, confirmed.statusCode(), confirmed.body());
    return photoId;
  }

  @Test
  void aPatientDownloadsTheirDataThroughAShortLivedLink(LocalStack stack) throws Exception {
    ApiCalls api = new ApiCalls(stack);
    IdentityUser user = patient(stack, "export.patient@northside.example");
    String token = api.idToken("export.patient@northside.example", "Rights-Patient-1");

    HttpResponse<String> created =
        api.call("POST", "/clinics/northside-skin/me/data-exports", token, null);
    assertEquals(201, created.statusCode(), created.body());
    JsonNode answer = ApiCalls.json(created);
    String url = answer.get("downloadUrl").asText();
    assertTrue(url.contains("/northside-skin/exports/" + user.sub() + "/"), url);
    assertTrue(url.contains("X-Amz-Expires=900"), "valid 15 minutes: " + url);

    Map<String, byte[]> files = download(url);
    JsonNode archive = ApiCalls.JSON.readTree(files.get("export.json"));
    assertEquals(user.sub(), archive.get("subject").asText());
    assertEquals(0, archive.at("/sections/cases").size(), "no cases yet");
    assertEquals(
        Set.of("export.json", "consultations.html"),
        files.keySet(),
        "the JSON and the page to read");
    assertEquals(0, archive.at("/sections/consultations").size());
    assertEquals(0, archive.at("/sections/profile").size(), "no profile given");
    assertEquals("Robin Rights", archive.at("/sections/account/attributes/name").asText());
    assertTrue(archive.at("/sections/accessLog").isArray());

    assertEquals(
        404,
        api.call("POST", "/clinics/harbour-dermatology/me/data-exports", token, null).statusCode());
    String admin = api.idToken("admin@northside.example", "Demo-Admin-1");
    assertEquals(
        403, api.call("POST", "/clinics/northside-skin/me/data-exports", admin, null).statusCode());
  }

  @Test
  void erasureClearsTheAccountKeepsClinicalRecordsAndSaysWhy(LocalStack stack) {
    ApiCalls api = new ApiCalls(stack);
    IdentityUser user = patient(stack, "erase.patient@northside.example");
    String token = api.idToken("erase.patient@northside.example", "Rights-Patient-1");

    HttpResponse<String> erased =
        api.call("POST", "/clinics/northside-skin/me/erasure", token, null);
    assertEquals(200, erased.statusCode(), erased.body());
    JsonNode answer = ApiCalls.json(erased);
    assertEquals("ERASED", answer.get("status").asText());
    assertTrue(answer.at("/kept/0/reason").asText().contains("7 years"), answer.toString());
    assertFalse(answer.at("/kept/0/keptAtLeastUntil").asText().isEmpty());

    IdentityUser after = stack.identity().admin().getUser(user.username());
    assertEquals("Erased", after.attribute("name"));
    assertFalse(after.attribute("email").contains("erase.patient"), "the address is gone");
    assertThrows(
        RuntimeException.class,
        () -> stack.identity().signIn("erase.patient@northside.example", "Rights-Patient-1"),
        "the account is disabled");
    assertEquals(
        200,
        api.call("POST", "/clinics/northside-skin/me/erasure", token, null).statusCode(),
        "asking again answers the same");
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      Map<String, AttributeValue> record =
          dynamoDb
              .getItem(
                  r ->
                      r.tableName(LocalStackConfig.TABLE)
                          .key(
                              Map.of(
                                  "pk",
                                  AttributeValue.fromS("TENANT#northside-skin"),
                                  "sk",
                                  AttributeValue.fromS("ERASURE#" + user.sub()))))
              .item();
      assertFalse(record.isEmpty(), "the request is recorded");
      assertFalse(record.toString().contains("erase.patient"), "without the address");
    }
  }
}
