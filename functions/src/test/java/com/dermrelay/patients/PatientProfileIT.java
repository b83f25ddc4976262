package com.dermrelay.patients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A patient's profile (date of birth, sex) through HTTP on the local stack. */
@ExtendWith(LocalStackExtension.class)
class PatientProfileIT {
  private static final String CLINIC = "northside-skin";
  private static final String PROFILE = "/clinics/" + CLINIC + "/me/profile";
  private static LocalStack stack;
  private static ApiCalls api;

  @BeforeAll
  static void stack(LocalStack localStack) {
    stack = localStack;
    api = new ApiCalls(localStack);
  }

  @Test
  void aPatientSavesReadsAndChangesTheirProfileOnTheVersionRead() {
    String patient = newPatient();
    assertEquals(404, api.get(PROFILE, patient).statusCode(), "no profile yet");

    HttpResponse<String> created =
        api.call("PUT", PROFILE, patient, "{\"dateOfBirth\":\"1984-03-09\",\"sex\":\"female\"}");
    assertEquals(200, created.statusCode(), created.body());
    assertEquals(1, ApiCalls.json(created).get("version").asLong());
    JsonNode read = ApiCalls.json(api.get(PROFILE, patient));
    assertEquals("1984-03-09", read.get("dateOfBirth").asText());
    assertEquals("female", read.get("sex").asText());

    String change = "{\"dateOfBirth\":\"1984-03-10\",\"sex\":\"other\",\"version\":1}";
    assertEquals(200, api.call("PUT", PROFILE, patient, change).statusCode());
    assertEquals(
        409, api.call("PUT", PROFILE, patient, change).statusCode(), "version 1 is stale now");
    assertEquals(
        409,
        api.call("PUT", PROFILE, patient, "{\"dateOfBirth\":\"1984-03-09\",\"sex\":\"female\"}")
            .statusCode(),
        "a second 'new' profile does not overwrite the first");
    assertEquals("other", ApiCalls.json(api.get(PROFILE, patient)).get("sex").asText());

    String subject = subjectOf(patient);
    List<String> actions = new ArrayList<>();
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      dynamoDb
          .queryPaginator(
              r ->
                  r.tableName(LocalStackConfig.TABLE)
                      .keyConditionExpression("pk = :pk")
                      .expressionAttributeValues(
                          Map.of(":pk", AttributeValue.fromS("TENANT#" + CLINIC + "#AUDIT"))))
          .items()
          .stream()
          .filter(
              a ->
                  a.get("resourceType").s().equals("profile")
                      && a.containsKey("patientSubject")
                      && a.get("patientSubject").s().equals(subject)
                      && a.get("outcome").s().equals("SUCCESS"))
          .forEach(a -> actions.add(a.get("action").s()));
    }
    assertTrue(
        actions.contains("read") && actions.contains("profile.update"),
        "audited as health data: " + actions);
  }

  @Test
  void badDatesAndUnknownSexesAreNamedByPointer() {
    String patient = newPatient();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    assertEquals(
        List.of("/dateOfBirth", "/sex"),
        pointers(
            api.call(
                "PUT",
                PROFILE,
                patient,
                "{\"dateOfBirth\":\"" + today.plusDays(1) + "\",\"sex\":\"F\"}")));
    assertEquals(
        List.of("/dateOfBirth"),
        pointers(
            api.call(
                "PUT",
                PROFILE,
                patient,
                "{\"dateOfBirth\":\"" + today.minusYears(131) + "\",\"sex\":\"male\"}")));
    assertEquals(
        List.of("/dateOfBirth"),
        pointers(
            api.call(
                "PUT", PROFILE, patient, "{\"dateOfBirth\":\"2001-02-30\",\"sex\":\"unknown\"}")));
    assertEquals(
        List.of("/dateOfBirth", "/sex"), pointers(api.call("PUT", PROFILE, patient, "{}")));
    HttpResponse<String> unknownField =
        api.call(
            "PUT",
            PROFILE,
            patient,
            "{\"dateOfBirth\":\"1990-01-01\",\"sex\":\"male\",\"nhsNumber\":\"x\"}");
    assertEquals(400, unknownField.statusCode());
    assertEquals(404, api.get(PROFILE, patient).statusCode(), "nothing was stored");
  }

  @Test
  void aDermatologistHasNoPatientProfileHere() {
    String doctor = api.idToken("dr.chen@dermrelay.example", "Demo-Dermatologist-1");
    assertEquals(403, api.get(PROFILE, doctor).statusCode());
  }

  private static List<String> pointers(HttpResponse<String> response) {
    assertEquals(400, response.statusCode(), response.body());
    assertTrue(
        response
            .headers()
            .firstValue("content-type")
            .orElse("")
            .startsWith("application/problem+json"));
    List<String> pointers = new ArrayList<>();
    ApiCalls.json(response).get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
    return pointers;
  }

  private static String newPatient() {
    String email = "profile-" + UUID.randomUUID() + "@example.com";
    stack
        .identity()
        .createConfirmedUser(
            email,
            "Profile-Patient-1",
            Map.of("email", email, "name", "Profile Patient", "custom:tenantId", CLINIC),
            Set.of("patient"));
    return api.idToken(email, "Profile-Patient-1");
  }

  private static String subjectOf(String token) {
    try {
      return ApiCalls.JSON
          .readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]))
          .get("sub")
          .asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
