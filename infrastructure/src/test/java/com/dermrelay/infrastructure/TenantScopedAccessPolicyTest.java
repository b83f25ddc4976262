package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantScopedAccessPolicyTest {

  private static final String TABLE =
      "arn:aws:dynamodb:eu-central-1:123456789012:table/dermrelay-prod";
  private static final String BUCKET = "arn:aws:s3:::dermrelay-media-x";
  private static final String KEY = "arn:aws:kms:eu-central-1:123456789012:key/abc";

  private final TenantScopedAccessPolicy policy =
      new TenantScopedAccessPolicy(
          new TenantScopedAccessPolicy.Resources(TABLE, BUCKET, KEY, "eu-central-1"));

  @Test
  void itemsAreLimitedToTheTenantsPartitionKeysAndNotToALookAlikeTenant() {
    Map<String, Object> items = statement(policy.forTenant("acme"), "TenantItems");
    List<String> patterns = leadingKeyPatterns(items);
    assertEquals(List.of("TENANT#acme", "TENANT#acme#*"), patterns);
    assertTrue(anyMatches(patterns, "TENANT#acme"));
    assertTrue(anyMatches(patterns, "TENANT#acme#CASE#01J"));
    // A tenant whose id only starts with "acme", and anything else, stays out of reach.
    assertFalse(anyMatches(patterns, "TENANT#acme-north"));
    assertFalse(anyMatches(patterns, "TENANT#acme-north#CASE#01J"));
    assertFalse(anyMatches(patterns, "TENANT#globex#CASE#01J"));
    assertFalse(anyMatches(patterns, "SLUG#acme"));
  }

  @Test
  void aRequestWithoutLeadingKeysIsNotAllowedAndScanIsNeverGranted() {
    Map<String, Object> items = statement(policy.forTenant("acme"), "TenantItems");
    assertEquals(Map.of("dynamodb:LeadingKeys", "false"), condition(items).get("Null"));
    assertFalse(((List<?>) items.get("Action")).contains("dynamodb:Scan"));
    assertEquals(List.of(TABLE, TABLE + "/index/*"), items.get("Resource"));
  }

  @Test
  void objectsAreLimitedToTheTenantsPrefix() {
    Map<String, Object> acme = policy.forTenant("acme");
    List<?> objects = (List<?>) statement(acme, "TenantObjects").get("Resource");
    assertEquals(List.of(BUCKET + "/acme/*"), objects);
    assertTrue(matches((String) objects.get(0), BUCKET + "/acme/cases/1/photo.jpg"));
    assertFalse(matches((String) objects.get(0), BUCKET + "/acme-north/cases/1/photo.jpg"));
    assertFalse(matches((String) objects.get(0), BUCKET + "/globex/cases/1/photo.jpg"));
    Map<String, Object> listing = statement(acme, "TenantObjectListing");
    assertEquals(Map.of("s3:prefix", List.of("acme/*")), condition(listing).get("StringLike"));
    // Draft photos are written with their tag and untagged at submission, on the clinic's session.
    assertTrue(
        ((List<?>) statement(acme, "TenantObjects").get("Action")).contains("s3:PutObjectTagging"));
  }

  @Test
  void tenantAsPolicyNeverMentionsTenantB() {
    String a = policy.toJson(policy.forTenant("acme"));
    String b = policy.toJson(policy.forTenant("globex"));
    assertFalse(a.contains("globex"), a);
    assertFalse(b.contains("acme"), b);
  }

  @Test
  void theDataKeyIsUsableOnlyThroughDynamoDbAndS3OfTheRegion() {
    Map<String, Object> key = statement(policy.forTenant("acme"), "DataKeyThroughTableAndBucket");
    assertEquals(List.of(KEY), key.get("Resource"));
    assertEquals(
        Map.of(
            "kms:ViaService",
            List.of("dynamodb.eu-central-1.amazonaws.com", "s3.eu-central-1.amazonaws.com")),
        condition(key).get("StringEquals"));
  }

  @Test
  void theTaggedSessionVariantTakesTheTenantFromTheSessionTag() {
    Map<String, Object> tagged = policy.forTaggedSession();
    assertEquals(
        List.of("TENANT#${aws:PrincipalTag/tenantId}", "TENANT#${aws:PrincipalTag/tenantId}#*"),
        leadingKeyPatterns(statement(tagged, "TenantItems")));
    assertEquals(
        List.of(BUCKET + "/${aws:PrincipalTag/tenantId}/*"),
        statement(tagged, "TenantObjects").get("Resource"));
  }

  @Test
  void theSessionPolicyFitsStsLimit() {
    // sts:AssumeRole takes at most 2,048 characters of session policy.
    String json = policy.toJson(policy.forTenant("a-forty-character-tenant-id-abcdefghijkl"));
    assertTrue(json.length() < 2048, json.length() + " characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"*", "acme*", "ac", "Acme", "acme/x", "acme#1", "1acme", ""})
  void rejectsTenantIdsThatCouldWidenThePolicy(String tenantId) {
    assertThrows(IllegalArgumentException.class, () -> policy.forTenant(tenantId));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> statement(Map<String, Object> document, String sid) {
    return ((List<Map<String, Object>>) document.get("Statement"))
        .stream()
            .filter(s -> sid.equals(s.get("Sid")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + sid));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> condition(Map<String, Object> statement) {
    return (Map<String, Object>) statement.get("Condition");
  }

  @SuppressWarnings("unchecked")
  private static List<String> leadingKeyPatterns(Map<String, Object> items) {
    Map<String, Object> like =
        (Map<String, Object>) condition(items).get("ForAllValues:StringLike");
    return (List<String>) like.get("dynamodb:LeadingKeys");
  }

  private static boolean anyMatches(List<String> patterns, String value) {
    return patterns.stream().anyMatch(p -> matches(p, value));
  }

  /**
   * IAM's StringLike: {@code *} any run of characters, {@code ?} one character, the rest literal.
   */
  private static boolean matches(String pattern, String value) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return value.matches(regex.toString());
  }
}
