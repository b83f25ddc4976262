package com.dermrelay.review.workflow;

import com.dermrelay.core.wiring.FunctionsComponent;
import com.dermrelay.core.workflow.WorkflowTaskHandler;

/**
 * A task of the case workflow: the shared task plumbing ({@link WorkflowTaskHandler}) with the case
 * workflow's steps, wired by the functions' component. A subclass names its step and calls one of
 * {@link #steps}.
 */
public abstract class CaseTaskHandler extends WorkflowTaskHandler {
  protected final WorkflowSteps steps;

  protected CaseTaskHandler(FunctionsComponent component, String step) {
    super(component.internalAccess(), component.clock(), step);
    this.steps = component.workflowSteps();
  }
}
