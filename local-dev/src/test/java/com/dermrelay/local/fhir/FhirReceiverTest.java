package com.dermrelay.local.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local FHIR receiver over HTTP, as the delivery client and the tests use it. */
class FhirReceiverTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static FhirReceiver receiver;

  @BeforeAll
  static void start() {
    receiver = FhirReceiver.start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    receiver.close();
  }

  /** Patient (conditional on its MRN) and an Observation that refers to it by urn:uuid. */
  private static ObjectNode bundle(String mrn) {
    ObjectNode bundle =
        JSON.createObjectNode().put("resourceType", "Bundle").put("type", "transaction");
    ArrayNode entries = bundle.putArray("entry");
    String patientUrl = "urn:uuid:" + UUID.randomUUID();
    ObjectNode patient = entries.addObject().put("fullUrl", patientUrl);
    ObjectNode p = patient.putObject("resource").put("resourceType", "Patient");
    p.putArray("identifier").addObject().put("system", "urn:clinic:mrn").put("value", mrn);
    patient
        .putObject("request")
        .put("method", "POST")
        .put("url", "Patient")
        .put("ifNoneExist", "identifier=urn:clinic:mrn|" + mrn);
    ObjectNode observation = entries.addObject().put("fullUrl", "urn:uuid:" + UUID.randomUUID());
    ObjectNode o =
        observation.putObject("resource").put("resourceType", "Observation").put("status", "final");
    o.putObject("subject").put("reference", patientUrl);
    observation.putObject("request").put("method", "POST").put("url", "Observation");
    return bundle;
  }

  private static HttpResponse<String> post(String path, String body, String token)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(receiver.url() + path))
            .timeout(Duration.ofSeconds(2))
            .header("Content-Type", "application/fhir+json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(receiver.url() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aTransactionIsStoredWithItsReferencesResolvedAndAConditionalCreateIsNotRepeated()
      throws Exception {
    HttpResponse<String> first = post("/fhir/clinic-a", bundle("MRN-1").toString(), null);
    assertEquals(200, first.statusCode(), first.body());
    JsonNode response = JSON.readTree(first.body());
    assertEquals("transaction-response", response.get("type").asText());
    assertEquals("201 Created", response.at("/entry/0/response/status").asText());
    String patientLocation = response.at("/entry/0/response/location").asText();
    String patientId = patientLocation.split("/")[1];
    String observationId = response.at("/entry/1/response/location").asText().split("/")[1];

    JsonNode observation = JSON.readTree(get("/fhir/clinic-a/Observation/" + observationId).body());
    assertEquals("Patient/" + patientId, observation.at("/subject/reference").asText());

    HttpResponse<String> again = post("/fhir/clinic-a", bundle("MRN-1").toString(), null);
    JsonNode second = JSON.readTree(again.body());
    assertEquals(
        "200 OK",
        second.at("/entry/0/response/status").asText(),
        "the patient exists: not created again");
    assertEquals(patientLocation, second.at("/entry/0/response/location").asText());
    JsonNode patients =
        JSON.readTree(get("/fhir/clinic-a/Patient?identifier=urn:clinic:mrn%7CMRN-1").body());
    assertEquals(1, patients.get("total").asInt());
    assertEquals(2, receiver.endpoint("clinic-a").all("Observation").size());
    assertEquals(2, JSON.readTree(get("/fhir/clinic-a/_received").body()).size());
    assertEquals(
        0, receiver.endpoint("clinic-b").all("Patient").size(), "endpoints keep their own records");
  }

  @Test
  void aResourceWithoutIdentifierIsFoundByTheIdentifierOfWhatItReferences() throws Exception {
    for (int send = 0; send < 2; send++) {
      ObjectNode bundle = bundle("MRN-9");
      ArrayNode entries = (ArrayNode) bundle.get("entry");
      ((ObjectNode) entries.get(1).get("resource"))
          .putArray("identifier")
          .addObject()
          .put("system", "urn:report")
          .put("value", "R-1");
      ((ObjectNode) entries.get(1).get("request")).put("ifNoneExist", "identifier=urn:report|R-1");
      ObjectNode provenance = entries.addObject().put("fullUrl", "urn:uuid:" + UUID.randomUUID());
      provenance
          .putObject("resource")
          .put("resourceType", "Provenance")
          .putArray("target")
          .addObject()
          .put("reference", entries.get(1).get("fullUrl").asText());
      provenance
          .putObject("request")
          .put("method", "POST")
          .put("url", "Provenance")
          .put("ifNoneExist", "target:Observation.identifier=urn:report|R-1");
      assertEquals(200, post("/fhir/chained", bundle.toString(), null).statusCode());
    }
    ReceiverEndpoint ehr = receiver.endpoint("chained");
    assertEquals(1, ehr.all("Provenance").size(), "the resend found the first Provenance");
    assertEquals(
        "Observation/" + ehr.all("Observation").get(0).get("id").asText(),
        ehr.all("Provenance").get(0).at("/target/0/reference").asText());
  }

  @Test
  void somethingElseThanATransactionIsRefusedWithAnOperationOutcome() throws Exception {
    HttpResponse<String> response = post("/fhir/clinic-c", "{\"resourceType\":\"Patient\"}", null);
    assertEquals(400, response.statusCode());
    assertEquals("OperationOutcome", JSON.readTree(response.body()).get("resourceType").asText());
    assertTrue(receiver.endpoint("clinic-c").received().isEmpty());
  }

  @Test
  void clientCredentialsGiveATokenAndCallsWithoutOneAreRefused() throws Exception {
    receiver.endpoint("secured").allowClient("dermrelay", "s3cret");
    assertEquals(401, post("/fhir/secured", bundle("MRN-2").toString(), null).statusCode());
    HttpRequest tokenRequest =
        HttpRequest.newBuilder(URI.create(receiver.url() + "/fhir/secured/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "grant_type=client_credentials&client_id=dermrelay&client_secret=s3cret"))
            .build();
    JsonNode token =
        JSON.readTree(HTTP.send(tokenRequest, HttpResponse.BodyHandlers.ofString()).body());
    assertEquals("Bearer", token.get("token_type").asText());
    assertEquals(
        200,
        post("/fhir/secured", bundle("MRN-2").toString(), token.get("access_token").asText())
            .statusCode());

    HttpRequest wrongSecret =
        HttpRequest.newBuilder(URI.create(receiver.url() + "/fhir/secured/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "grant_type=client_credentials&client_id=dermrelay&client_secret=guess"))
            .build();
    assertEquals(401, HTTP.send(wrongSecret, HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  @Test
  void faultModesSetThroughTheTestApi() throws Exception {
    assertEquals(204, post("/fhir/faulty/_fault", "{\"mode\":\"down\"}", null).statusCode());
    assertThrows(IOException.class, () -> post("/fhir/faulty", bundle("MRN-3").toString(), null));

    post(
        "/fhir/faulty/_fault",
        "{\"mode\":\"status\",\"status\":422,\"text\":\"Unknown practitioner\"}",
        null);
    HttpResponse<String> refused = post("/fhir/faulty", bundle("MRN-3").toString(), null);
    assertEquals(422, refused.statusCode());
    assertEquals(
        "Unknown practitioner", JSON.readTree(refused.body()).at("/issue/0/diagnostics").asText());

    post("/fhir/faulty/_fault", "{\"mode\":\"slow\",\"delayMs\":3000}", null);
    assertThrows(
        java.net.http.HttpTimeoutException.class,
        () -> post("/fhir/faulty", bundle("MRN-3").toString(), null));

    post("/fhir/faulty/_fault", "{\"mode\":\"none\"}", null);
    assertEquals(200, post("/fhir/faulty", bundle("MRN-3").toString(), null).statusCode());
    assertEquals(
        1,
        receiver.endpoint("faulty").search("Patient", "urn:clinic:mrn", "MRN-3").size(),
        "the slow call was processed, the later one found it: one patient");
  }
}
