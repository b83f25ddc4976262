package com.dermrelay.research.workflow;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import com.dermrelay.core.workflow.WorkflowTaskHandler;
import com.dermrelay.research.export.SelectResearchCases;
import java.util.Map;

/**
 * Task SelectResearchCases of the research export workflow (research-export.asl.json): one page of
 * consenting patients.
 */
public final class SelectResearchCasesTaskHandler extends WorkflowTaskHandler {
  private final SelectResearchCases useCase;

  public SelectResearchCasesTaskHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public SelectResearchCasesTaskHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  SelectResearchCasesTaskHandler(FunctionsComponent component) {
    super(component.internalAccess(), component.clock(), "research-select");
    this.useCase = component.research().select;
  }

  @Override
  protected Map<String, Object> run(TenantContext tenant, TaskInput input) {
    return Map.of("done", useCase.run(tenant, input.required("exportId")));
  }
}
