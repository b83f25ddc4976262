package com.dermrelay.tenants;

import com.dermrelay.audit.AuditResource;
import com.dermrelay.audit.AuditTrail;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.IndexKey;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.TenantItems;
import com.dermrelay.core.data.VersionConflictException;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import com.dermrelay.core.tenancy.TenantConfigValidator;
import com.dermrelay.core.tenancy.TenantDirectory;
import com.dermrelay.core.tenancy.TenantKeys;
import com.dermrelay.core.tenancy.TenantRecord;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Replaces the acting clinic's configuration: valid against tenant.schema.json, the same tenantId
 * and slug (the slug is the portal's address and a global index entry), conditioned on the version
 * the admin read.
 */
public final class UpdateTenantSettings {
  private final TenantDirectory directory;
  private final TenantItems items;
  private final AuditTrail audit;

  @Inject
  public UpdateTenantSettings(TenantDirectory directory, TenantItems items, AuditTrail audit) {
    this.directory = directory;
    this.items = items;
    this.audit = audit;
  }

  public TenantSettings run(TenantContext tenant, TenantSettings change) {
    if (change.config() == null) {
      throw ApiProblem.badRequest(ProblemTypes.INVALID_REQUEST, "Field 'config' is required.");
    }
    List<String> problems = TenantConfigValidator.problems(change.config());
    if (!problems.isEmpty()) {
      // One pointer per bad field, into the request body, so a form can mark each one.
      throw new ApiProblem(400, ProblemTypes.INVALID_REQUEST, "Bad Request",
          "The configuration does not match tenant.schema.json at: " + String.join(", ", problems) + ".",
          problems.stream()
              .map(at -> new ApiProblem.FieldError("/config" + (at.equals("/") ? "" : at),
                  "does not match tenant.schema.json"))
              .toList());
    }
    TenantRecord current = directory.load(tenant.tenantId())
        .orElseThrow(() -> ApiProblem.notFound("No such resource."));
    if (!tenant.tenantId().equals(change.config().path("tenantId").asText())) {
      throw ApiProblem.badRequest(ProblemTypes.INVALID_REQUEST, "Field 'config.tenantId' cannot change.");
    }
    if (!current.slug().equals(change.config().path("slug").asText())) {
      throw ApiProblem.badRequest(ProblemTypes.INVALID_REQUEST, "Field 'config.slug' cannot change.");
    }
    if (current.version() != change.version()) {
      throw conflict();
    }
    long version;
    try {
      version = items.putVersioned(tenant, ItemKey.inTenant(TenantKeys.CONFIG_SK), Map.of(
              "config", AttributeValue.fromS(change.config().toString()),
              "updatedAt", AttributeValue.fromS(tenant.requestTime().toString()),
              "updatedBy", AttributeValue.fromS(tenant.subject())),
          current.version(),
          IndexKey.directory(IndexKey.Index.GSI1, TenantKeys.slugGsi1pk(current.slug()), "TENANT"));
    } catch (VersionConflictException e) {
      throw conflict();
    }
    directory.forget(tenant.tenantId());
    audit.wrote(tenant, "tenant-settings.update", AuditResource.of("tenant-settings", tenant.tenantId()));
    return new TenantSettings(version, change.config());
  }

  private static ApiProblem conflict() {
    return new ApiProblem(409, ProblemTypes.CONFLICT, "Conflict",
        "The settings changed since they were read; read them again and retry.");
  }
}
