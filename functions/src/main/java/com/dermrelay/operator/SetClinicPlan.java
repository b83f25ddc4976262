package com.dermrelay.operator;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import com.dermrelay.core.tenancy.TenantConfigValidator;
import com.dermrelay.core.tenancy.TenantRecord;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import javax.inject.Inject;

/**
 * The operator changes a clinic's plan (tenant configuration {@code plan}; clinic admins cannot):
 * checked as tenant.schema.json checks it, each bad field named by its pointer into the body. A
 * plan's new rate applies within a minute on every container (the directory's cache), at once on
 * the one that changed it.
 */
public final class SetClinicPlan {
  private final ClinicConfigChanges changes;

  @Inject
  public SetClinicPlan(ClinicConfigChanges changes) {
    this.changes = changes;
  }

  /** The request body: the whole plan and the reason. */
  public record PlanChange(JsonNode plan, String reason) {}

  public ClinicState run(TenantContext tenant, PlanChange body) {
    JsonNode plan = body == null ? null : body.plan();
    if (plan == null || !plan.isObject()) {
      throw invalid(List.of("/plan"));
    }
    String reason = ClinicConfigChanges.reason(body.reason());
    TenantRecord changed =
        changes.apply(
            tenant,
            "clinic.plan",
            reason,
            config -> {
              config.set("plan", plan);
              List<String> problems =
                  TenantConfigValidator.problems(config).stream()
                      .filter(at -> at.startsWith("/plan"))
                      .toList();
              if (!problems.isEmpty()) {
                throw invalid(problems);
              }
              return config;
            });
    return ClinicState.of(changed);
  }

  private static ApiProblem invalid(List<String> pointers) {
    return new ApiProblem(
        400,
        ProblemTypes.INVALID_REQUEST,
        "Bad Request",
        "The plan does not match tenant.schema.json at: " + String.join(", ", pointers) + ".",
        pointers.stream()
            .map(at -> new ApiProblem.FieldError(at, "does not match tenant.schema.json's plan"))
            .toList());
  }
}
