package com.dermrelay.research.workflow;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import com.dermrelay.core.workflow.WorkflowTaskHandler;
import com.dermrelay.research.export.PrepareResearchPhotos;
import java.util.Map;

/**
 * Task PrepareResearchPhotos of the research export workflow (research-export.asl.json): one batch
 * of photos rewritten.
 */
public final class PrepareResearchPhotosTaskHandler extends WorkflowTaskHandler {
  private final PrepareResearchPhotos useCase;

  public PrepareResearchPhotosTaskHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public PrepareResearchPhotosTaskHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  PrepareResearchPhotosTaskHandler(FunctionsComponent component) {
    super(component.internalAccess(), component.clock(), "research-prepare-photos");
    this.useCase = component.research().preparePhotos;
  }

  @Override
  protected Map<String, Object> run(TenantContext tenant, TaskInput input) {
    return Map.of("done", useCase.run(tenant, input.required("exportId")));
  }
}
