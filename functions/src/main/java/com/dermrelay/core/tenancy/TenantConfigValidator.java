package com.dermrelay.core.tenancy;

import com.dermrelay.core.http.NameText;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * tenant-config/tenant.schema.json, checked by hand: a JSON Schema library would add megabytes to
 * the deployment jar for one schema. TenantConfigValidatorTest runs this and a real JSON Schema
 * validator over the same good and bad fixtures, so the two cannot drift apart unnoticed. Every
 * pattern of the schema is anchored, so {@code matches()} equals its ECMA-262 meaning (and, unlike
 * {@code find()}, ignores no trailing newline). Problems name the field, never its value.
 */
public final class TenantConfigValidator {
  private static final Pattern TENANT_ID = Pattern.compile("^[a-z][a-z0-9-]{2,39}$");
  private static final Pattern SLUG = Pattern.compile("^[a-z][a-z0-9-]{1,39}$");
  private static final Pattern PLAN_TIER = Pattern.compile("^[a-z][a-z0-9-]{1,30}$");
  private static final Pattern LOGO = Pattern.compile("^(/|https://)[^\\s]*$");
  private static final Pattern COLOR = Pattern.compile("^#[0-9a-fA-F]{6}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{6,20}$");
  private static final Pattern CONSENT_VERSION =
      Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}(\\.[0-9]+)?$");
  private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2}(-[A-Z]{2})?$");
  private static final Pattern ENDPOINT_URL =
      Pattern.compile(
          "^(https://[^\\s/?#]+[^\\s]*|http://(localhost|127\\.0\\.0\\.1)(:[0-9]{1,5})?(/[^\\s]*)?)$");
  private static final Pattern SCOPE = Pattern.compile("^[!-~]{1,100}( [!-~]{1,100}){0,9}$");
  private static final Set<String> EHR_AUTH = Set.of("oauth2-client-credentials", "bearer");
  private static final Set<String> MEDIA_MODES = Set.of("link", "inline", "omit");
  private static final Set<String> RED_FLAGS_AT_SUBMIT =
      Set.of("seek-emergency-care", "queue-urgent");

  /** tenant.schema.json's secondReads.always (quality.SecondReadSettings reads them). */
  public static final Set<String> SECOND_READ_RULES =
      Set.of("fitzpatrick-v-vi", "seven-point-3-or-more", "reader-first-50-cases");

  private static final Set<String> REGIONS =
      Set.of(
          "us-east-1",
          "us-west-2",
          "eu-west-1",
          "eu-central-1",
          "eu-west-2",
          "ap-southeast-2",
          "ca-central-1");

  private final List<String> problems = new ArrayList<>();

  private TenantConfigValidator() {}

  /** The fields that break the schema, as JSON-pointer-like paths; empty when valid. */
  public static List<String> problems(JsonNode config) {
    TenantConfigValidator v = new TenantConfigValidator();
    v.validate(config);
    return List.copyOf(v.problems);
  }

  private void validate(JsonNode c) {
    if (!object(c, "")) {
      return;
    }
    only(
        c,
        "",
        "tenantId",
        "displayName",
        "slug",
        "branding",
        "region",
        "slaHours",
        "triage",
        "consent",
        "researchConsent",
        "retentionYears",
        "languages",
        "ehr",
        "secondReads",
        "plan",
        "acceptingNewPatients",
        "patientDermoscopy",
        "suspended");
    required(
        c,
        "",
        "tenantId",
        "displayName",
        "slug",
        "branding",
        "region",
        "slaHours",
        "consent",
        "retentionYears",
        "languages");
    pattern(c, "/tenantId", TENANT_ID);
    if (c.has("displayName")) {
      text(c.get("displayName"), "/displayName", 2, 80);
      if (c.get("displayName").isTextual()
          && !NameText.safe(c.get("displayName").asText())
          && !problems.contains("/displayName")) {
        problems.add("/displayName");
      }
    }
    pattern(c, "/slug", SLUG);
    JsonNode b = c.get("branding");
    if (b != null && object(b, "/branding")) {
      only(
          b,
          "/branding",
          "logoUrl",
          "primaryColor",
          "accentColor",
          "supportEmail",
          "supportPhone",
          "legalFooter");
      required(
          b, "/branding", "logoUrl", "primaryColor", "accentColor", "supportEmail", "legalFooter");
      pattern(b, "/branding/logoUrl", LOGO);
      pattern(b, "/branding/primaryColor", COLOR);
      pattern(b, "/branding/accentColor", COLOR);
      pattern(b, "/branding/supportEmail", EMAIL);
      pattern(b, "/branding/supportPhone", PHONE);
      if (b.has("legalFooter")) {
        text(b.get("legalFooter"), "/branding/legalFooter", 0, 500);
      }
    }
    if (c.has("region")
        && (!c.get("region").isTextual() || !REGIONS.contains(c.get("region").asText()))) {
      problems.add("/region");
    }
    JsonNode sla = c.get("slaHours");
    if (sla != null && object(sla, "/slaHours")) {
      only(sla, "/slaHours", "URGENT", "SOON", "ROUTINE");
      required(sla, "/slaHours", "URGENT", "SOON", "ROUTINE");
      integer(sla, "/slaHours/URGENT", 1, 72);
      integer(sla, "/slaHours/SOON", 1, 168);
      integer(sla, "/slaHours/ROUTINE", 1, 720);
    }
    JsonNode triage = c.get("triage");
    if (triage != null && object(triage, "/triage")) {
      only(triage, "/triage", "sevenPointUrgentScore", "urgentAgeYears", "redFlagsAtSubmit");
      integer(triage, "/triage/sevenPointUrgentScore", 1, 3);
      integer(triage, "/triage/urgentAgeYears", 18, 50);
      JsonNode redFlags = triage.get("redFlagsAtSubmit");
      if (redFlags != null
          && (!redFlags.isTextual() || !RED_FLAGS_AT_SUBMIT.contains(redFlags.asText()))) {
        problems.add("/triage/redFlagsAtSubmit");
      }
    }
    JsonNode consent = c.get("consent");
    if (consent != null && object(consent, "/consent")) {
      only(consent, "/consent", "version", "text");
      required(consent, "/consent", "version", "text");
      pattern(consent, "/consent/version", CONSENT_VERSION);
      if (consent.has("text")) {
        text(consent.get("text"), "/consent/text", 50, 20000);
      }
    }
    // Optional, and never required: a clinic may offer no research consent at all.
    JsonNode researchConsent = c.get("researchConsent");
    if (researchConsent != null && object(researchConsent, "/researchConsent")) {
      only(researchConsent, "/researchConsent", "version", "text");
      required(researchConsent, "/researchConsent", "version", "text");
      pattern(researchConsent, "/researchConsent/version", CONSENT_VERSION);
      if (researchConsent.has("text")) {
        text(researchConsent.get("text"), "/researchConsent/text", 50, 20000);
      }
    }
    integer(c, "/retentionYears", 6, 30);
    if (c.has("acceptingNewPatients") && !c.get("acceptingNewPatients").isBoolean()) {
      problems.add("/acceptingNewPatients");
    }
    if (c.has("patientDermoscopy") && !c.get("patientDermoscopy").isBoolean()) {
      problems.add("/patientDermoscopy");
    }
    if (c.has("suspended") && !c.get("suspended").isBoolean()) {
      problems.add("/suspended");
    }
    JsonNode ehr = c.get("ehr");
    if (ehr != null && object(ehr, "/ehr")) {
      ehr(ehr);
    }
    JsonNode secondReads = c.get("secondReads");
    if (secondReads != null && object(secondReads, "/secondReads")) {
      secondReads(secondReads);
    }
    JsonNode plan = c.get("plan");
    if (plan != null && object(plan, "/plan")) {
      String[] fields = {"tier", "requestsPerSecond", "burst", "casesPerMonth", "storageMb"};
      only(plan, "/plan", fields);
      required(plan, "/plan", fields);
      pattern(plan, "/plan/tier", PLAN_TIER);
      integer(plan, "/plan/requestsPerSecond", 1, 1000);
      integer(plan, "/plan/burst", 1, 100_000);
      integer(plan, "/plan/casesPerMonth", 1, 1_000_000);
      integer(plan, "/plan/storageMb", 1, 100_000_000);
    }
    JsonNode languages = c.get("languages");
    if (languages != null) {
      if (!languages.isArray() || languages.isEmpty()) {
        problems.add("/languages");
      } else {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < languages.size(); i++) {
          JsonNode language = languages.get(i);
          if (!language.isTextual() || !LANGUAGE.matcher(language.asText()).matches()) {
            problems.add("/languages/" + i);
          } else if (!seen.add(language.asText())) {
            problems.add("/languages");
          }
        }
      }
    }
  }

  /**
   * {@code ehr}: endpoint URLs https (http on loopback only), no field that could hold a secret.
   */
  private void ehr(JsonNode ehr) {
    only(ehr, "/ehr", "fhirBaseUrl", "auth", "media", "timeoutSeconds");
    required(ehr, "/ehr", "fhirBaseUrl", "auth");
    url(ehr, "/ehr/fhirBaseUrl");
    JsonNode auth = ehr.get("auth");
    if (auth != null && object(auth, "/ehr/auth")) {
      only(auth, "/ehr/auth", "type", "tokenUrl", "scope");
      required(auth, "/ehr/auth", "type");
      JsonNode type = auth.get("type");
      if (type != null && (!type.isTextual() || !EHR_AUTH.contains(type.asText()))) {
        problems.add("/ehr/auth/type");
      }
      if (type != null && "oauth2-client-credentials".equals(type.asText())) {
        required(auth, "/ehr/auth", "tokenUrl");
      }
      url(auth, "/ehr/auth/tokenUrl");
      pattern(auth, "/ehr/auth/scope", SCOPE);
    }
    JsonNode media = ehr.get("media");
    if (media != null && object(media, "/ehr/media")) {
      only(media, "/ehr/media", "mode", "linkHours");
      required(media, "/ehr/media", "mode");
      JsonNode mode = media.get("mode");
      if (mode != null && (!mode.isTextual() || !MEDIA_MODES.contains(mode.asText()))) {
        problems.add("/ehr/media/mode");
      }
      integer(media, "/ehr/media/linkHours", 1, 168);
    }
    integer(ehr, "/ehr/timeoutSeconds", 1, 30);
  }

  private void secondReads(JsonNode secondReads) {
    only(secondReads, "/secondReads", "samplePercent", "always");
    integer(secondReads, "/secondReads/samplePercent", 0, 100);
    JsonNode always = secondReads.get("always");
    if (always == null) {
      return;
    }
    if (!always.isArray() || always.size() > SECOND_READ_RULES.size()) {
      problems.add("/secondReads/always");
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < always.size(); i++) {
      JsonNode rule = always.get(i);
      if (!rule.isTextual() || !SECOND_READ_RULES.contains(rule.asText())) {
        problems.add("/secondReads/always/" + i);
      } else if (!seen.add(rule.asText())) {
        problems.add("/secondReads/always");
      }
    }
  }

  private void url(JsonNode parent, String path) {
    pattern(parent, path, ENDPOINT_URL);
    JsonNode value = parent.get(path.substring(path.lastIndexOf('/') + 1));
    if (value != null
        && value.isTextual()
        && value.asText().codePointCount(0, value.asText().length()) > 500) {
      problems.add(path);
    }
  }

  private boolean object(JsonNode node, String path) {
    if (!node.isObject()) {
      problems.add(path.isEmpty() ? "/" : path);
      return false;
    }
    return true;
  }

  private void only(JsonNode node, String path, String... allowed) {
    Set<String> names = Set.of(allowed);
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      String name = it.next().getKey();
      if (!names.contains(name)) {
        problems.add(path + "/" + name);
      }
    }
  }

  private void required(JsonNode node, String path, String... names) {
    for (String name : names) {
      if (!node.has(name)) {
        problems.add(path + "/" + name);
      }
    }
  }

  private void pattern(JsonNode parent, String path, Pattern pattern) {
    JsonNode value = parent.get(path.substring(path.lastIndexOf('/') + 1));
    if (value != null && (!value.isTextual() || !pattern.matcher(value.asText()).matches())) {
      problems.add(path);
    }
  }

  /** Length in code points, as JSON Schema counts it. */
  private void text(JsonNode value, String path, int min, int max) {
    if (!value.isTextual()) {
      problems.add(path);
      return;
    }
    int length = value.asText().codePointCount(0, value.asText().length());
    if (length < min || length > max) {
      problems.add(path);
    }
  }

  private void integer(JsonNode parent, String path, int min, int max) {
    JsonNode value = parent.get(path.substring(path.lastIndexOf('/') + 1));
    if (value == null) {
      return;
    }
    boolean integral =
        value.isIntegralNumber()
            || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
    if (!integral || value.asLong() < min || value.asLong() > max) {
      problems.add(path);
    }
  }
}
