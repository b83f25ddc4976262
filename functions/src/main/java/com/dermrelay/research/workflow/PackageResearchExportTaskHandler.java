package com.dermrelay.research.workflow;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import com.dermrelay.core.workflow.WorkflowTaskHandler;
import com.dermrelay.research.export.PackageResearchExport;
import java.util.Map;

/**
 * Task PackageResearchExport of the research export workflow (research-export.asl.json): the last
 * checks and the ZIP.
 */
public final class PackageResearchExportTaskHandler extends WorkflowTaskHandler {
  private final PackageResearchExport useCase;

  public PackageResearchExportTaskHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public PackageResearchExportTaskHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  PackageResearchExportTaskHandler(FunctionsComponent component) {
    super(component.internalAccess(), component.clock(), "research-package");
    this.useCase = component.research().packageExport;
  }

  @Override
  protected Map<String, Object> run(TenantContext tenant, TaskInput input) {
    useCase.run(tenant, input.required("exportId"));
    return Map.of();
  }
}
