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
    return stack.identity().createConfirmedUser(email, "Rights-Patient-1",
        Map.of("email", email, "name", "Robin Rights", "custom:tenantId", "northside-skin"),
        Set.of("patient"));
  }

  @Test
  void aPatientDownloadsTheirDataThroughAShortLivedLink(LocalStack stack) throws Exception {
    ApiCalls api = new ApiCalls(stack);
    IdentityUser user = patient(stack, "export.patient@northside.example");
    String token = api.idToken("export.patient@northside.example", "Rights-Patient-1");

    HttpResponse<String> created = api.call("POST", "/clinics/northside-skin/me/data-exports", token, null);
    assertEquals(201, created.statusCode(), created.body());
    JsonNode answer = ApiCalls.json(created);
    String url = answer.get("downloadUrl").asText();
    assertTrue(url.contains("/northside-skin/exports/" + user.sub() + "/"), url);
    assertTrue(url.contains("X-Amz-Expires=900"), "valid 15 minutes: " + url);

    HttpResponse<String> download = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, download.statusCode(), download.body());
    JsonNode archive = ApiCalls.JSON.readTree(download.body());
    assertEquals(user.sub(), archive.get("subject").asText());
    assertEquals("Robin Rights", archive.at("/sections/account/attributes/name").asText());
    assertTrue(archive.at("/sections/accessLog").isArray());

    assertEquals(404, api.call("POST", "/clinics/harbour-dermatology/me/data-exports", token, null).statusCode());
    String admin = api.idToken("admin@northside.example", "Demo-Admin-1");
    assertEquals(403, api.call("POST", "/clinics/northside-skin/me/data-exports", admin, null).statusCode());
  }

  @Test
  void erasureClearsTheAccountKeepsClinicalRecordsAndSaysWhy(LocalStack stack) {
    ApiCalls api = new ApiCalls(stack);
    IdentityUser user = patient(stack, "erase.patient@northside.example");
    String token = api.idToken("erase.patient@northside.example", "Rights-Patient-1");

    HttpResponse<String> erased = api.call("POST", "/clinics/northside-skin/me/erasure", token, null);
    assertEquals(200, erased.statusCode(), erased.body());
    JsonNode answer = ApiCalls.json(erased);
    assertEquals("ERASED", answer.get("status").asText());
    assertTrue(answer.at("/kept/0/reason").asText().contains("7 years"), answer.toString());
    assertFalse(answer.at("/kept/0/keptAtLeastUntil").asText().isEmpty());

    IdentityUser after = stack.identity().admin().getUser(user.username());
    assertEquals("Erased", after.attribute("name"));
    assertFalse(after.attribute("email").contains("erase.patient"), "the address is gone");
    assertThrows(RuntimeException.class,
        () -> stack.identity().signIn("erase.patient@northside.example", "Rights-Patient-1"),
        "the account is disabled");
    assertEquals(200, api.call("POST", "/clinics/northside-skin/me/erasure", token, null).statusCode(),
        "asking again answers the same");
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      Map<String, AttributeValue> record = dynamoDb.getItem(r -> r.tableName(LocalStackConfig.TABLE)
          .key(Map.of("pk", AttributeValue.fromS("TENANT#northside-skin"),
              "sk", AttributeValue.fromS("ERASURE#" + user.sub())))).item();
      assertFalse(record.isEmpty(), "the request is recorded");
      assertFalse(record.toString().contains("erase.patient"), "without the address");
    }
  }
}
