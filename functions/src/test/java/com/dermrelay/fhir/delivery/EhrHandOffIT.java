package com.dermrelay.fhir.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.EhrClinic;
import com.dermrelay.testing.IntakeJourney;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a clinic without an EHR endpoint sees of EHR delivery: nothing (no record, no execution);
 * and how a clinic admin stores the credentials: in Secrets Manager only, never answered back.
 */
@ExtendWith(LocalStackExtension.class)
class EhrHandOffIT {
  private static final String NORTHSIDE = "northside-skin";
  private static final String EHR_WORKFLOW =
      "arn:aws:states:"
          + LocalStackConfig.REGION
          + ":"
          + LocalStackConfig.ACCOUNT_ID
          + ":stateMachine:dermrelay-ehr-delivery";
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
  void aClinicWithoutAnEndpointStartsNoDeliveryAndKeepsNoRecord() {
    IntakeJourney.SubmittedCase c = journey.submit(NORTHSIDE, IntakeJourney.routineIntake());
    EhrClinic.answer(
        api,
        NORTHSIDE,
        api.idToken("dr.chen@dermrelay.example", "Demo-Dermatologist-1"),
        c.caseId(),
        false);
    assertEquals(
        "CLOSED", ApiCalls.json(api.get(c.path(), c.patient().token())).get("status").asText());
    assertTrue(
        stack.stepFunctions().service().listExecutions(EHR_WORKFLOW, null).stream()
            .noneMatch(e -> e.name().contains(c.caseId())),
        "no delivery execution");
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      assertEquals(
          0,
          dynamoDb
              .query(
                  r ->
                      r.tableName(LocalStackConfig.TABLE)
                          .keyConditionExpression("pk = :pk AND begins_with(sk, :ehr)")
                          .expressionAttributeValues(
                              Map.of(
                                  ":pk",
                                  AttributeValue.fromS(
                                      "TENANT#" + NORTHSIDE + "#CASE#" + c.caseId()),
                                  ":ehr",
                                  AttributeValue.fromS("EHR#"))))
              .count());
    }
  }

  @Test
  void credentialsGoToSecretsManagerOnlyAndABadBodyNamesTheFieldNotTheValue() {
    EhrClinic clinic = EhrClinic.create(stack, api, 5);
    String path = "/clinics/" + clinic.tenantId() + "/ehr/credentials";
    HttpResponse<String> stored =
        api.call(
            "PUT",
            path,
            clinic.adminToken(),
            "{\"clientId\":\"dermrelay\",\"clientSecret\":\"very-secret-value\"}");
    assertEquals(204, stored.statusCode(), stored.body());
    assertTrue(stored.body().isEmpty());
    assertEquals(
        "{\"clientId\":\"dermrelay\",\"clientSecret\":\"very-secret-value\"}",
        stack
            .secretsManager()
            .value("dermrelay/local/tenants/" + clinic.tenantId() + "/ehr")
            .orElseThrow());

    HttpResponse<String> both =
        api.call(
            "PUT",
            path,
            clinic.adminToken(),
            "{\"clientId\":\"x\",\"clientSecret\":\"y\",\"token\":\"leaked-token\"}");
    assertEquals(400, both.statusCode());
    assertEquals("application/problem+json", both.headers().firstValue("Content-Type").orElse(""));
    assertFalse(both.body().contains("leaked-token"));
    HttpResponse<String> blank =
        api.call("PUT", path, clinic.adminToken(), "{\"token\":\"has spaces\"}");
    assertEquals(400, blank.statusCode());
    assertEquals("/token", ApiCalls.json(blank).at("/errors/0/pointer").asText());
    assertFalse(blank.body().contains("has spaces"));

    JsonNode settings =
        ApiCalls.json(api.get("/clinics/" + clinic.tenantId() + "/settings", clinic.adminToken()));
    assertFalse(settings.toString().contains("very-secret-value"));
    assertEquals(
        403,
        api.call("PUT", path, clinic.dermatologistToken(), "{\"token\":\"abc\"}").statusCode());
  }
}
