package com.dermrelay.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.outbox.OutboxMessage;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Clinic sign-up, invitations, and removing a member, through the gateway and the outbox. */
@ExtendWith(LocalStackExtension.class)
class OnboardingIT {
  private static final Pattern TEMPORARY_PASSWORD = Pattern.compile("temporary password is (\\S+)");
  private static final Pattern INVITATION_LINK =
      Pattern.compile("/workbench/accept\\?token=(\\S+)");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static LocalStack stack;
  private static ApiCalls api;

  @BeforeAll
  static void stack(LocalStack localStack) {
    stack = localStack;
    api = new ApiCalls(localStack);
  }

  private static String signUpBody(String slug, String email) {
    return ApiCalls.JSON
        .createObjectNode()
        .put("displayName", "Clinic " + slug)
        .put("slug", slug)
        .put("region", "us-east-1")
        .put("adminName", "Admin of " + slug)
        .put("adminEmail", email)
        .put("acceptedTerms", true)
        .toString();
  }

  private static HttpResponse<String> signUp(String body, String idempotencyKey) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/public/clinic-sign-ups"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(request.build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A Cognito API call as the portal makes it (unsigned, AWS JSON 1.1). */
  private static JsonNode cognito(String operation, ObjectNode body) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(stack.identityUrl() + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    assertEquals(200, response.statusCode(), operation + ": " + response.body());
    return ApiCalls.json(response);
  }

  /** First sign-in with the e-mailed temporary password: NEW_PASSWORD_REQUIRED, then a new one. */
  private static String firstSignIn(String email, String newPassword) {
    OutboxMessage mail =
        stack.outbox().messagesTo(email).stream()
            .filter(m -> m.text() != null && TEMPORARY_PASSWORD.matcher(m.text()).find())
            .reduce((a, b) -> b)
            .orElseThrow(() -> new AssertionError("no temporary password for " + email));
    Matcher matcher = TEMPORARY_PASSWORD.matcher(mail.text());
    assertTrue(matcher.find());
    ObjectNode auth =
        ApiCalls.JSON
            .createObjectNode()
            .put("AuthFlow", "USER_PASSWORD_AUTH")
            .put("ClientId", stack.identity().clientId());
    auth.putObject("AuthParameters").put("USERNAME", email).put("PASSWORD", matcher.group(1));
    JsonNode challenge = cognito("InitiateAuth", auth);
    assertEquals("NEW_PASSWORD_REQUIRED", challenge.path("ChallengeName").asText());
    ObjectNode respond =
        ApiCalls.JSON
            .createObjectNode()
            .put("ChallengeName", "NEW_PASSWORD_REQUIRED")
            .put("ClientId", stack.identity().clientId())
            .put("Session", challenge.path("Session").asText());
    respond.putObject("ChallengeResponses").put("USERNAME", email).put("NEW_PASSWORD", newPassword);
    return cognito("RespondToAuthChallenge", respond).at("/AuthenticationResult/IdToken").asText();
  }

  /** Signs a clinic up and returns its admin's ID token. */
  private static String newClinic(String slug) {
    String email = "admin@" + slug + ".example";
    HttpResponse<String> response = signUp(signUpBody(slug, email), "key-" + slug);
    assertEquals(201, response.statusCode(), response.body());
    return firstSignIn(email, "New-Admin-Pass-1");
  }

  private static String invitationToken(String email) {
    OutboxMessage mail = stack.outbox().latestTo(email).orElseThrow();
    Matcher matcher = INVITATION_LINK.matcher(mail.text());
    assertTrue(matcher.find(), "the invitation carries a link");
    return URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
  }

  private static String accept(String token) {
    return ApiCalls.JSON.createObjectNode().put("token", token).toString();
  }

  @Test
  void aClinicSignsUpAndItsAdminSignsInWithTheEmailedTemporaryPassword() {
    String body = signUpBody("lakeside", "avery@lakeside.example");
    HttpResponse<String> created = signUp(body, "sign-up-lakeside-1");
    assertEquals(201, created.statusCode(), created.body());
    assertEquals("lakeside", ApiCalls.json(created).get("tenantId").asText());

    HttpResponse<String> retried = signUp(body, "sign-up-lakeside-1");
    assertEquals(
        201, retried.statusCode(), "a retry of the same request completes: " + retried.body());
    assertEquals(
        1, stack.outbox().messagesTo("avery@lakeside.example").size(), "one invitation e-mail");

    JsonNode branding = ApiCalls.json(api.get("/public/clinics/lakeside/branding", null));
    assertEquals("Clinic lakeside", branding.get("displayName").asText());

    String admin = firstSignIn("avery@lakeside.example", "Lakeside-Admin-1");
    HttpResponse<String> settings = api.get("/clinics/lakeside/settings", admin);
    assertEquals(200, settings.statusCode(), settings.body());
    assertEquals(10, ApiCalls.json(settings).at("/config/retentionYears").asInt());
    assertEquals(
        404,
        api.get("/clinics/northside-skin/settings", admin).statusCode(),
        "the new admin reaches no other clinic");
    assertTrue(
        platformClinics().contains("lakeside"),
        "listed for the platform's jobs (the reconciler visits it): " + platformClinics());
  }

