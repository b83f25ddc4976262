package com.dermrelay.local.workflow;

import static com.dermrelay.local.workflow.CaseWorkflow.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Rules every state of the case workflow keeps, so that no case can end silently. */
class CaseWorkflowDefinitionTest {
  private static final List<String> TRANSIENT_LAMBDA_ERRORS =
      List.of(
          "Lambda.ServiceException",
          "Lambda.AWSLambdaException",
          "Lambda.SdkClientException",
          "Lambda.TooManyRequestsException",
          "com.dermrelay.core.workflow.DependencyUnavailableException");
  private final JsonNode states = json(CaseWorkflow.rawDefinition()).get("States");

  private List<Map.Entry<String, JsonNode>> tasks() {
    List<Map.Entry<String, JsonNode>> tasks = new ArrayList<>();
    states
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().get("Type").textValue().equals("Task")) {
                tasks.add(e);
              }
            });
    return tasks;
  }

  @Test
  void everyTaskRetriesTransientLambdaErrors() {
    for (Map.Entry<String, JsonNode> task : tasks()) {
      List<String> retried = new ArrayList<>();
      task.getValue()
          .get("Retry")
          .get(0)
          .get("ErrorEquals")
          .forEach(e -> retried.add(e.textValue()));
      assertEquals(TRANSIENT_LAMBDA_ERRORS, retried, task.getKey());
    }
  }

  @Test
  void everyTaskCatchesEverythingLastAndRecordsTheFailure() {
    for (Map.Entry<String, JsonNode> task : tasks()) {
      JsonNode catches = task.getValue().get("Catch");
      JsonNode last = catches.get(catches.size() - 1);
      assertEquals("[\"States.ALL\"]", last.get("ErrorEquals").toString(), task.getKey());
      String expected =
          task.getKey().equals("RecordFailure") ? "FailureNotRecorded" : "RecordFailure";
      assertEquals(expected, last.get("Next").textValue(), task.getKey());
    }
    assertEquals("CaseFailed", states.get("RecordFailure").get("Next").textValue());
  }

  @Test
  void onlyFailStatesAfterRecordingEndTheExecutionUnsuccessfully() {
    Set<String> failStates = new TreeSet<>();
    states
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().get("Type").textValue().equals("Fail")) {
                failStates.add(e.getKey());
              }
            });
    assertEquals(Set.of("CaseFailed", "FailureNotRecorded"), failStates);
  }

  @Test
  void functionsAreCdkSubstitutionsNamedAfterTheirJob() {
    Matcher m = Pattern.compile("\\$\\{([A-Za-z]+)}").matcher(CaseWorkflow.rawDefinition());
    Set<String> names = new TreeSet<>();
    while (m.find()) {
      names.add(m.group(1));
    }
    assertEquals(
        new TreeSet<>(
            List.of(
                "AwaitPhotoChecksFunctionArn",
                "TriageFunctionArn",
                "QueueForReviewFunctionArn",
                "EscalateFunctionArn",
                "RequestMoreInfoFunctionArn",
                "DeliverAnswerFunctionArn",
                "InviteFollowUpFunctionArn",
                "CloseCaseFunctionArn",
                "RecordFailureFunctionArn")),
        names);
    for (Map.Entry<String, JsonNode> task : tasks()) {
      assertTrue(
          task.getValue()
              .get("Parameters")
              .get("FunctionName")
              .textValue()
              .matches("\\$\\{[A-Za-z]+FunctionArn}"),
          task.getKey());
    }
  }
}
