package com.dermrelay.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.outbox.OutboxMessage;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.TestClinics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Security finding 4 (docs/security.md): control characters (CR/LF among them) and invisible
 * bidi/format characters are refused in every name field, naming the field; and whatever name a
 * clinic already has, no e-mail subject carries them.
 */
@ExtendWith(LocalStackExtension.class)
class NameCharactersIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** A header injection, as the black-box test sent it. */
  private static final String CRLF_NAME = "Evil\r\nBcc: everyone@victim.example";

  /** RIGHT-TO-LEFT OVERRIDE: "Dr. Smith" that reads as something else. */
  private static final String BIDI_NAME = "Dr. \u202Ehtims";

  private static LocalStack stack;
  private static ApiCalls api;

  @BeforeAll
  static void stack(LocalStack localStack) {
    stack = localStack;
    api = new ApiCalls(localStack);
  }

  private static HttpResponse<String> signUp(ObjectNode body) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/public/clinic-sign-ups"))
              .header("Content-Type", "application/json")
              .header("Idempotency-Key", UUID.randomUUID().toString())
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

  private static ObjectNode signUpBody(String slug) {
    return ApiCalls.JSON
        .createObjectNode()
        .put("displayName", "Clinic " + slug)
        .put("slug", slug)
        .put("region", "us-east-1")
        .put("adminName", "Admin of " + slug)
        .put("adminEmail", "admin@" + slug + ".example")
        .put("acceptedTerms", true);
  }

  /**
   * 400 problem+json whose errors name exactly {@code pointers}, and whose text quotes no value.
   */
  private static void assertRefusedAt(HttpResponse<String> response, String... pointers) {
    assertEquals(400, response.statusCode(), response.body());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
    JsonNode problem = ApiCalls.json(response);
    assertEquals("urn:dermrelay:problem:invalid-request", problem.get("type").asText());
    List<String> named = new ArrayList<>();
    problem.get("errors").forEach(error -> named.add(error.get("pointer").asText()));
    assertEquals(List.of(pointers), named, problem.toString());
    assertFalse(
        response.body().contains("victim") || response.body().contains("htims"), "no value quoted");
  }

  @Test
  void aClinicSignUpWithAControlOrBidiCharacterInANameIsRefusedNamingEachField() {
    // One attempt: every sign-up attempt counts against the per-address limit the whole JVM shares.
    String slug = "names-" + UUID.randomUUID().toString().substring(0, 8);
    assertRefusedAt(
        signUp(signUpBody(slug).put("displayName", CRLF_NAME).put("adminName", BIDI_NAME)),
        "/displayName",
        "/adminName");
    assertTrue(
        stack.outbox().messagesTo("admin@" + slug + ".example").isEmpty(), "no account was made");
    assertEquals(
        404,
        api.get("/public/clinics/" + slug + "/branding", null).statusCode(),
        "no clinic was made");
  }

  @Test
  void anInvitationOrSettingsChangeWithSuchANameIsRefusedNamingTheField() {
    String slug = "names-" + UUID.randomUUID().toString().substring(0, 8);
    String admin = TestClinics.adminOfSeededClinic(stack, slug);
    assertRefusedAt(
        api.call(
            "POST",
            "/clinics/" + slug + "/invitations",
            admin,
            ApiCalls.JSON
                .createObjectNode()
                .put("email", "dr.bidi@dermrelay.example")
                .put("name", BIDI_NAME)
                .toString()),
        "/name");
    assertTrue(
        stack.outbox().messagesTo("dr.bidi@dermrelay.example").isEmpty(), "nothing was sent");

    JsonNode settings = ApiCalls.json(api.get("/clinics/" + slug + "/settings", admin));
    ObjectNode change = settings.deepCopy();
    ((ObjectNode) change.get("config")).put("displayName", CRLF_NAME);
    assertRefusedAt(
        api.call("PUT", "/clinics/" + slug + "/settings", admin, change.toString()),
        "/config/displayName");
    ((ObjectNode) change.get("config")).put("displayName", "Clinic \u2066\u202Eevil");
    assertRefusedAt(
        api.call("PUT", "/clinics/" + slug + "/settings", admin, change.toString()),
        "/config/displayName");
  }

  @Test
  void aClinicNameStoredWithSuchCharactersNeverReachesAnEmailSubject() {
    String slug = "subject-" + UUID.randomUUID().toString().substring(0, 8);
    // A clinic whose name was saved before names were checked: only the subject line can protect.
    String admin =
        TestClinics.adminOfSeededClinic(
            stack,
            slug,
            config ->
                config.put(
                    "displayName", "Evil\r\nBcc: everyone@victim.example\u0085\u202E\u2066Clinic"));
    String invitee = "dr.subject-" + UUID.randomUUID() + "@dermrelay.example";
    HttpResponse<String> invited =
        api.call(
            "POST",
            "/clinics/" + slug + "/invitations",
            admin,
            ApiCalls.JSON.createObjectNode().put("email", invitee).toString());
    assertEquals(201, invited.statusCode(), invited.body());

    OutboxMessage mail = stack.outbox().latestTo(invitee).orElseThrow();
    String subject = mail.subject();
    assertTrue(subject.startsWith("You are invited to join Evil"), subject);
    assertTrue(
        subject
            .codePoints()
            .noneMatch(c -> Character.isISOControl(c) || c == 0x202E || c == 0x2066),
        "no control or bidi character in: "
            + subject.codePoints().mapToObj(Integer::toHexString).toList());
    assertEquals(1, mail.to().size(), "no header was injected");
  }
}
