package com.dermrelay.tenants;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.data.IndexKey;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.TenantTable;
import com.dermrelay.core.data.VersionConflictException;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import com.dermrelay.core.net.OutboundAddressGuard;
import com.dermrelay.core.tenancy.ClinicConfigItem;
import com.dermrelay.core.tenancy.TenantConfigValidator;
import com.dermrelay.core.tenancy.TenantDirectory;
import com.dermrelay.core.tenancy.TenantKeys;
import com.dermrelay.core.tenancy.TenantRecord;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.inject.Inject;

/**
 * Replaces the acting clinic's configuration: valid against tenant.schema.json, the same tenantId
 * and slug (the slug is the portal's address and a global index entry), URLs that name public
 * addresses only (core.net.OutboundAddressGuard), conditioned on the version the admin read. The
 * plan ({@code plan}) and the suspension ({@code suspended}) must come back as read: the platform
 * operator sets them.
 */
public final class UpdateTenantSettings {
  /**
   * Every URL of the configuration that something fetches: the platform (EHR) or browsers (logo).
   */
  static final List<String> URL_FIELDS =
      List.of("/ehr/fhirBaseUrl", "/ehr/auth/tokenUrl", "/branding/logoUrl");

  private final TenantDirectory directory;
  private final TenantTable<ClinicConfigItem> configs;
  private final AuditTrail audit;
  private final OutboundAddressGuard addresses;

  @Inject
  public UpdateTenantSettings(
      TenantDirectory directory,
      SingleTable table,
      AuditTrail audit,
      OutboundAddressGuard addresses) {
    this.directory = directory;
    this.configs = table.tenantTable(ClinicConfigItem.SCHEMA);
    this.audit = audit;
    this.addresses = addresses;
  }

  public TenantSettings run(TenantContext tenant, TenantSettings change) {
    if (change.config() == null) {
      throw ApiProblem.badRequest(ProblemTypes.INVALID_REQUEST, "Field 'config' is required.");
    }
    List<String> problems = TenantConfigValidator.problems(change.config());
    if (!problems.isEmpty()) {
      // One pointer per bad field, into the request body, so a form can mark each one.
      throw new ApiProblem(
          400,
          ProblemTypes.INVALID_REQUEST,
          "Bad Request",
          "The configuration does not match tenant.schema.json at: "
              + String.join(", ", problems)
              + ".",
          problems.stream()
              .map(
                  at ->
                      new ApiProblem.FieldError(
                          "/config" + (at.equals("/") ? "" : at),
                          "does not match tenant.schema.json"))
              .toList());
    }
    refuseInternalAddresses(change.config());
    TenantRecord current =
        directory
            .load(tenant.tenantId())
            .orElseThrow(() -> ApiProblem.notFound("No such resource."));
    if (!tenant.tenantId().equals(change.config().path("tenantId").asText())) {
      throw ApiProblem.badRequest(
          ProblemTypes.INVALID_REQUEST, "Field 'config.tenantId' cannot change.");
    }
    if (!current.slug().equals(change.config().path("slug").asText())) {
      throw ApiProblem.badRequest(
          ProblemTypes.INVALID_REQUEST, "Field 'config.slug' cannot change.");
    }
    if (!Objects.equals(current.config().get("plan"), change.config().get("plan"))) {
      // The plan is what the clinic pays for: only the platform operator changes it.
      throw new ApiProblem(
          403,
          "about:blank",
          "Forbidden",
          "Field 'config.plan' is set by the platform operator; send it as read.",
          List.of(new ApiProblem.FieldError("/config/plan", "set by the platform operator")));
    }
    if (current.suspended() != change.config().path("suspended").asBoolean(false)) {
      throw new ApiProblem(
          403,
          "about:blank",
          "Forbidden",
          "Field 'config.suspended' is set by the platform operator; send it as read.",
          List.of(new ApiProblem.FieldError("/config/suspended", "set by the platform operator")));
    }
    if (current.version() != change.version()) {
      throw conflict();
    }
    long version;
    try {
      // The sign-up's fingerprint is left out: it served only that request's retries.
      version =
          configs.putVersioned(
              tenant,
              ItemKey.inTenant(TenantKeys.CONFIG_SK),
              new ClinicConfigItem(
                  change.config().toString(),
                  tenant.requestTime().toString(),
                  tenant.subject(),
                  null),
              current.version(),
              IndexKey.directory(
                  IndexKey.Index.GSI1, TenantKeys.slugGsi1pk(current.slug()), "TENANT"),
              TenantKeys.clinicListing(tenant.tenantId()));
    } catch (VersionConflictException e) {
      throw conflict();
    }
    directory.forget(tenant.tenantId());
    audit.wrote(
        tenant, "tenant-settings.update", AuditResource.of("tenant-settings", tenant.tenantId()));
    return new TenantSettings(version, change.config());
  }

  /**
   * The platform calls the EHR's URLs and browsers load the logo: none may name the metadata
   * service, a private network or (on AWS) this machine. Names are checked again when called.
   */
  private void refuseInternalAddresses(JsonNode config) {
    List<ApiProblem.FieldError> refused = new ArrayList<>();
    for (String at : URL_FIELDS) {
      JsonNode url = config.at(at);
      if (url.isTextual()) {
        addresses
            .refusalForUrl(url.asText())
            .ifPresent(
                why ->
                    refused.add(
                        new ApiProblem.FieldError(
                            "/config" + at, "must be a public Internet address (it " + why + ")")));
      }
    }
    if (!refused.isEmpty()) {
      throw new ApiProblem(
          400,
          ProblemTypes.INVALID_REQUEST,
          "Bad Request",
          "These addresses may not be used, they are not public: "
              + String.join(", ", refused.stream().map(ApiProblem.FieldError::pointer).toList())
              + ".",
          refused);
    }
  }

  private static ApiProblem conflict() {
    return new ApiProblem(
        409,
        ProblemTypes.CONFLICT,
        "Conflict",
        "The settings changed since they were read; read them again and retry.");
  }
}
