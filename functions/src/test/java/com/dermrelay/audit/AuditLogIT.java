package com.dermrelay.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** searchAuditLog for clinic admins and getMyAccessLog for patients, against the local stack. */
@ExtendWith(LocalStackExtension.class)
class AuditLogIT {
  private static final String NORTHSIDE = "northside-skin";
  private static final String HARBOUR = "harbour-dermatology";
  private static final String SETTINGS_REFUSAL = "access.GET /clinics/{tenantId}/settings";

  private static ApiCalls api;

  @BeforeAll
  static void stack(LocalStack localStack) {
    api = new ApiCalls(localStack);
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String subjectOf(String idToken) {
    String payload =
        new String(Base64.getUrlDecoder().decode(idToken.split("\\.")[1]), StandardCharsets.UTF_8);
    try {
      return ApiCalls.JSON.readTree(payload).get("sub").asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JsonNode ok(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    return ApiCalls.json(response);
  }

  private static List<JsonNode> records(JsonNode page) {
    List<JsonNode> records = new ArrayList<>();
    page.get("records").forEach(records::add);
    return records;
  }

  @Test
  void anAdminFindsTheRefusedAttemptAndTheSettingsChangeByActionAndTime() {
    String northsideAdmin = api.idToken("admin@northside.example", "Demo-Admin-1");
    String harbourAdmin = api.idToken("admin@harbour.example", "Demo-Admin-1");
    Instant before = Instant.now().minusSeconds(2).truncatedTo(ChronoUnit.SECONDS);

    assertEquals(404, api.get("/clinics/" + NORTHSIDE + "/settings", harbourAdmin).statusCode());
    JsonNode read = ok(api.get("/clinics/" + NORTHSIDE + "/settings", northsideAdmin));
    ObjectNode change =
        ApiCalls.JSON.createObjectNode().put("version", read.get("version").asLong());
    change.set("config", read.get("config"));
    ok(api.call("PUT", "/clinics/" + NORTHSIDE + "/settings", northsideAdmin, change.toString()));

    String log = "/clinics/" + NORTHSIDE + "/audit-log";
    List<JsonNode> refusals =
        records(
            ok(
                api.get(
                    log + "?action=" + q(SETTINGS_REFUSAL) + "&from=" + q(before.toString()),
                    northsideAdmin)));
    assertTrue(refusals.stream().allMatch(r -> r.get("action").asText().equals(SETTINGS_REFUSAL)));
    JsonNode refusal =
        refusals.stream()
            .filter(r -> r.get("actorName").asText().equals("Jordan Patel"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no refusal record in " + refusals));
    assertEquals("DENIED", refusal.get("outcome").asText());
    assertEquals("clinic_admin", refusal.get("actorRole").asText());
    assertEquals(NORTHSIDE, refusal.get("tenantId").asText());
    assertEquals(subjectOf(harbourAdmin), refusal.get("actorSubject").asText());

    List<JsonNode> updates =
        records(
            ok(
                api.get(
                    log + "?action=tenant-settings.update&from=" + q(before.toString()),
                    northsideAdmin)));
    assertTrue(
        updates.stream()
            .anyMatch(
                r ->
                    r.get("actorName").asText().equals("Morgan Lee")
                        && r.get("outcome").asText().equals("SUCCESS")),
        updates.toString());

    // Before the time range: neither is there.
    List<JsonNode> earlier =
        records(
            ok(
                api.get(
                    log + "?action=" + q(SETTINGS_REFUSAL) + "&to=" + q(before.toString()),
                    northsideAdmin)));
    assertFalse(
        earlier.stream().anyMatch(r -> r.get("id").asText().equals(refusal.get("id").asText())));

    // By user: the other clinic's admin, in this clinic's trail.
    List<JsonNode> byUser =
        records(
            ok(
                api.get(
                    log + "?user=" + q(subjectOf(harbourAdmin)) + "&from=" + q(before.toString()),
                    northsideAdmin)));
    assertTrue(
        byUser.stream().anyMatch(r -> r.get("id").asText().equals(refusal.get("id").asText())));

    // The searches themselves are in the trail.
    assertTrue(
        records(
                ok(
                    api.get(
                        log + "?action=audit-log.search&from=" + q(before.toString()),
                        northsideAdmin)))
            .stream()
            .anyMatch(r -> r.get("actorName").asText().equals("Morgan Lee")));

    // The other clinic's admin: 404 at this clinic, and nothing of it in their own trail.
    assertEquals(404, api.get(log, harbourAdmin).statusCode());
    List<JsonNode> harbours =
        records(
            ok(
                api.get(
                    "/clinics/" + HARBOUR + "/audit-log?limit=100&from=" + q(before.toString()),
                    harbourAdmin)));
    assertTrue(
        harbours.stream().allMatch(r -> r.get("tenantId").asText().equals(HARBOUR)),
        harbours.toString());
    assertFalse(
        harbours.stream()
            .anyMatch(
                r ->
                    r.get("action").asText().equals("tenant-settings.update")
                        && r.get("actorName").asText().equals("Morgan Lee")),
        "the settings change is Northside's");
    assertFalse(
        harbours.stream()
            .anyMatch(
                r ->
                    r.get("id").asText().equals(refusal.get("id").asText())
                        || r.get("outcome").asText().equals("DENIED")
                            && r.get("actorName").asText().equals("Jordan Patel")),
        "the refused attempt is in Northside's trail only");
  }

  @Test
  void onlyAdminsAndOperatorsSearchTheTrailAndOnlyPatientsReadTheirAccessLog() {
    String patient = api.idToken("patient@northside.example", "Demo-Patient-1");
    String admin = api.idToken("admin@northside.example", "Demo-Admin-1");
    String operator = api.idToken("operator@dermrelay.example", "Demo-Operator-1");
    assertEquals(403, api.get("/clinics/" + NORTHSIDE + "/audit-log", patient).statusCode());
    assertEquals(403, api.get("/clinics/" + NORTHSIDE + "/me/access-log", admin).statusCode());
    ok(api.get("/clinics/" + NORTHSIDE + "/audit-log?limit=5", operator));
  }

  @Test
  void aPatientSeesWhoOpenedTheirRecordByNameAndRoleAndNothingElse() {
    String patient = api.idToken("patient@northside.example", "Demo-Patient-1");
    String me = subjectOf(patient);
    String derm = subjectOf(api.idToken("dr.chen@dermrelay.example", "Demo-Dermatologist-1"));
    String otherPatient = "other-" + UUID.randomUUID();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String caseId = "case-" + UUID.randomUUID();
    seed(
        NORTHSIDE,
        now.minusSeconds(30),
        derm,
        "dermatologist",
        "Dr. Wei Chen",
        "read",
        caseId,
        me,
        "SUCCESS");
    seed(
        NORTHSIDE,
        now.minusSeconds(20),
        "intruder-" + UUID.randomUUID(),
        "patient",
        "Nosy Neighbour",
        "case.read",
        caseId,
        me,
        "DENIED");
    seed(
        NORTHSIDE,
        now.minusSeconds(15),
        me,
        "patient",
        "Alex Rivera",
        "read",
        caseId,
        me,
        "SUCCESS");
    seed(
        NORTHSIDE,
        now.minusSeconds(10),
        derm,
        "dermatologist",
        "Dr. Wei Chen",
        "case.answer",
        caseId,
        me,
        "SUCCESS");
    seed(
        NORTHSIDE,
        now.minusSeconds(5),
        derm,
        "dermatologist",
        "Dr. Wei Chen",
        "read",
        "case-x",
        otherPatient,
        "SUCCESS");

    String path = "/clinics/" + NORTHSIDE + "/me/access-log";
    HttpResponse<String> response = api.get(path, patient);
    JsonNode page = ok(response);
    List<JsonNode> entries = new ArrayList<>();
    page.get("entries").forEach(entries::add);
    assertTrue(entries.size() >= 2, response.body());
    assertEquals("case.answer", entries.get(0).get("action").asText(), "newest first");
    assertEquals("Dr. Wei Chen", entries.get(0).get("actorName").asText());
    assertEquals("dermatologist", entries.get(0).get("actorRole").asText());
    assertEquals("read", entries.get(1).get("action").asText());
    assertFalse(response.body().contains("Nosy Neighbour"), "refused attempts are the admins'");
    assertFalse(response.body().contains("Alex Rivera"), "the patient's own actions are left out");
    for (String id : List.of(me, derm, otherPatient, caseId)) {
      assertFalse(response.body().contains(id), "internal ids stay internal");
    }
    assertTrue(entries.stream().noneMatch(e -> e.has("actorSubject") || e.has("resourceId")));

    // Paged: one at a time, the second page continues the first.
    JsonNode first = ok(api.get(path + "?limit=1", patient));
    assertEquals(1, first.get("entries").size());
    assertEquals("case.answer", first.at("/entries/0/action").asText());
    JsonNode second =
        ok(api.get(path + "?limit=1&cursor=" + q(first.get("nextCursor").asText()), patient));
    assertEquals("read", second.at("/entries/0/action").asText());

    // Another clinic's patient: 404 at this clinic.
    String harbourPatient = api.idToken("patient@harbour.example", "Demo-Patient-1");
    assertEquals(404, api.get(path, harbourPatient).statusCode());
  }

  @Test
  void badCursorsTimesAndLimitsAre400NamingTheParameter() {
    String admin = api.idToken("admin@northside.example", "Demo-Admin-1");
    String patient = api.idToken("patient@northside.example", "Demo-Patient-1");
    String log = "/clinics/" + NORTHSIDE + "/audit-log";
    assertBadParameter(api.get(log + "?cursor=not-a-cursor", admin), "cursor");
    assertBadParameter(api.get(log + "?from=yesterday", admin), "from");
    assertBadParameter(
        api.get(log + "?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", admin), "from");
    assertBadParameter(api.get(log + "?limit=0", admin), "limit");
    assertBadParameter(
        api.get("/clinics/" + NORTHSIDE + "/me/access-log?cursor=%25%25", patient), "cursor");

    // A well-formed cursor of another list of the same clinic: another patient's access log.
    String otherList =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("{\"gsi1pk\":\"TENANT#"
                        + NORTHSIDE
                        + "#AUDIT#PATIENT#someone-else\",\"gsi1sk\":\"2026-01-01T00:00:00.000Z#r#read#case#c\","
                        + "\"pk\":\"TENANT#"
                        + NORTHSIDE
                        + "#AUDIT\",\"sk\":\"2026-01-01T00:00:00.000Z#r#read#case#c\"}")
                    .getBytes(StandardCharsets.UTF_8));
    assertBadParameter(
        api.get("/clinics/" + NORTHSIDE + "/me/access-log?cursor=" + otherList, patient), "cursor");
  }

  private static void assertBadParameter(HttpResponse<String> response, String parameter) {
    assertEquals(400, response.statusCode(), response.body());
    assertTrue(
        ApiCalls.json(response).get("detail").asText().contains("'" + parameter + "'"),
        response.body());
  }

  /**
   * An audit record as AuditTrail writes one (docs/data-model.md), for accesses by operations that
   * do not exist yet (reading a case); seeded straight into the table.
   */
  private static void seed(
      String tenantId,
      Instant time,
      String actor,
      String role,
      String name,
      String action,
      String resourceId,
      String patientSubject,
      String outcome) {
    String requestId = UUID.randomUUID().toString();
    String sort =
        AuditTrail.SORTABLE.format(time) + "#" + requestId + "#" + action + "#case#" + resourceId;
    String prefix = "TENANT#" + tenantId + "#";
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s(prefix + AuditTrail.PARTITION));
    item.put("sk", s(sort));
    item.put("gsi1pk", s(prefix + AuditTrail.BY_PATIENT + patientSubject));
    item.put("gsi1sk", s(sort));
    item.put("gsi2pk", s(prefix + AuditTrail.BY_ACTOR + actor));
    item.put("gsi2sk", s(sort));
    item.put("tenantId", s(tenantId));
    item.put("type", s("AUDIT"));
    item.put("time", s(AuditTrail.SORTABLE.format(time)));
    item.put("actorSubject", s(actor));
    item.put("actorRole", s(role));
    item.put("actorName", s(name));
    item.put("action", s(action));
    item.put("resourceType", s("case"));
    item.put("resourceId", s(resourceId));
    item.put("patientSubject", s(patientSubject));
    item.put("outcome", s(outcome));
    item.put("requestId", s(requestId));
    item.put("version", AttributeValue.fromN("1"));
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      dynamoDb.putItem(r -> r.tableName(LocalStackConfig.TABLE).item(item));
    }
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
