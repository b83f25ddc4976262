package com.dermrelay.local;

import com.dermrelay.local.functions.FunctionFailedException;
import com.dermrelay.local.functions.InProcessFunctions;
import com.dermrelay.local.identity.UserPoolTrigger;
import com.dermrelay.local.stepfunctions.TaskFailedException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's functions as the AWS services call them, in-process: Step Functions' Task states
 * by Lambda name, Cognito's user pool triggers, and the reconciler's schedule. The services start
 * before the functions (whose environment names the services' endpoints), so the functions are
 * handed over once they exist; a call before that is a bug in the start order.
 */
final class FunctionCalls {
  private static final Logger LOG = LoggerFactory.getLogger(FunctionCalls.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WorkflowFunctions workflowFunctions;

  /** Workflow functions whose next responses are lost after they ran (a test's fault). */
  private final Map<String, Integer> responsesToLose = new ConcurrentHashMap<>();

  private volatile InProcessFunctions functions;

  FunctionCalls(WorkflowFunctions workflowFunctions) {
    this.workflowFunctions = workflowFunctions;
  }

  void started(InProcessFunctions started) {
    this.functions = started;
  }

  /** A Task state's call of a workflow function, by its ARN or name. */
  JsonNode task(String functionArnOrName, JsonNode payload) throws TaskFailedException {
    String name = functionArnOrName.substring(functionArnOrName.lastIndexOf(':') + 1);
    String handler = workflowFunctions.handlerFor(name);
    if (handler == null) {
      throw new TaskFailedException(
          "Lambda.ResourceNotFoundException", "Function not found: " + name);
    }
    JsonNode result;
    try {
      result = functions().invokeJson(handler, payload, name);
    } catch (FunctionFailedException e) {
      throw new TaskFailedException(e.errorType(), e.errorMessage());
    }
    if (takeLostResponse(name)) {
      throw new TaskFailedException(
          "Lambda.ServiceException", "The function ran but its response was lost (injected).");
    }
    return result;
  }

  /** See {@link LocalStack#loseNextTaskResponses}. */
  void loseNextTaskResponses(String name, int count) {
    if (count > 0) {
      responsesToLose.put(name, count);
    }
  }

  private boolean takeLostResponse(String name) {
    boolean[] lost = {false};
    responsesToLose.computeIfPresent(
        name,
        (key, left) -> {
          lost[0] = true;
          return left > 1 ? left - 1 : null;
        });
    return lost[0];
  }

  /** Cognito calls its triggers synchronously; here the same handler runs in-process. */
  Map<String, Object> trigger(String handler, String name, Map<String, Object> event) {
    try {
      JsonNode result = functions().invokeJson(handler, JSON.valueToTree(event), name);
      return JSON.convertValue(result, new TypeReference<Map<String, Object>>() {});
    } catch (FunctionFailedException e) {
      throw new UserPoolTrigger.Failed(e.errorMessage());
    }
  }

  /** One run of the reconciler of stranded cases; its counts. */
  JsonNode reconcile() {
    try {
      return functions()
          .invokeJson(
              LocalStack.RECONCILER_HANDLER,
              JSON.createObjectNode(),
              "ReconcileStrandedCasesHandler");
    } catch (FunctionFailedException e) {
      throw new IllegalStateException("the reconciler failed: " + e.errorMessage(), e);
    }
  }

  /** A scheduled run: a failure is logged, and the next run tries again. */
  void reconcileQuietly() {
    try {
      reconcile();
    } catch (RuntimeException e) {
      LOG.warn("the reconciler's run failed; the next one tries again", e);
    }
  }

  private InProcessFunctions functions() {
    InProcessFunctions started = functions;
    if (started == null) {
      throw new IllegalStateException("the functions are not started yet");
    }
    return started;
  }
}
