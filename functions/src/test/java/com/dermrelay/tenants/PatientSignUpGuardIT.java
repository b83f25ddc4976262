package com.dermrelay.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.identity.IdentityException;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.IntakeJourney;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A patient's self sign-up as on AWS, where the app client writes only {@code email}: the clinic
 * travels in ClientMetadata, the pre-sign-up trigger (PreSignUpTriggerHandler) checks it, and the
 * post-confirmation trigger (PostConfirmationTriggerHandler) sets {@code custom:tenantId} and the
 * patient group with the admin API; the local identity service runs both in-process as Cognito
 * does. A clinic that does not exist or is malformed, a clinic attribute set by the client, or an
 * e-mail in the wrong form is refused and leaves no account; a good sign-up can send a case.
 */
@ExtendWith(LocalStackExtension.class)
class PatientSignUpGuardIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String PASSWORD = "Correct-Horse-9-Battery";
  private static final String CLINIC = "northside-skin";

  @Test
  void aClinicThatDoesNotExistIsRefusedAndNoAccountIsMade(LocalStack stack) {
    String email = newEmail();
    JsonNode refusal = refusedSignUp(stack, email, emailOnly(email), metadata("no-such-clinic"));
    assertTrue(
        refusal
            .path("message")
            .asText()
            .contains("No clinic with this id accepts patient sign-ups"),
        refusal.toString());
    assertNoAccount(stack, email);
  }

  @Test
  void aMalformedOrMissingClinicIsRefused(LocalStack stack) {
    String email = newEmail();
    JsonNode malformed =
        refusedSignUp(stack, email, emailOnly(email), metadata("TENANT#northside-skin"));
    assertTrue(malformed.path("message").asText().contains("malformed"), malformed.toString());
    assertFalse(malformed.path("message").asText().contains("TENANT#"), "the value is not echoed");

    JsonNode missing = refusedSignUp(stack, email, emailOnly(email), Map.of());
    assertTrue(missing.path("message").asText().contains("needs the clinic"), missing.toString());
    assertNoAccount(stack, email);
  }

  @Test
  void theClinicOrARoleCannotBeSetAsAnAttribute(LocalStack stack) {
    String email = newEmail();
    for (String[] attempt :
        new String[][] {
          {"custom:tenantId", CLINIC},
          {"custom:role", "clinic_admin"},
          {"email_verified", "true"},
          {"name", "Casey"}
        }) {
      Map<String, String> given = emailOnly(email);
      given.put(attempt[0], attempt[1]);
      HttpResponse<String> answer =
          cognito(stack, "SignUp", signUpBody(stack, email, given, metadata(CLINIC)));
      assertEquals(400, answer.statusCode(), answer.body());
      // Cognito's own answer for an attribute outside the app client's write attributes.
      assertEquals(
          IdentityException.NOT_AUTHORIZED,
          ApiCalls.json(answer).path("__type").asText(),
          answer.body());
      assertTrue(answer.body().contains("unauthorized attribute"), answer.body());
    }
    assertNoAccount(stack, email);
  }

  @Test
  void anEmailThatIsNotLowerCaseOrNotAnAddressIsRefused(LocalStack stack) {
    String upper = "Casey." + UUID.randomUUID() + "@Example.com";
    JsonNode refusal = refusedSignUp(stack, upper, emailOnly(upper), metadata(CLINIC));
    assertTrue(refusal.path("message").asText().contains("lower case"), refusal.toString());
    assertNoAccount(stack, upper);

    String username = newEmail();
    Map<String, String> notAnAddress = emailOnly(username);
    notAnAddress.put("email", "someone@exa_mple.com");
    JsonNode invalid = refusedSignUp(stack, username, notAnAddress, metadata(CLINIC));
    assertTrue(invalid.path("message").asText().contains("not valid"), invalid.toString());
    assertNoAccount(stack, username);
  }

  @Test
  void aPatientSignsUpWithTheClinicInClientMetadataConfirmsAndSendsACase(LocalStack stack) {
    String email = newEmail();
    HttpResponse<String> answer =
        cognito(stack, "SignUp", signUpBody(stack, email, emailOnly(email), metadata(CLINIC)));
    assertEquals(200, answer.statusCode(), answer.body());
    assertFalse(
        ApiCalls.json(answer).path("UserConfirmed").asBoolean(), "the e-mail code still confirms");
    assertEquals(
        null,
        stack.identity().admin().getUser(email).attribute("custom:tenantId"),
        "no clinic before confirmation");

    HttpResponse<String> confirmed =
        cognito(stack, "ConfirmSignUp", confirmBody(stack, email, metadata(CLINIC)));
    assertEquals(200, confirmed.statusCode(), confirmed.body());
    String idToken = stack.identity().signIn(email, PASSWORD).idToken();
    JsonNode claims = claims(idToken);
    assertEquals(CLINIC, claims.path("custom:tenantId").asText(), claims.toString());
    assertEquals("patient", claims.path("cognito:groups").get(0).asText(), claims.toString());
    assertEquals("Casey Patient", claims.path("name").asText(), "the name from ClientMetadata");

    ApiCalls api = new ApiCalls(stack);
    HttpResponse<String> me = api.get("/me", idToken);
    assertEquals(CLINIC, ApiCalls.json(me).path("homeTenantId").asText(), me.body());
    HttpResponse<String> profile =
        api.call(
            "PUT",
            "/clinics/" + CLINIC + "/me/profile",
            idToken,
            "{\"dateOfBirth\":\"1980-02-03\",\"sex\":\"female\"}");
    assertEquals(200, profile.statusCode(), profile.body());
    String caseId =
        new IntakeJourney(stack, api)
            .draft(
                new IntakeJourney.Patient(CLINIC, idToken, claims.path("sub").asText(), email),
                IntakeJourney.routineIntake());
    assertFalse(caseId.isBlank());
  }

  @Test
  void aConfirmationWithoutTheClinicLeavesAnAccountTheApiRefuses(LocalStack stack) {
    String email = newEmail();
    assertEquals(
        200,
        cognito(stack, "SignUp", signUpBody(stack, email, emailOnly(email), metadata(CLINIC)))
            .statusCode());
    HttpResponse<String> confirmed =
        cognito(stack, "ConfirmSignUp", confirmBody(stack, email, Map.of()));
    assertEquals(400, confirmed.statusCode(), confirmed.body());
    assertEquals(
        IdentityException.USER_LAMBDA_VALIDATION, ApiCalls.json(confirmed).path("__type").asText());
    assertTrue(
        ApiCalls.json(confirmed)
            .path("message")
            .asText()
            .startsWith("PostConfirmation failed with error "),
        confirmed.body());

    // Confirmed (as on AWS), but with no clinic and no group: no patient operation answers.
    String idToken = stack.identity().signIn(email, PASSWORD).idToken();
    assertTrue(claims(idToken).path("custom:tenantId").isMissingNode());
    HttpResponse<String> cases = new ApiCalls(stack).get("/clinics/" + CLINIC + "/cases", idToken);
    assertEquals(403, cases.statusCode(), cases.body());
    assertTrue(
        cases
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
  }

  @Test
  void aPatientGroupWithoutAClinicIsRefusedWith403(LocalStack stack) {
    String email = newEmail();
    stack
        .identity()
        .createConfirmedUser(email, PASSWORD, Map.of("email", email), java.util.Set.of("patient"));
    String idToken = stack.identity().signIn(email, PASSWORD).idToken();
    HttpResponse<String> cases = new ApiCalls(stack).get("/clinics/" + CLINIC + "/cases", idToken);
    assertEquals(403, cases.statusCode(), cases.body());
    assertTrue(
        ApiCalls.json(cases).path("detail").asText().contains("not linked to a clinic"),
        cases.body());
  }

  @Test
  void adminConfirmSignUpEnrolsToo(LocalStack stack) {
    String email = newEmail();
    assertEquals(
        200,
        cognito(stack, "SignUp", signUpBody(stack, email, emailOnly(email), metadata(CLINIC)))
            .statusCode());
    stack.identity().admin().confirmSignUp(email, metadata(CLINIC));
    JsonNode claims = claims(stack.identity().signIn(email, PASSWORD).idToken());
    assertEquals(CLINIC, claims.path("custom:tenantId").asText(), claims.toString());
  }

  private static JsonNode claims(String jwt) {
    try {
      return ApiCalls.JSON.readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> metadata(String tenantId) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("tenantId", tenantId);
    metadata.put("name", "Casey Patient");
    return metadata;
  }

  private static Map<String, String> emailOnly(String email) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("email", email);
    return attributes;
  }

  private static String newEmail() {
    return "casey." + UUID.randomUUID() + "@example.com";
  }

  static JsonNode refusedSignUp(
      LocalStack stack,
      String username,
      Map<String, String> attributes,
      Map<String, String> clientMetadata) {
    HttpResponse<String> answer =
        cognito(stack, "SignUp", signUpBody(stack, username, attributes, clientMetadata));
    assertEquals(400, answer.statusCode(), answer.body());
    JsonNode body = ApiCalls.json(answer);
    assertEquals(
        IdentityException.USER_LAMBDA_VALIDATION, body.path("__type").asText(), answer.body());
    assertTrue(
        body.path("message").asText().startsWith("PreSignUp failed with error "), answer.body());
    return body;
  }

  static void assertNoAccount(LocalStack stack, String username) {
    IdentityException missing =
        assertThrows(IdentityException.class, () -> stack.identity().admin().getUser(username));
    assertEquals(IdentityException.USER_NOT_FOUND, missing.type());
  }

  /** SignUp as the portal sends it: e-mail attribute, clinic and name in ClientMetadata. */
  static ObjectNode signUpBody(
      LocalStack stack,
      String username,
      Map<String, String> attributes,
      Map<String, String> clientMetadata) {
    ObjectNode body =
        ApiCalls.JSON
            .createObjectNode()
            .put("ClientId", stack.identity().clientId())
            .put("Username", username)
            .put("Password", PASSWORD);
    ArrayNode list = body.putArray("UserAttributes");
    attributes.forEach((name, value) -> list.addObject().put("Name", name).put("Value", value));
    ObjectNode metadata = body.putObject("ClientMetadata");
    clientMetadata.forEach(metadata::put);
    return body;
  }

  private static ObjectNode confirmBody(
      LocalStack stack, String username, Map<String, String> clientMetadata) {
    ObjectNode body =
        ApiCalls.JSON
            .createObjectNode()
            .put("ClientId", stack.identity().clientId())
            .put("Username", username)
            .put("ConfirmationCode", stack.identity().lastConfirmationCode(username).orElseThrow());
    ObjectNode metadata = body.putObject("ClientMetadata");
    clientMetadata.forEach(metadata::put);
    return body;
  }

  /** A Cognito call as the portal makes it: unsigned, AWS JSON 1.1, to the identity service. */
  static HttpResponse<String> cognito(LocalStack stack, String operation, ObjectNode body) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(stack.identityUrl() + "/"))
              .header("Content-Type", "application/x-amz-json-1.1")
              .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
              .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
