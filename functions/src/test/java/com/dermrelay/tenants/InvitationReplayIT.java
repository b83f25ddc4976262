package com.dermrelay.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.TestClinics;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Security finding 1 (docs/security.md): a used invitation never makes a membership active again. A
 * removed dermatologist who replays his invitation link gets 410 and still cannot read the clinic's
 * cases; a retry answers as the first acceptance only while that membership is active and the
 * invitation within its 72 hours.
 */
@ExtendWith(LocalStackExtension.class)
class InvitationReplayIT {
  private static final Pattern INVITATION_LINK =
      Pattern.compile("/workbench/accept\\?token=(\\S+)");
  private static final String PASSWORD = "Replay-Derm-Pass-1";

  private static LocalStack stack;
  private static ApiCalls api;

  @BeforeAll
  static void stack(LocalStack localStack) {
    stack = localStack;
    api = new ApiCalls(localStack);
  }

  /** A dermatologist of no clinic yet, invited to {@code clinic}: their e-mail. */
  private static String invitedDermatologist(String clinic, String admin) {
    String email = "dr.replay-" + UUID.randomUUID() + "@dermrelay.example";
    stack
        .identity()
        .createConfirmedUser(
            email, PASSWORD, Map.of("email", email, "name", "Dr. Replay"), Set.of("dermatologist"));
    HttpResponse<String> invited =
        api.call(
            "POST",
            "/clinics/" + clinic + "/invitations",
            admin,
            ApiCalls.JSON.createObjectNode().put("email", email).toString());
    assertEquals(201, invited.statusCode(), invited.body());
    return email;
  }

  private static String invitationToken(String email) {
    Matcher matcher = INVITATION_LINK.matcher(stack.outbox().latestTo(email).orElseThrow().text());
    assertTrue(matcher.find(), "the invitation carries a link");
    return URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> accept(String derm, String token) {
    return api.call(
        "POST",
        "/invitations/accept",
        derm,
        ApiCalls.JSON.createObjectNode().put("token", token).toString());
  }

  private static void assertGone(HttpResponse<String> response) {
    assertEquals(410, response.statusCode(), response.body());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
    assertEquals(
        AcceptInvitation.INVITATION_UNUSABLE, ApiCalls.json(response).get("type").asText());
  }

  private static boolean worklistShows(String derm, String clinic) {
    HttpResponse<String> worklist = api.get("/worklist", derm);
    assertEquals(200, worklist.statusCode(), worklist.body());
    for (JsonNode row : ApiCalls.json(worklist).get("cases")) {
      if (clinic.equals(row.get("tenantId").asText())) {
        return true;
      }
    }
    return false;
  }

  @Test
  void aRemovedDermatologistReplayingHisInvitationGets410AndStillCannotReadTheClinicsCases() {
    String clinic = "replay-" + UUID.randomUUID().toString().substring(0, 8);
    String admin = TestClinics.adminOfSeededClinic(stack, clinic);
    String email = invitedDermatologist(clinic, admin);
    String token = invitationToken(email);
    String derm = api.idToken(email, PASSWORD);
    assertEquals(200, accept(derm, token).statusCode());

    IntakeJourney.SubmittedCase submitted =
        new IntakeJourney(stack, api).submit(clinic, IntakeJourney.routineIntake());
    String review = "/clinics/" + clinic + "/reviews/" + submitted.caseId();
    assertEquals(200, api.get(review, derm).statusCode(), "a member reads the clinic's case");
    assertTrue(worklistShows(derm, clinic));

    String sub = stack.identity().admin().getUser(email).sub();
    HttpResponse<String> removed =
        api.call("DELETE", "/clinics/" + clinic + "/members/" + sub, admin, null);
    assertEquals(200, removed.statusCode(), removed.body());
    assertEquals(403, api.get(review, derm).statusCode());

    assertGone(accept(derm, token));
    assertEquals(403, api.get(review, derm).statusCode(), "the replay did not bring him back");
    assertEquals(403, api.get("/clinics/" + clinic, derm).statusCode());
    assertTrue(!worklistShows(derm, clinic), "nor do the clinic's cases reach his worklist");
    String fresh = api.idToken(email, PASSWORD);
    assertEquals(403, api.get(review, fresh).statusCode(), "nor with a new token");
    JsonNode team = ApiCalls.json(api.get("/clinics/" + clinic + "/members", admin));
    for (JsonNode member : team.get("members")) {
      if (sub.equals(member.get("subject").asText())) {
        assertEquals("REMOVED", member.get("status").asText(), "the admin still sees him removed");
      }
    }
  }

  @Test
  void aRetryAnswersTheSameOnlyWithinTheInvitations72Hours() {
    String clinic = "retry-" + UUID.randomUUID().toString().substring(0, 8);
    String admin = TestClinics.adminOfSeededClinic(stack, clinic);
    String email = invitedDermatologist(clinic, admin);
    String token = invitationToken(email);
    String derm = api.idToken(email, PASSWORD);
    HttpResponse<String> first = accept(derm, token);
    assertEquals(200, first.statusCode(), first.body());
    HttpResponse<String> retried = accept(derm, token);
    assertEquals(
        200, retried.statusCode(), "a retry while the membership is active: " + retried.body());
    assertEquals(ApiCalls.json(first), ApiCalls.json(retried), "answers as the first time");

    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      Map<String, AttributeValue> invitation =
          dynamoDb
              .query(
                  r ->
                      r.tableName(LocalStackConfig.TABLE)
                          .keyConditionExpression("pk = :pk AND begins_with(sk, :sk)")
                          .expressionAttributeValues(
                              Map.of(
                                  ":pk",
                                  AttributeValue.fromS("TENANT#" + clinic),
                                  ":sk",
                                  AttributeValue.fromS("INVITATION#"))))
              .items()
              .get(0);
      Map<String, AttributeValue> lapsed = new HashMap<>(invitation);
      lapsed.put("validUntil", AttributeValue.fromN("1000"));
      dynamoDb.putItem(r -> r.tableName(LocalStackConfig.TABLE).item(lapsed));
    }
    assertGone(accept(derm, token));
    assertEquals(
        200, api.get("/clinics/" + clinic, derm).statusCode(), "the membership itself is kept");
  }
}
