package com.dermrelay.fhir.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.stepfunctions.ExecutionStatus;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.EhrClinic;
import com.dermrelay.testing.EhrDeliveries;
import com.dermrelay.testing.IntakeJourney;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The link a delivered Media carries, followed as an EHR would with a plain HTTP client: our route
 * redirects to the photo's copy and the bytes are the JPEG; the read is in the patient's access
 * log; an edited token opens nothing and says nothing; sending the round again or downloading it
 * leaves one copy per photo; past the clinic's {@code linkHours} the link is gone.
 */
@ExtendWith(LocalStackExtension.class)
class EhrMediaLinkIT {
  /** Like an EHR's fetcher: no cookies, no token, and redirects seen rather than followed. */
  private static final HttpClient PLAIN =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private static LocalStack stack;
  private static ApiCalls api;
  private static IntakeJourney journey;
  private static EhrDeliveries deliveries;

  @BeforeAll
  static void stack(LocalStack localStack) {
    stack = localStack;
    api = new ApiCalls(localStack);
    journey = new IntakeJourney(localStack, api);
    deliveries = new EhrDeliveries(localStack, api);
  }

  @Test
  void aDeliveredMediaLinkOpensThePhotoForTheClinicsHoursAndNothingElse() throws Exception {
    EhrClinic clinic = EhrClinic.create(stack, api, 5); // media: link, linkHours 1
    IntakeJourney.SubmittedCase c =
        journey.submit(clinic.tenantId(), IntakeJourney.routineIntake());
    clinic.answer(api, c.caseId(), false);
    assertEquals(
        ExecutionStatus.SUCCEEDED,
        deliveries.execution(clinic.tenantId(), c.caseId(), 1).status(),
        () -> "not delivered: " + deliveries.record(clinic.tenantId(), c.caseId(), 1));

    List<String> links = mediaLinks(clinic.ehr().received().get(0));
    assertEquals(2, links.size(), "the intake's two photos");
    for (String link : links) {
      assertTrue(link.startsWith(stack.config().portalOrigins().get(0) + "/ehr-media/"), link);
      assertFalse(
          link.contains(c.caseId()) || link.contains(clinic.tenantId()),
          "only a token in the URL's path");
    }

    HttpResponse<String> redirect = get(links.get(0));
    assertEquals(302, redirect.statusCode(), redirect.body());
    assertEquals("no-store", redirect.headers().firstValue("Cache-Control").orElse(""));
    String location = redirect.headers().firstValue("Location").orElseThrow();
    assertTrue(location.startsWith(stack.s3Endpoint()), "to the local S3: " + location);
    assertTrue(
        location.contains("/ehr-media/1/"), "the round's copy, not the clean photo: " + location);
    HttpResponse<byte[]> photo =
        PLAIN.send(
            HttpRequest.newBuilder(URI.create(location)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, photo.statusCode());
    assertTrue(
        photo.body().length > 100
            && (photo.body()[0] & 0xFF) == 0xFF
            && (photo.body()[1] & 0xFF) == 0xD8,
        "a JPEG");

    JsonNode log =
        ApiCalls.json(
            api.get("/clinics/" + clinic.tenantId() + "/me/access-log", c.patient().token()));
    boolean readByEhr = false;
    for (JsonNode entry : log.get("entries")) {
      readByEhr |= entry.get("action").asText().equals("ehr.media.read");
    }
    assertTrue(readByEhr, "the patient sees the EHR's read: " + log);

    // An edited token, to the other photo or to another clinic, keeping the signature: nothing.
    String other = claims(links.get(1)).get("p").asText();
    for (ObjectNode edited :
        List.of(
            claims(links.get(0)).put("p", other),
            claims(links.get(0)).put("t", "northside-skin"))) {
      HttpResponse<String> refused = get(withClaims(links.get(0), edited));
      assertEquals(404, refused.statusCode(), refused.body());
      assertEquals(
          "application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
      assertFalse(refused.headers().firstValue("Location").isPresent());
      for (String id : List.of(c.caseId(), other, clinic.tenantId(), "northside")) {
        assertFalse(refused.body().contains(id), "the refusal names nothing: " + refused.body());
      }
    }

    // Sent again (twice) and downloaded: the same copies, made once.
    Map<String, Instant> copies = copies(clinic.tenantId(), c.caseId());
    assertEquals(2, copies.size(), "one copy per photo: " + copies.keySet());
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> resent =
          api.call(
              "POST",
              "/clinics/"
                  + clinic.tenantId()
                  + "/cases/"
                  + c.caseId()
                  + "/ehr/deliveries/1/send?force=true",
              clinic.adminToken(),
              null);
      assertEquals(200, resent.statusCode(), resent.body());
    }
    HttpResponse<String> download =
        api.get(
            "/clinics/" + clinic.tenantId() + "/cases/" + c.caseId() + "/fhir-bundle",
            clinic.adminToken());
    assertEquals(200, download.statusCode(), download.body());
    assertEquals(copies, copies(clinic.tenantId(), c.caseId()), "not copied again");
    assertEquals(3, clinic.ehr().received().size());
    String resentLink = mediaLinks(clinic.ehr().received().get(2)).get(0);
    assertEquals(302, get(resentLink).statusCode());

    // Past the clinic's linkHours (1): every link of the first send is gone, and says only that.
    stack.stepFunctions().manualClock().advance(Duration.ofMinutes(61));
    for (String link : links) {
      HttpResponse<String> expired = get(link);
      assertEquals(410, expired.statusCode(), expired.body());
      assertEquals(
          "urn:dermrelay:problem:link-expired", ApiCalls.json(expired).get("type").asText());
      assertFalse(
          expired.body().contains(c.caseId()) || expired.body().contains(clinic.tenantId()));
    }
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return PLAIN.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> mediaLinks(JsonNode bundle) {
    List<String> links = new ArrayList<>();
    bundle
        .get("entry")
        .forEach(
            e -> {
              if ("Media".equals(e.at("/resource/resourceType").asText())) {
                links.add(e.at("/resource/content/url").asText());
              }
            });
    return links;
  }

  private static ObjectNode claims(String link) throws IOException {
    String token = link.substring(link.lastIndexOf('/') + 1);
    return (ObjectNode)
        ApiCalls.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
  }

  private static String withClaims(String link, ObjectNode claims) {
    String token = link.substring(link.lastIndexOf('/') + 1);
    String[] parts = token.split("\\.");
    String edited =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
    return link.substring(0, link.lastIndexOf('/') + 1) + parts[0] + "." + edited + "." + parts[2];
  }

  /** The round copies of the case's photos in the media bucket, with when each was written. */
  private static Map<String, Instant> copies(String tenantId, String caseId) {
    try (S3Client s3 = api.s3()) {
      Map<String, Instant> found = new TreeMap<>();
      for (S3Object o :
          s3.listObjectsV2(
                  r ->
                      r.bucket(LocalStackConfig.MEDIA_BUCKET)
                          .prefix(tenantId + "/cases/" + caseId + "/ehr-media/"))
              .contents()) {
        found.put(o.key(), o.lastModified());
      }
      return found;
    }
  }
}
