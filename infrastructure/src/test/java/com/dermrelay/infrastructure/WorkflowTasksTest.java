package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowTasksTest {

  @TempDir Path dir;

  @Test
  void theTasksAreTheFunctionPlaceholdersOfEachAslFileInTheOrderItNamesThem() {
    assertEquals(
        List.of(
            "AwaitPhotoChecks",
            "Triage",
            "QueueForReview",
            "Escalate",
            "RequestMoreInfo",
            "DeliverAnswer",
            "InviteFollowUp",
            "CloseCase",
            "RecordFailure"),
        WorkflowTasks.CASE.tasks());
    assertEquals(List.of("SendToEhr", "RecordEhrFailure"), WorkflowTasks.EHR_DELIVERY.tasks());
  }

  @Test
  void handlerClassesFollowOneConventionInEachWorkflowsPackage() {
    assertEquals(
        "com.dermrelay.review.workflow.TriageTaskHandler", WorkflowTasks.CASE.handlerOf("Triage"));
    assertEquals(
        "com.dermrelay.fhir.workflow.SendToEhrTaskHandler",
        WorkflowTasks.EHR_DELIVERY.handlerOf("SendToEhr"));
    assertEquals(
        "com.dermrelay.fhir.workflow.RecordEhrFailureTaskHandler",
        WorkflowTasks.EHR_DELIVERY.handlerOf("RecordEhrFailure"));
    assertEquals("TriageFunctionArn", WorkflowTasks.substitutionKey("Triage"));
    assertThrows(
        IllegalArgumentException.class, () -> WorkflowTasks.CASE.handlerOf("TriageFollowUp"));
    assertThrows(IllegalArgumentException.class, () -> WorkflowTasks.CASE.handlerOf("SendToEhr"));
    assertEquals("EhrDelivery", WorkflowTasks.EHR_DELIVERY.idPrefix());
  }

  @Test
  void missingHandlersAreNamedUntilTheJarsHoldAllAndFhirTasksAreLookedForInTheFhirJar()
      throws IOException {
    FunctionsJar partial =
        FunctionsJar.open(
            FunctionsJarTest.fixtureJar(
                dir,
                "com/dermrelay/review/workflow/TriageTaskHandler.class",
                // In the functions jar, where a FHIR handler does not count.
                "com/dermrelay/fhir/workflow/SendToEhrTaskHandler.class"));
    DeploymentJars jars =
        new DeploymentJars(partial, FunctionsJar.openIfBuilt(dir.resolve("absent.jar")));
    List<String> missing = WorkflowTasks.CASE.missingFrom(jars);
    assertEquals(8, missing.size(), missing.toString());
    assertFalse(missing.contains(WorkflowTasks.CASE.handlerOf("Triage")));
    assertEquals(
        List.copyOf(WorkflowTasks.EHR_DELIVERY.handlers().values()),
        WorkflowTasks.EHR_DELIVERY.missingFrom(jars));

    FunctionsJar fhir =
        FunctionsJar.open(
            FunctionsJarTest.fixtureJar(
                dir,
                WorkflowTasks.EHR_DELIVERY.handlers().values().stream()
                    .map(handler -> handler.replace('.', '/') + ".class")
                    .toArray(String[]::new)));
    assertTrue(WorkflowTasks.EHR_DELIVERY.missingFrom(new DeploymentJars(partial, fhir)).isEmpty());
  }

  @Test
  void onlyTheTasksThatNotifyMaySendAndNoCaseTaskReadsPhotos() {
    for (String task : WorkflowTasks.CASE.tasks()) {
      FunctionProfile profile = FunctionProfile.forHandler(WorkflowTasks.CASE.handlerOf(task));
      assertEquals(768, profile.memoryMb(), task);
      assertTrue(profile.has(FunctionProfile.Access.TABLE_WRITE), task);
      assertFalse(profile.has(FunctionProfile.Access.MEDIA_READ), task);
    }
    assertFalse(profile(WorkflowTasks.CASE, "CloseCase").has(FunctionProfile.Access.NOTIFY));
    assertFalse(profile(WorkflowTasks.CASE, "Triage").has(FunctionProfile.Access.NOTIFY));
    assertTrue(profile(WorkflowTasks.CASE, "DeliverAnswer").has(FunctionProfile.Access.NOTIFY));
    assertTrue(
        profile(WorkflowTasks.EHR_DELIVERY, "RecordEhrFailure").has(FunctionProfile.Access.NOTIFY));
    assertFalse(
        profile(WorkflowTasks.EHR_DELIVERY, "RecordEhrFailure")
            .has(FunctionProfile.Access.EHR_CREDENTIALS));
  }

  @Test
  void ofTheCaseWorkflowOnlyDeliverAnswerStartsAnEhrDelivery() {
    for (String task : WorkflowTasks.CASE.tasks()) {
      assertEquals(
          task.equals("DeliverAnswer"),
          profile(WorkflowTasks.CASE, task).has(FunctionProfile.Access.EHR_WORKFLOW_START),
          task);
    }
  }

  private static FunctionProfile profile(WorkflowTasks workflow, String task) {
    return FunctionProfile.forHandler(workflow.handlerOf(task));
  }
}
