package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowTasksTest {

  @TempDir
  Path dir;

  @Test
  void theTasksAreExactlyTheFunctionPlaceholdersOfTheAslFile() {
    Matcher matcher = Pattern.compile("\"\\$\\{([A-Za-z]+)FunctionArn}\"").matcher(CaseWorkflow.readAsl());
    Set<String> placeholders = new TreeSet<>();
    while (matcher.find()) {
      placeholders.add(matcher.group(1));
    }
    assertEquals(new TreeSet<>(WorkflowTasks.TASKS), placeholders);
  }

  @Test
  void handlerClassesFollowOneConventionInOnePackage() {
    assertEquals("com.dermrelay.review.workflow.TriageTaskHandler", WorkflowTasks.handlerOf("Triage"));
    assertEquals("TriageFunctionArn", WorkflowTasks.substitutionKey("Triage"));
    assertEquals(WorkflowTasks.TASKS, List.copyOf(WorkflowTasks.handlers().keySet()));
    assertThrows(IllegalArgumentException.class, () -> WorkflowTasks.handlerOf("TriageFollowUp"));
  }

  @Test
  void missingHandlersAreNamedUntilTheJarHoldsAll() throws IOException {
    FunctionsJar partial = FunctionsJar.open(FunctionsJarTest.fixtureJar(dir,
        "com/dermrelay/review/workflow/TriageTaskHandler.class"));
    List<String> missing = WorkflowTasks.missingFrom(partial);
    assertEquals(8, missing.size(), missing.toString());
    assertFalse(missing.contains(WorkflowTasks.handlerOf("Triage")));

    String[] all = WorkflowTasks.handlers().values().stream()
        .map(handler -> handler.replace('.', '/') + ".class").toArray(String[]::new);
    assertTrue(WorkflowTasks.missingFrom(FunctionsJar.open(FunctionsJarTest.fixtureJar(dir, all))).isEmpty());
  }

  @Test
  void onlyTheTasksThatNotifyMaySendAndNoTaskReadsPhotos() {
    for (String task : WorkflowTasks.TASKS) {
      FunctionProfile profile = FunctionProfile.forHandler(WorkflowTasks.handlerOf(task));
      assertEquals(768, profile.memoryMb(), task);
      assertTrue(profile.has(FunctionProfile.Access.TABLE_WRITE), task);
      assertFalse(profile.has(FunctionProfile.Access.MEDIA_READ), task);
    }
    assertFalse(FunctionProfile.forHandler(WorkflowTasks.handlerOf("CloseCase")).has(FunctionProfile.Access.NOTIFY));
    assertFalse(FunctionProfile.forHandler(WorkflowTasks.handlerOf("Triage")).has(FunctionProfile.Access.NOTIFY));
    assertTrue(FunctionProfile.forHandler(WorkflowTasks.handlerOf("DeliverAnswer")).has(FunctionProfile.Access.NOTIFY));
  }
}
