package com.dermrelay.tenants;

import com.dermrelay.core.access.InternalAccess;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.auth.Role;
import com.dermrelay.core.aws.AwsServiceException;
import com.dermrelay.core.aws.CognitoAdmin;
import com.dermrelay.core.data.IndexKey;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.TenantTable;
import com.dermrelay.core.data.VersionConflictException;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.NameText;
import com.dermrelay.core.http.ProblemTypes;
import com.dermrelay.core.tenancy.ClinicConfigItem;
import com.dermrelay.core.tenancy.TenancySettings;
import com.dermrelay.core.tenancy.TenantConfigValidator;
import com.dermrelay.core.tenancy.TenantDirectory;
import com.dermrelay.core.tenancy.TenantKeys;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.inject.Inject;

/**
 * A clinic signs up: its tenant (configuration from {@link NewClinicConfig}), its first clinic
 * admin in Cognito (group {@code clinic_admin}, {@code custom:tenantId}, Cognito's own invitation
 * e-mail with a temporary password), and that admin's membership.
 *
 * <p>The tenant id is the slug, so the conditional create of the configuration item is the slug's
 * claim: two sign-ups for one slug cannot both win, and a slug an older clinic (whose id differs)
 * uses is found in the directory first. Each step is idempotent, and the configuration records a
 * fingerprint of the request (slug, e-mail, Idempotency-Key): a retry of the same request resumes
 * where the first attempt stopped instead of answering 409.
 */
public final class SignUpClinic {
  /** A slug that is also a valid tenant id (TenantContext.TENANT_ID). */
  private static final Pattern SLUG = Pattern.compile("^[a-z][a-z0-9-]{2,39}$");

  private static final String SIGN_UP_ACTOR = "system:sign-up";

  private final TenantDirectory directory;
  private final TenantTable<ClinicConfigItem> configs;
  private final Memberships memberships;
  private final InternalAccess access;
  private final CognitoAdmin cognito;
  private final AuditTrail audit;
  private final TenancySettings settings;
  private final ObjectMapper json;

  @Inject
  public SignUpClinic(
      TenantDirectory directory,
      SingleTable table,
      Memberships memberships,
      InternalAccess access,
      CognitoAdmin cognito,
      AuditTrail audit,
      TenancySettings settings,
      ObjectMapper json) {
    this.directory = directory;
    this.configs = table.tenantTable(ClinicConfigItem.SCHEMA);
    this.memberships = memberships;
    this.access = access;
    this.cognito = cognito;
    this.audit = audit;
    this.settings = settings;
    this.json = json;
  }

  public ClinicSignedUp run(
      ClinicSignUp signUp, Optional<String> idempotencyKey, String requestId, Instant time) {
    ObjectNode config = validConfig(signUp, time);
    String tenantId = signUp.slug();
    String email = signUp.adminEmail().strip().toLowerCase(Locale.ROOT);
    String fingerprint =
        SignUpRateLimit.sha256(tenantId + "|" + email + "|" + idempotencyKey.orElse(""));

    directory
        .findBySlug(signUp.slug())
        .filter(t -> !t.tenantId().equals(tenantId))
        .ifPresent(
            t -> {
              throw slugTaken();
            });
    Optional<CognitoAdmin.PoolUser> existing = cognito.getUser(email);
    if (existing.isPresent()
        && !existing.get().attribute("custom:tenantId").filter(tenantId::equals).isPresent()) {
      throw new ApiProblem(
          409,
          ProblemTypes.CONFLICT,
          "Conflict",
          "Field 'adminEmail' cannot be used for a new clinic; use another address.");
    }

    int retention = config.path("retentionYears").asInt();
    TenantContext claim =
        access.forNewClinic(
            tenantId, SIGN_UP_ACTOR, signUp.adminName(), requestId, time, retention);
    claimSlug(claim, config, fingerprint);

    CognitoAdmin.PoolUser admin = existing.orElseGet(() -> createAdmin(signUp, email, tenantId));
    cognito.addToGroup(admin.username(), Role.CLINIC_ADMIN.group());

    TenantContext tenant =
        access.forNewClinic(
            tenantId, admin.subject(), signUp.adminName().strip(), requestId, time, retention);
    memberships.createAdmin(tenant, Role.CLINIC_ADMIN.group(), email, signUp.adminName().strip());
    audit.wrote(tenant, "clinic.sign-up", AuditResource.of("tenant", tenantId));
    return new ClinicSignedUp(
        tenantId, signUp.slug(), settings.portalUrl() + "/c/" + signUp.slug() + "/", email);
  }

