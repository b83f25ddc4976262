package com.dermrelay.fhir.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The EHR media link's token: what it opens, and every way a token must fail to open anything. */
class EhrMediaTokensTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] KEY =
      "a-link-key-of-the-stage-at-least-32-bytes".getBytes(StandardCharsets.UTF_8);
  private static final byte[] OTHER_KEY =
      "another-stage-s-link-key-also-32-bytes-long".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final EhrMediaTokens.MediaRef PHOTO =
      new EhrMediaTokens.MediaRef(
          "northside-skin",
          "6f1c2a9e-3b7d-4c21-9a55-0d9e8b7c6a54",
          1,
          "0b4e6f8a-1c2d-4e3f-8a9b-7c6d5e4f3a2b");

  private final EhrMediaTokens tokens = new EhrMediaTokens(JSON);

  @Test
  void aTokenOpensItsPhotoUntilItExpires() {
    String token = tokens.issue(PHOTO, NOW.plus(Duration.ofHours(24)), KEY);
    EhrMediaTokens.Verified early = tokens.verify(token, NOW.plus(Duration.ofHours(23)), KEY);
    assertTrue(early.valid());
    assertEquals(PHOTO, early.ref());
    EhrMediaTokens.Verified late = tokens.verify(token, NOW.plus(Duration.ofHours(24)), KEY);
    assertEquals(EhrMediaTokens.Refusal.EXPIRED, late.refusal(), "refused from the expiry on");
  }

  @Test
  void theTokenCarriesOnlyIdsAndTheExpiry() throws Exception {
    String token = tokens.issue(PHOTO, NOW, KEY);
    var claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    assertEquals(java.util.Set.of("t", "c", "r", "p", "exp"), fieldNames(claims));
    assertEquals(NOW.getEpochSecond(), claims.get("exp").asLong());
  }

  @Test
  void anEditedClaimIsRefusedAsIfTheTokenWereNotThere() {
    String token = tokens.issue(PHOTO, NOW.plus(Duration.ofHours(1)), KEY);
    String[] parts = token.split("\\.");
    for (String edited :
        new String[] {
          claims(
              "{\"t\":\"harbour-dermatology\",\"c\":\""
                  + PHOTO.caseId()
                  + "\",\"r\":1,\"p\":\""
                  + PHOTO.photoId()
                  + "\",\"exp\":"
                  + NOW.plus(Duration.ofHours(1)).getEpochSecond()
                  + "}"),
          claims(
              "{\"t\":\"northside-skin\",\"c\":\""
                  + PHOTO.caseId()
                  + "\",\"r\":1,\"p\":\"11111111-2222-4333-8444-555555555555\""
                  + ",\"exp\":"
                  + NOW.plus(Duration.ofHours(1)).getEpochSecond()
                  + "}"),
          claims(
              "{\"t\":\"northside-skin\",\"c\":\""
                  + PHOTO.caseId()
                  + "\",\"r\":1,\"p\":\""
                  + PHOTO.photoId()
                  + "\",\"exp\":"
                  + NOW.plus(Duration.ofDays(365)).getEpochSecond()
                  + "}")
        }) {
      EhrMediaTokens.Verified verified =
          tokens.verify(parts[0] + "." + edited + "." + parts[2], NOW, KEY);
      assertEquals(EhrMediaTokens.Refusal.INVALID, verified.refusal());
      assertEquals(null, verified.ref(), "nothing of an edited token is read");
    }
    String flipped =
        token.substring(0, token.length() - 2)
            + (token.endsWith("A") ? "B" : "A")
            + token.charAt(token.length() - 1);
    assertFalse(tokens.verify(flipped, NOW, KEY).valid(), "a changed signature");
  }

  @Test
  void algNoneAndOtherHeadersAreRefused() {
    String token = tokens.issue(PHOTO, NOW.plus(Duration.ofHours(1)), KEY);
    String[] parts = token.split("\\.");
    String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
    assertEquals(
        EhrMediaTokens.Refusal.INVALID,
        tokens.verify(none + "." + parts[1] + ".", NOW, KEY).refusal(),
        "an unsigned token");
    assertEquals(
        EhrMediaTokens.Refusal.INVALID,
        tokens.verify(none + "." + parts[1] + "." + parts[2], NOW, KEY).refusal(),
        "alg none with a signature kept");
    String hs512 = b64("{\"alg\":\"HS512\",\"typ\":\"JWT\"}");
    assertFalse(tokens.verify(hs512 + "." + parts[1] + "." + parts[2], NOW, KEY).valid());
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() {
    String token = tokens.issue(PHOTO, NOW.plus(Duration.ofHours(1)), OTHER_KEY);
    assertEquals(EhrMediaTokens.Refusal.INVALID, tokens.verify(token, NOW, KEY).refusal());
  }

  @Test
  void garbageIsRefusedNotThrown() {
    for (String garbage :
        new String[] {"", "a.b", "a.b.c", "..", "x".repeat(2000), "a.b.c.d", "%2e%2e/.b.c"}) {
      assertEquals(
          EhrMediaTokens.Refusal.INVALID, tokens.verify(garbage, NOW, KEY).refusal(), garbage);
    }
    assertEquals(EhrMediaTokens.Refusal.INVALID, tokens.verify(null, NOW, KEY).refusal());
  }

  @Test
  void aShortKeyIsAnErrorNotAWeakSignature() {
    assertThrows(IllegalStateException.class, () -> tokens.issue(PHOTO, NOW, new byte[16]));
  }

  private static String claims(String json) {
    return b64(json);
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static java.util.Set<String> fieldNames(com.fasterxml.jackson.databind.JsonNode node) {
    java.util.Set<String> names = new java.util.HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
