package com.dermrelay.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.identity.IdentityUser;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Walks every operation of api-spec/openapi.yaml that takes path parameters or a body, points them
 * at the other clinic's records (Harbour's), and calls each with a token of every role of
 * Northside: a patient, a clinic admin, a dermatologist who belongs to Northside only, and a
 * platform operator (skipped where the operation lets operators act for any clinic). Each call must
 * answer 403 or 404 and the table and bucket must be as before, audit records aside. A new
 * operation is walked without touching this test; its request example, if it has one, is the body,
 * with Northside's ids swapped for Harbour's.
 *
 * <p>The second walk stays inside one clinic: every patient operation whose path names a record
 * (any parameter besides the clinic) is called by one Northside patient with the ids of another
 * Northside patient's draft case and photo, seeded through the API. Each answers 403 or 404,
 * nothing changes, and each 404 leaves a {@code DENIED} record of the prying patient.
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
      if (op.isPublic() || (op.pathParameters().isEmpty() && !op.hasBody()) || callersOwn(op)) {
        continue;
      }
      String path = op.path();
      for (String name : op.pathParameters()) {
        path = path.replace("{" + name + "}", otherIds.getOrDefault(name, "walker-" + name));
      }
      String body = op.hasBody() ? exampleBody(op) : null;
      for (Map.Entry<String, String> caller : tokens.entrySet()) {
        if (caller.getKey().equals("platform_operator")
            && op.roles().contains("platform_operator")) {
          continue;
        }
        HttpResponse<String> response =
            api.call(op.method().toUpperCase(), path, caller.getValue(), body);
        calls++;
        if (response.statusCode() != 403 && response.statusCode() != 404) {
          leaks.add(
              op.routeKey() + " as " + caller.getKey() + " answered " + response.statusCode());
        }
      }
    }
    assertEquals(List.of(), leaks);
    assertTrue(calls >= 6, "the walker made only " + calls + " calls");
    assertEquals(before, api.snapshot(false), "a refused call changed data");
  }

  @Test
  void noPatientReachesAnotherPatientsRecordsInTheSameClinic(LocalStack stack) throws Exception {
    ApiCalls api = new ApiCalls(stack);
    String owner = newPatient(stack, api, "owner");
    String prying = newPatient(stack, api, "prying");
    Map<String, String> ownersIds = seedDraftCaseWithPhoto(stack, api, owner);
    String pryingSubject = subjectOf(prying);

    TreeSet<String> before = api.snapshot(false);
    List<String> leaks = new ArrayList<>();
    int calls = 0;
    int notFound = 0;
    for (OpenApiContract.Operation op : OpenApiContract.operations()) {
      boolean namesARecord =
          op.pathParameters().stream().anyMatch(name -> !name.equals("tenantId"));
      if (!op.roles().contains("patient") || !namesARecord) {
        continue;
      }
      String path = op.path();
      for (String name : op.pathParameters()) {
        path = path.replace("{" + name + "}", ownersIds.getOrDefault(name, "walker-" + name));
      }
      String body = op.hasBody() ? exampleBody(op) : null;
      HttpResponse<String> response = call(stack, op, path, prying, body);
      calls++;
      if (response.statusCode() == 404) {
        notFound++;
      } else if (response.statusCode() != 403) {
        leaks.add(op.routeKey() + " answered " + response.statusCode() + ": " + response.body());
      }
    }
    assertEquals(List.of(), leaks);
    assertTrue(calls >= 4, "the walker made only " + calls + " calls");
    assertEquals(before, api.snapshot(false), "a refused call changed data");

    List<Map<String, AttributeValue>> denied = new ArrayList<>();
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      dynamoDb
          .queryPaginator(
              r ->
                  r.tableName(LocalStackConfig.TABLE)
                      .consistentRead(true)
                      .keyConditionExpression("pk = :pk")
                      .expressionAttributeValues(
                          Map.of(":pk", AttributeValue.fromS("TENANT#" + OWN + "#AUDIT"))))
          .items()
          .stream()
          .filter(
              a ->
                  a.get("outcome").s().equals("DENIED")
                      && a.get("actorSubject").s().equals(pryingSubject))
          .forEach(denied::add);
    }
    assertTrue(
        denied.size() >= notFound,
        notFound + " answers 404, but only " + denied.size() + " DENIED records");
    assertTrue(
        denied.stream().anyMatch(a -> a.get("resourceId").s().equals(ownersIds.get("caseId"))),
        "the refusal names the other patient's case");
  }

  /**
   * The call with the operation's required headers filled in (e.g. {@code Idempotency-Key}), so a
   * refusal is about whose record it is, not about a missing header.
   */
  private static HttpResponse<String> call(
      LocalStack stack, OpenApiContract.Operation op, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
            .header("Authorization", "Bearer " + token)
            .method(
                op.method().toUpperCase(),
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    for (JsonNode parameter : op.node().path("parameters")) {
      JsonNode resolved =
          parameter.has("$ref")
              ? op.document().at(parameter.get("$ref").asText().substring(1))
              : parameter;
      if (resolved.path("in").asText().equals("header") && resolved.path("required").asBoolean()) {
        request.header(resolved.get("name").asText(), "walker-" + UUID.randomUUID());
      }
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String newPatient(LocalStack stack, ApiCalls api, String who) {
    String email = "walker-" + who + "-" + UUID.randomUUID() + "@example.com";
    stack
        .identity()
        .createConfirmedUser(
            email,
            "Walker-Patient-1",
            Map.of("email", email, "name", "Walker " + who, "custom:tenantId", OWN),
            Set.of("patient"));
    return api.idToken(email, "Walker-Patient-1");
  }

  /** A draft case with one confirmed photo, made through the API as the patient would. */
  private static Map<String, String> seedDraftCaseWithPhoto(
      LocalStack stack, ApiCalls api, String patient) throws Exception {
    ObjectNode create = ApiCalls.JSON.createObjectNode();
    create
        .putObject("emergencyScreen")
        .put("feverWithWidespreadRash", false)
        .put("blisteringOrPeelingSkin", false)
        .put("rapidlySpreadingPainfulRedness", false)
        .put("faceOrLipSwellingOrBreathingTrouble", false);
    HttpResponse<String> created =
        api.call("POST", "/clinics/" + OWN + "/cases", patient, create.toString());
    assertEquals(201, created.statusCode(), created.body());
    String caseId = ApiCalls.json(created).path("caseId").asText();
    assertTrue(!caseId.isEmpty(), created.body());

    byte[] photo = sharpJpeg(1600, 1200);
    ObjectNode ask = ApiCalls.JSON.createObjectNode();
    ask.putArray("photos")
        .addObject()
        .put("view", "close_up")
        .put("contentType", "image/jpeg")
        .put("sizeBytes", photo.length);
    String casePath = "/clinics/" + OWN + "/cases/" + caseId;
    HttpResponse<String> slots =
        api.call("POST", casePath + "/photo-uploads", patient, ask.toString());
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
        api.call("POST", casePath + "/photos/" + photoId + "/confirm", patient, "{\"keep\":false}");
    assertEquals(200, confirmed.statusCode(), confirmed.body());

    Map<String, String> ids = new HashMap<>();
    ids.put("tenantId", OWN);
    ids.put("caseId", caseId);
    ids.put("photoId", photoId);
    return ids;
  }

  /** A sharp, textured JPEG that passes the photo checks. */
  static byte[] sharpJpeg(int width, int height) throws java.io.IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int base = (int) (80 + 90 * ((double) x / width));
        int v = Math.max(0, Math.min(255, base + (((x / 6 + y / 6) % 2 == 0) ? 35 : -35)));
        image.setRGB(x, y, (Math.min(255, v + 30) << 16) | (v << 8) | Math.max(0, v - 20));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", out);
    return out.toByteArray();
  }

  private static String subjectOf(String token) throws java.io.IOException {
    return ApiCalls.JSON
        .readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]))
        .get("sub")
        .asText();
  }

  /**
   * An operation on the caller's own items outside every clinic ({@code /me/...} without a path
   * parameter, e.g. putMyLicence): no clinic's record to point it at; its write is the caller's
   * own.
   */
  private static boolean callersOwn(OpenApiContract.Operation op) {
    return op.path().startsWith("/me/") && op.pathParameters().isEmpty();
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
      dynamoDb
          .query(
              r ->
                  r.tableName(LocalStackConfig.TABLE)
                      .keyConditionExpression("pk = :pk AND begins_with(sk, :member)")
                      .expressionAttributeValues(
                          Map.of(
                              ":pk",
                              AttributeValue.fromS("TENANT#" + OTHER),
                              ":member",
                              AttributeValue.fromS("MEMBER#"))))
          .items()
          .stream()
          .filter(m -> m.get("role").s().equals("clinic_admin"))
          .findFirst()
          .ifPresent(
              m -> {
                ids.put("memberSub", m.get("userSub").s());
                ids.put("subject", m.get("userSub").s());
              });
    }
    return ids;
  }

  private static String northsideOnlyDermatologist(LocalStack stack, ApiCalls api) {
    IdentityUser derm =
        stack
            .identity()
            .createConfirmedUser(
                "dr.walker@dermrelay.example",
                "Walker-Derm-1",
                Map.of("email", "dr.walker@dermrelay.example", "name", "Dr. Walker"),
                Set.of("dermatologist"));
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      dynamoDb.putItem(
          r ->
              r.tableName(LocalStackConfig.TABLE)
                  .item(
                      Map.of(
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