  private ObjectNode validConfig(ClinicSignUp signUp, Instant time) {
    if (!Boolean.TRUE.equals(signUp.acceptedTerms())) {
      throw invalid("Field 'acceptedTerms' must be true.");
    }
    for (Map.Entry<String, String> field :
        Map.of(
                "displayName",
                nullToEmpty(signUp.displayName()),
                "slug",
                nullToEmpty(signUp.slug()),
                "region",
                nullToEmpty(signUp.region()),
                "adminName",
                nullToEmpty(signUp.adminName()),
                "adminEmail",
                nullToEmpty(signUp.adminEmail()))
            .entrySet()) {
      if (field.getValue().isBlank()) {
        throw invalid("Field '" + field.getKey() + "' is required.");
      }
    }
    NameText.refuseIfAny(
        Stream.of(
                NameText.check("/displayName", signUp.displayName()),
                NameText.check("/adminName", signUp.adminName()))
            .flatMap(Optional::stream)
            .toList());
    if (!SLUG.matcher(signUp.slug()).matches()) {
      throw invalid(
          "Field 'slug' must be 3 to 40 lower-case letters, digits or '-', starting with a letter.");
    }
    int nameLength = signUp.adminName().strip().length();
    if (nameLength < 2 || nameLength > 80) {
      throw invalid("Field 'adminName' must be 2 to 80 characters.");
    }
    ObjectNode config = NewClinicConfig.of(json, signUp, time.atZone(ZoneOffset.UTC).toLocalDate());
    List<String> problems = TenantConfigValidator.problems(config);
    if (!problems.isEmpty()) {
      throw invalid(
          "Invalid fields: "
              + String.join(", ", problems.stream().map(SignUpClinic::field).distinct().toList())
              + ".");
    }
    return config;
  }

  /** The request field behind a problem of the generated configuration. */
  private static String field(String configPath) {
    return switch (configPath) {
      case "/displayName", "/branding/legalFooter", "/consent/text" -> "displayName";
      case "/slug", "/tenantId" -> "slug";
      case "/region" -> "region";
      case "/branding/supportEmail" -> "adminEmail";
      default -> configPath;
    };
  }

  private void claimSlug(TenantContext claim, ObjectNode config, String fingerprint) {
    try {
      configs.putVersioned(
          claim,
          ItemKey.inTenant(TenantKeys.CONFIG_SK),
          new ClinicConfigItem(
              config.toString(), claim.requestTime().toString(), SIGN_UP_ACTOR, fingerprint),
          0,
          IndexKey.directory(
              IndexKey.Index.GSI1, TenantKeys.slugGsi1pk(config.path("slug").asText()), "TENANT"),
          TenantKeys.clinicListing(claim.tenantId()));
    } catch (VersionConflictException e) {
      boolean sameRequest =
          configs
              .get(claim, ItemKey.inTenant(TenantKeys.CONFIG_SK))
              .map(item -> item.record().signUpFingerprint())
              .filter(fingerprint::equals)
              .isPresent();
      if (!sameRequest) {
        throw slugTaken();
      }
    }
  }

  private CognitoAdmin.PoolUser createAdmin(ClinicSignUp signUp, String email, String tenantId) {
    try {
      return cognito.createUser(
          email, Map.of("name", signUp.adminName().strip(), "custom:tenantId", tenantId), true);
    } catch (AwsServiceException e) {
      if (e.is(CognitoAdmin.USERNAME_EXISTS)) {
        // Created meanwhile by a concurrent attempt of this request: carry on with that account.
        return cognito
            .getUser(email)
            .filter(u -> u.attribute("custom:tenantId").filter(tenantId::equals).isPresent())
            .orElseThrow(
                () ->
                    new ApiProblem(
                        409,
                        ProblemTypes.CONFLICT,
                        "Conflict",
                        "Field 'adminEmail' cannot be used for a new clinic; use another address."));
      }
      throw e;
    }
  }

  private static ApiProblem slugTaken() {
    return new ApiProblem(
        409,
        ProblemTypes.CONFLICT,
        "Conflict",
        "Field 'slug' is taken by another clinic; choose another.");
  }

  private static ApiProblem invalid(String detail) {
    return ApiProblem.badRequest(ProblemTypes.INVALID_REQUEST, detail);
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
