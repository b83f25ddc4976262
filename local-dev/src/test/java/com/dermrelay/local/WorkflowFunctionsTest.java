package com.dermrelay.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each workflow file's tasks run the handlers of its own package, under the ARN variable CDK sets.
 */
class WorkflowFunctionsTest {
  @Test
  void eachWorkflowNamesItsFunctionsAndTheirHandlerPackage() {
    assertTrue(
        LocalWorkflow.CASE
            .functionNames()
            .containsAll(Set.of("Triage", "DeliverAnswer", "RecordFailure")));
    assertEquals(
        Set.of("SendToEhr", "RecordEhrFailure"), LocalWorkflow.EHR_DELIVERY.functionNames());
    assertEquals(
        "com.dermrelay.fhir.workflow.SendToEhrTaskHandler",
        LocalWorkflow.EHR_DELIVERY.handlerFor("SendToEhr"));
    assertEquals(
        "com.dermrelay.review.workflow.TriageTaskHandler", LocalWorkflow.CASE.handlerFor("Triage"));
    assertEquals("DERMRELAY_EHR_WORKFLOW_ARN", LocalWorkflow.EHR_DELIVERY.arnVariable());
    assertTrue(
        LocalWorkflow.EHR_DELIVERY
            .substituted("arn:aws:lambda:us-east-1:000000000000:function:")
            .contains("\"arn:aws:lambda:us-east-1:000000000000:function:SendToEhr\""));
  }

  @Test
  void aFunctionNoWorkflowNamesOrWhoseHandlerIsNotOnTheClasspathHasNoHandler() {
    WorkflowFunctions functions = new WorkflowFunctions(LocalWorkflow.values());
    // local-dev's own tests run without the functions jar: no handler class is there.
    assertNull(functions.handlerFor("SendToEhr"));
    assertNull(functions.handlerFor("NoSuchTask"));
  }
}
