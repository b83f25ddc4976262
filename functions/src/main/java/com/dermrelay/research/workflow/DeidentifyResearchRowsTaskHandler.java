package com.dermrelay.research.workflow;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import com.dermrelay.core.workflow.WorkflowTaskHandler;
import com.dermrelay.research.export.DeidentifyResearchRows;
import java.util.Map;

/**
 * Task DeidentifyResearchRows of the research export workflow (research-export.asl.json):
 * k-anonymity over every candidate.
 */
public final class DeidentifyResearchRowsTaskHandler extends WorkflowTaskHandler {
  private final DeidentifyResearchRows useCase;

  public DeidentifyResearchRowsTaskHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public DeidentifyResearchRowsTaskHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  DeidentifyResearchRowsTaskHandler(FunctionsComponent component) {
    super(component.internalAccess(), component.clock(), "research-deidentify");
    this.useCase = component.research().deidentify;
  }

  @Override
  protected Map<String, Object> run(TenantContext tenant, TaskInput input) {
    useCase.run(tenant, input.required("exportId"));
    return Map.of();
  }
}