  /** The platform's list of clinics: gsi2 {@code CLINICS#ALL} (decision 0024). */
  private static java.util.List<String> platformClinics() {
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      return dynamoDb
          .query(
              r ->
                  r.tableName(LocalStackConfig.TABLE)
                      .indexName("gsi2")
                      .keyConditionExpression("gsi2pk = :all")
                      .expressionAttributeValues(
                          Map.of(":all", AttributeValue.fromS("CLINICS#ALL"))))
          .items()
          .stream()
          .map(item -> item.get("gsi2sk").s())
          .toList();
    }
  }

  @Test
  void aSlugInUseIsRefusedWith409() {
    HttpResponse<String> demoSlug = signUp(signUpBody("northside", "first@taken.example"), null);
    assertEquals(409, demoSlug.statusCode(), demoSlug.body());
    assertTrue(ApiCalls.json(demoSlug).get("detail").asText().contains("'slug'"));
    HttpResponse<String> demoId =
        signUp(signUpBody("northside-skin", "second@taken.example"), null);
    assertEquals(409, demoId.statusCode(), demoId.body());
    assertTrue(stack.outbox().messagesTo("first@taken.example").isEmpty(), "no account was made");
  }

  @Test
  void repeatedSignUpsForOneAddressAreRateLimited() {
    for (int attempt = 1; attempt <= SignUpRateLimit.PER_EMAIL; attempt++) {
      assertEquals(409, signUp(signUpBody("harbour", "eager@limit.example"), null).statusCode());
    }
    HttpResponse<String> limited = signUp(signUpBody("harbour", "eager@limit.example"), null);
    assertEquals(429, limited.statusCode(), limited.body());
    long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter > 0 && retryAfter <= 3600, "Retry-After " + retryAfter);
    assertEquals("urn:dermrelay:problem:rate-limited", ApiCalls.json(limited).get("type").asText());
  }

  @Test
  void anInvitedDermatologistJoinsWithTheirAccountAndKeepsTheirOtherClinics() {
    String admin = newClinic("riverbend");
    HttpResponse<String> invited =
        api.call(
            "POST",
            "/clinics/riverbend/invitations",
            admin,
            "{\"email\":\"dr.chen@dermrelay.example\"}");
    assertEquals(201, invited.statusCode(), invited.body());
    assertFalse(invited.body().contains("token"), "the token only goes by e-mail");
    String token = invitationToken("dr.chen@dermrelay.example");

    String derm = api.idToken("dr.chen@dermrelay.example", "Demo-Dermatologist-1");
    assertEquals(404, api.get("/clinics/riverbend", derm).statusCode(), "not a member yet");
    String other =
        api.idToken(
            "dr.other@dermrelay.example", createDermatologist("dr.other@dermrelay.example"));
    assertEquals(
        403,
        api.call("POST", "/invitations/accept", other, accept(token)).statusCode(),
        "an invitation for another address");

    HttpResponse<String> joined = api.call("POST", "/invitations/accept", derm, accept(token));
    assertEquals(200, joined.statusCode(), joined.body());
    assertEquals("riverbend", ApiCalls.json(joined).get("tenantId").asText());
    assertEquals(200, api.get("/clinics/riverbend", derm).statusCode());
    assertEquals(
        200, api.get("/clinics/northside-skin", derm).statusCode(), "other memberships kept");
    assertEquals(
        200,
        api.call("POST", "/invitations/accept", derm, accept(token)).statusCode(),
        "accepting again answers as the first time");
  }

  @Test
  void someoneWithoutAnAccountIsInvitedSignsInAndJoins() {
    String admin = newClinic("meadow");
    assertEquals(
        201,
        api.call(
                "POST",
                "/clinics/meadow/invitations",
                admin,
                "{\"email\":\"dr.new@meadow.example\",\"name\":\"Dr. New\"}")
            .statusCode());
    String token = invitationToken("dr.new@meadow.example");
    String derm = firstSignIn("dr.new@meadow.example", "New-Derm-Pass-1");
    assertEquals(200, api.call("POST", "/invitations/accept", derm, accept(token)).statusCode());
    JsonNode clinic = ApiCalls.json(api.get("/clinics/meadow", derm));
    assertEquals("dermatologist", clinic.get("actingRole").asText());
  }

  @Test
  void anExpiredInvitationAnswers410AndAnUnknownOne404() {
    String admin = newClinic("hillcrest");
    api.call(
        "POST",
        "/clinics/hillcrest/invitations",
        admin,
        "{\"email\":\"dr.chen@dermrelay.example\"}");
    String token = invitationToken("dr.chen@dermrelay.example");
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
                                  AttributeValue.fromS("TENANT#hillcrest"),
                                  ":sk",
                                  AttributeValue.fromS("INVITATION#"))))
              .items()
              .get(0);
      Map<String, AttributeValue> lapsed = new java.util.HashMap<>(invitation);
      lapsed.put("validUntil", AttributeValue.fromN("1000"));
      dynamoDb.putItem(r -> r.tableName(LocalStackConfig.TABLE).item(lapsed));
    }
    String derm = api.idToken("dr.chen@dermrelay.example", "Demo-Dermatologist-1");
    HttpResponse<String> expired = api.call("POST", "/invitations/accept", derm, accept(token));
    assertEquals(410, expired.statusCode(), expired.body());
    assertEquals(404, api.get("/clinics/hillcrest", derm).statusCode(), "did not join");
    String forged = token.substring(0, token.length() - 4) + "AAAA";
    assertEquals(404, api.call("POST", "/invitations/accept", derm, accept(forged)).statusCode());
  }

  @Test
  void aRemovedDermatologistIsRefusedAtOnceWithAStillValidToken() {
    String admin = newClinic("oakridge");
    api.call(
        "POST",
        "/clinics/oakridge/invitations",
        admin,
        "{\"email\":\"dr.chen@dermrelay.example\"}");
    String derm = api.idToken("dr.chen@dermrelay.example", "Demo-Dermatologist-1");
    assertEquals(
        200,
        api.call(
                "POST",
                "/invitations/accept",
                derm,
                accept(invitationToken("dr.chen@dermrelay.example")))
            .statusCode());
    assertEquals(200, api.get("/clinics/oakridge", derm).statusCode());

    String chen = stack.identity().admin().getUser("dr.chen@dermrelay.example").sub();
    // The admin names them a medical lead (told of unsafe second-read disagreements).
    String lead = "/clinics/oakridge/members/" + chen + "/medical-lead";
    HttpResponse<String> asText = api.call("PUT", lead, admin, "{\"medicalLead\":\"true\"}");
    assertEquals(400, asText.statusCode(), "\"true\" is not true");
    assertTrue(asText.body().contains("/medicalLead"), asText.body());
    assertEquals(403, api.call("PUT", lead, derm, "{\"medicalLead\":true}").statusCode());
    HttpResponse<String> named = api.call("PUT", lead, admin, "{\"medicalLead\":true}");
    assertEquals(200, named.statusCode(), named.body());
    assertTrue(ApiCalls.json(named).get("medicalLead").asBoolean());
    assertEquals(
        200, api.call("PUT", lead, admin, "{\"medicalLead\":true}").statusCode(), "idempotent");
    assertEquals(
        404,
        api.call(
                "PUT",
                "/clinics/oakridge/members/" + UUID.randomUUID() + "/medical-lead",
                admin,
                "{\"medicalLead\":true}")
            .statusCode());

    HttpResponse<String> removed =
        api.call("DELETE", "/clinics/oakridge/members/" + chen, admin, null);
    assertEquals(200, removed.statusCode(), removed.body());
    assertEquals("REMOVED", ApiCalls.json(removed).get("status").asText());
    assertEquals(
        403, api.get("/clinics/oakridge", derm).statusCode(), "the same token, refused at once");
    assertEquals(
        200, api.get("/clinics/northside-skin", derm).statusCode(), "other clinics unaffected");

    String adminSub = stack.identity().admin().getUser("admin@oakridge.example").sub();
    assertEquals(
        409,
        api.call("DELETE", "/clinics/oakridge/members/" + adminSub, admin, null).statusCode(),
        "an admin cannot remove themselves");
    assertEquals(
        409,
        api.call("PUT", lead, admin, "{\"medicalLead\":true}").statusCode(),
        "a removed member cannot be a medical lead");
    assertEquals(
        409,
        api.call(
                "PUT",
                "/clinics/oakridge/members/" + adminSub + "/medical-lead",
                admin,
                "{\"medicalLead\":true}")
            .statusCode(),
        "only a dermatologist can be one");
    assertEquals(
        404,
        api.call("DELETE", "/clinics/oakridge/members/no-such-member", admin, null).statusCode());
  }

  private static String createDermatologist(String email) {
    stack
        .identity()
        .createConfirmedUser(
            email,
            "Other-Derm-1",
            Map.of("email", email, "name", "Dr. Other"),
            java.util.Set.of("dermatologist"));
    return "Other-Derm-1";
  }
}
