package com.dermrelay.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.identity.IdentityException;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
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
 * A patient's self sign-up goes through the pool's pre-sign-up trigger (PreSignUpTriggerHandler,
 * run in-process by the local identity service as Cognito runs it): a clinic that does not exist,
 * a malformed clinic id, an attempt to set a role or an admin-only attribute, or an e-mail in the
 * wrong form is refused with Cognito's error and leaves no account; a good sign-up works.
 */
@ExtendWith(LocalStackExtension.class)
class PatientSignUpGuardIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String PASSWORD = "Correct-Horse-9-Battery";
  private static final String CLINIC = "northside-skin";

  @Test
  void aClinicThatDoesNotExistIsRefusedAndNoAccountIsMade(LocalStack stack) {
    String email = newEmail();
    JsonNode refusal = refusedSignUp(stack, email, attributes(email, "no-such-clinic"));
    assertTrue(refusal.path("message").asText().contains("No clinic with this id accepts patient sign-ups"),
        refusal.toString());
    assertNoAccount(stack, email);
  }

  @Test
  void aMalformedOrMissingClinicIdIsRefused(LocalStack stack) {
    String email = newEmail();
    JsonNode malformed = refusedSignUp(stack, email, attributes(email, "TENANT#northside-skin"));
    assertTrue(malformed.path("message").asText().contains("malformed"), malformed.toString());
    assertFalse(malformed.path("message").asText().contains("TENANT#"), "the value is not echoed");

    Map<String, String> noClinic = attributes(email, null);
    JsonNode missing = refusedSignUp(stack, email, noClinic);
    assertTrue(missing.path("message").asText().contains("needs the clinic"), missing.toString());
    assertNoAccount(stack, email);
  }

  @Test
  void aRoleOrAnAdminOnlyAttributeCannotBeSetAtSignUp(LocalStack stack) {
    String email = newEmail();
    for (String[] attempt : new String[][] {
        {"custom:role", "clinic_admin"}, {"custom:groups", "platform_operator"},
        {"email_verified", "true"}, {"custom:memberOf", "harbour-dermatology"}}) {
      Map<String, String> given = attributes(email, CLINIC);
      given.put(attempt[0], attempt[1]);
      JsonNode refusal = refusedSignUp(stack, email, given);
      assertTrue(refusal.path("message").asText().contains("may not set the attribute " + attempt[0]),
          refusal.toString());
    }
    assertNoAccount(stack, email);
  }

  @Test
  void anEmailThatIsNotLowerCaseOrNotAnAddressIsRefused(LocalStack stack) {
    String upper = "Casey." + UUID.randomUUID() + "@Example.com";
    JsonNode refusal = refusedSignUp(stack, upper, attributes(upper, CLINIC));
    assertTrue(refusal.path("message").asText().contains("lower case"), refusal.toString());
    assertNoAccount(stack, upper);

    String username = newEmail();
    Map<String, String> notAnAddress = attributes(username, CLINIC);
    notAnAddress.put("email", "someone@exa_mple.com");
    JsonNode invalid = refusedSignUp(stack, username, notAnAddress);
    assertTrue(invalid.path("message").asText().contains("not valid"), invalid.toString());
    assertNoAccount(stack, username);
  }

  @Test
  void aPatientOfAnExistingClinicSignsUpConfirmsAndSignsIn(LocalStack stack) {
    String email = newEmail();
    HttpResponse<String> answer = signUp(stack, email, attributes(email, CLINIC));
    assertEquals(200, answer.statusCode(), answer.body());
    assertFalse(ApiCalls.json(answer).path("UserConfirmed").asBoolean(), "the e-mail code still confirms");

    String code = stack.identity().lastConfirmationCode(email).orElseThrow();
    stack.identity().confirmSignUp(email, code);
    String idToken = stack.identity().signIn(email, PASSWORD).idToken();
    HttpResponse<String> me = new ApiCalls(stack).get("/me", idToken);
    assertEquals(200, me.statusCode(), me.body());
    assertEquals(CLINIC, ApiCalls.json(me).path("homeTenantId").asText(), me.body());
  }

  private static String newEmail() {
    return "casey." + UUID.randomUUID() + "@example.com";
  }

  private static Map<String, String> attributes(String email, String tenantId) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("email", email);
    attributes.put("name", "Casey Patient");
    if (tenantId != null) {
      attributes.put("custom:tenantId", tenantId);
    }
    return attributes;
  }

  private static JsonNode refusedSignUp(LocalStack stack, String username, Map<String, String> attributes) {
    HttpResponse<String> answer = signUp(stack, username, attributes);
    assertEquals(400, answer.statusCode(), answer.body());
    JsonNode body = ApiCalls.json(answer);
    assertEquals(IdentityException.USER_LAMBDA_VALIDATION, body.path("__type").asText(), answer.body());
    assertTrue(body.path("message").asText().startsWith("PreSignUp failed with error "), answer.body());
    return body;
  }

  private static void assertNoAccount(LocalStack stack, String username) {
    IdentityException missing =
        assertThrows(IdentityException.class, () -> stack.identity().admin().getUser(username));
    assertEquals(IdentityException.USER_NOT_FOUND, missing.type());
  }

  /** SignUp as the portal sends it: unsigned, AWS JSON 1.1, to the identity service. */
  private static HttpResponse<String> signUp(LocalStack stack, String username, Map<String, String> attributes) {
    ObjectNode body = ApiCalls.JSON.createObjectNode()
        .put("ClientId", stack.identity().clientId())
        .put("Username", username)
        .put("Password", PASSWORD);
    ArrayNode list = body.putArray("UserAttributes");
    attributes.forEach((name, value) -> list.addObject().put("Name", name).put("Value", value));
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(stack.identityUrl() + "/"))
              .header("Content-Type", "application/x-amz-json-1.1")
              .header("X-Amz-Target", "AWSCognitoIdentityProviderService.SignUp")
              .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
