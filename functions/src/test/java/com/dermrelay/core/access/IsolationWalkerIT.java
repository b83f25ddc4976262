package com.dermrelay.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.identity.IdentityUser;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Walks every operation of api-spec/openapi.yaml that takes path parameters or a body, points
 * them at the other clinic's records (Harbour's), and calls each with a token of every role of
 * Northside: a patient, a clinic admin, a dermatologist who belongs to Northside only, and a
 * platform operator (skipped where the operation lets operators act for any clinic). Each call
 * must answer 403 or 404 and the table and bucket must be as before, audit records aside. A new
 * operation is walked without touching this test; its request example, if it has one, is the body,
 * with Northside's ids swapped for Harbour's.
 */
@ExtendWith(LocalStackExtension.class)
class IsolationWalkerIT {
  private static final String OWN = "northside-skin";
  private static final String OTHER = "harbour-dermatology";

  @Test
  void noRoleOfOneClinicReachesAnotherClinicsRecords(LocalStack stack) {
    ApiCalls api = new ApiCalls(stack);
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("patient", api.idToken("patient@northside.example", "Demo-Patient-1"));
    tokens.put("clinic_admin", api.idToken("admin@northside.example", "Demo-Admin-1"));
    tokens.put("dermatologist", northsideOnlyDermatologist(stack, api));
    tokens.put("platform_operator", api.idToken("operator@dermrelay.example", "Demo-Operator-1"));
    Map<String, String> otherIds = otherClinicsIds(api);

    TreeSet<String> before = api.snapshot(false);
    List<String> leaks = new ArrayList<>();
    int calls = 0;
    for (OpenApiContract.Operation op : OpenApiContract.operations()) {
      if (op.isPublic() || (op.pathParameters().isEmpty() && !op.hasBody())) {
        continue;
      }
      String path = op.path();
      for (String name : op.pathParameters()) {
        path = path.replace("{" + name + "}", otherIds.getOrDefault(name, "walker-" + name));
      }
      String body = op.hasBody() ? exampleBody(op) : null;
      for (Map.Entry<String, String> caller : tokens.entrySet()) {
        if (caller.getKey().equals("platform_operator") && op.roles().contains("platform_operator")) {
          continue;
        }
        HttpResponse<String> response = api.call(op.method().toUpperCase(), path, caller.getValue(), body);
        calls++;
        if (response.statusCode() != 403 && response.statusCode() != 404) {
          leaks.add(op.routeKey() + " as " + caller.getKey() + " answered " + response.statusCode());
        }
      }
    }
    assertEquals(List.of(), leaks);
    assertTrue(calls >= 6, "the walker made only " + calls + " calls");
    assertEquals(before, api.snapshot(false), "a refused call changed data");
  }

  private static String exampleBody(OpenApiContract.Operation op) {
    JsonNode example = op.node().at("/requestBody/content/application~1json/example");
    return example.isMissingNode() ? "{}" : example.toString().replace(OWN, OTHER);
  }

  /** Ids of Harbour's records, by the path parameter names that carry them. */
  private static Map<String, String> otherClinicsIds(ApiCalls api) {
    Map<String, String> ids = new HashMap<>();
    ids.put("tenantId", OTHER);
    ids.put("slug", "harbour");
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      dynamoDb.query(r -> r.tableName(LocalStackConfig.TABLE)
              .keyConditionExpression("pk = :pk AND begins_with(sk, :member)")
              .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("TENANT#" + OTHER),
                  ":member", AttributeValue.fromS("MEMBER#"))))
          .items().stream().filter(m -> m.get("role").s().equals("clinic_admin")).findFirst()
          .ifPresent(m -> {
            ids.put("memberSub", m.get("userSub").s());
            ids.put("subject", m.get("userSub").s());
          });
    }
    return ids;
  }

  private static String northsideOnlyDermatologist(LocalStack stack, ApiCalls api) {
    IdentityUser derm = stack.identity().createConfirmedUser("dr.walker@dermrelay.example", "Walker-Derm-1",
        Map.of("email", "dr.walker@dermrelay.example", "name", "Dr. Walker"), Set.of("dermatologist"));
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      dynamoDb.putItem(r -> r.tableName(LocalStackConfig.TABLE).item(Map.of(
          "pk", AttributeValue.fromS("TENANT#" + OWN),
          "sk", AttributeValue.fromS("MEMBER#" + derm.sub()),
          "gsi2pk", AttributeValue.fromS("USER#" + derm.sub()),
          "gsi2sk", AttributeValue.fromS("TENANT#" + OWN),
          "tenantId", AttributeValue.fromS(OWN),
          "userSub", AttributeValue.fromS(derm.sub()),
          "role", AttributeValue.fromS("dermatologist"),
          "status", AttributeValue.fromS("ACTIVE"),
          "version", AttributeValue.fromN("1"))));
    }
    return api.idToken("dr.walker@dermrelay.example", "Walker-Derm-1");
  }
}
