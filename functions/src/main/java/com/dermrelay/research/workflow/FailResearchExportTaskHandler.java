package com.dermrelay.research.workflow;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import com.dermrelay.core.workflow.WorkflowTaskHandler;
import com.dermrelay.research.export.FailResearchExport;
import java.util.Map;

/**
 * Task FailResearchExport of the research export workflow (research-export.asl.json): the export is
 * FAILED.
 */
public final class FailResearchExportTaskHandler extends WorkflowTaskHandler {
  private final FailResearchExport useCase;

  public FailResearchExportTaskHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public FailResearchExportTaskHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  FailResearchExportTaskHandler(FunctionsComponent component) {
    super(component.internalAccess(), component.clock(), "research-fail");
    this.useCase = component.research().fail;
  }

  @Override
  protected Map<String, Object> run(TenantContext tenant, TaskInput input) {
    useCase.run(tenant, input.required("exportId"), input.optional("error").orElse(null));
    return Map.of();
  }
}
