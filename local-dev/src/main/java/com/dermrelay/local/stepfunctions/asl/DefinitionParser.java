package com.dermrelay.local.stepfunctions.asl;

import com.dermrelay.local.http.Exchanges;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses and validates an ASL definition. Everything the emulator cannot run is refused here with a
 * message naming the problem and where it is, so an execution never half-runs.
 */
public final class DefinitionParser {
  private static final Set<String> TOP_FIELDS =
      Set.of("StartAt", "States", "Comment", "Version", "TimeoutSeconds", "QueryLanguage");
  private static final Set<String> FLOW =
      Set.of("Type", "Comment", "Next", "End", "InputPath", "OutputPath", "QueryLanguage");
  private static final Set<String> PASS_FIELDS = union(FLOW, "Result", "ResultPath", "Parameters");
  private static final Set<String> TASK_FIELDS =
      union(
          FLOW,
          "Resource",
          "Parameters",
          "ResultSelector",
          "ResultPath",
          "Retry",
          "Catch",
          "TimeoutSeconds",
          "TimeoutSecondsPath",
          "HeartbeatSeconds",
          "HeartbeatSecondsPath");
  private static final Set<String> PARALLEL_FIELDS =
      union(FLOW, "Branches", "Parameters", "ResultSelector", "ResultPath", "Retry", "Catch");
  private static final Set<String> WAIT_FIELDS =
      union(FLOW, "Seconds", "Timestamp", "SecondsPath", "TimestampPath");
  private static final Set<String> CHOICE_FIELDS =
      Set.of("Type", "Comment", "Choices", "Default", "InputPath", "OutputPath", "QueryLanguage");
  private static final Set<String> SUCCEED_FIELDS =
      Set.of("Type", "Comment", "InputPath", "OutputPath", "QueryLanguage");
  private static final Set<String> FAIL_FIELDS =
      Set.of("Type", "Comment", "Error", "Cause", "ErrorPath", "CausePath", "QueryLanguage");
  private static final Set<String> BRANCH_FIELDS = Set.of("StartAt", "States", "Comment");
  private static final Set<String> LAMBDA_INVOKE_PARAMETERS =
      Set.of("FunctionName", "Payload", "InvocationType", "Qualifier", "ClientContext");

  private DefinitionParser() {}

  public static StateMachineDefinition parse(String definition) throws InvalidDefinitionException {
    JsonNode root;
    try {
      root = Exchanges.JSON.readTree(definition == null ? "" : definition);
    } catch (JsonProcessingException e) {
      throw new InvalidDefinitionException(
          "Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: "
              + e.getOriginalMessage()
              + "'");
    }
    if (root == null || !root.isObject()) {
      throw new InvalidDefinitionException(
          "Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: the definition must be a JSON object'");
    }
    Fields.onlyAllowed(root, TOP_FIELDS, "");
    queryLanguage(root, "");
    Integer timeout = Fields.positiveInt(root, "TimeoutSeconds", "", 1);
    return new StateMachineDefinition(graph(root, ""), timeout);
  }

  private static void queryLanguage(JsonNode node, String pointer)
      throws InvalidDefinitionException {
    String language = Fields.optionalText(node, "QueryLanguage", pointer);
    if (language != null && !language.equals("JSONPath")) {
      throw Fields.schema(
          "QueryLanguage '"
              + language
              + "' is not supported by the local emulator; only JSONPath is",
          pointer + "/QueryLanguage");
    }
  }

  private static StateGraph graph(JsonNode node, String pointer) throws InvalidDefinitionException {
    String startAt = Fields.requiredText(node, "StartAt", pointer);
    JsonNode states = node.get("States");
    if (states == null || !states.isObject() || states.isEmpty()) {
      throw Fields.schema("The field 'States' must be a non-empty object", pointer);
    }
    Map<String, State> parsed = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = states.properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String name = entry.getKey();
      String where = pointer + "/States/" + name;
      if (name.isEmpty() || name.length() > 80) {
        throw Fields.schema("State names must be 1 to 80 characters long", where);
      }
      parsed.put(name, state(name, entry.getValue(), where));
    }
    if (!parsed.containsKey(startAt)) {
      throw InvalidDefinitionException.at(
          "MISSING_TRANSITION_TARGET", "Missing 'Next' target: " + startAt, pointer + "/StartAt");
    }
    checkTransitions(parsed, pointer);
    return new StateGraph(startAt, Map.copyOf(parsed));
  }

  private static State state(String name, JsonNode node, String where)
      throws InvalidDefinitionException {
    if (!node.isObject()) {
      throw Fields.schema("A state must be an object", where);
    }
    String type = Fields.requiredText(node, "Type", where);
    queryLanguage(node, where);
    switch (type) {
      case "Pass":
        Fields.onlyAllowed(node, PASS_FIELDS, where);
        return new State.Pass(
            name,
            next(node, where),
            Fields.ioPath(node, "InputPath", where),
            Fields.ioPath(node, "OutputPath", where),
            Fields.template(node, "Parameters", where),
            node.get("Result"),
            Fields.resultPath(node, "ResultPath", where));
      case "Task":
        Fields.onlyAllowed(node, TASK_FIELDS, where);
        return task(name, node, where);
      case "Choice":
        Fields.onlyAllowed(node, CHOICE_FIELDS, where);
        return choice(name, node, where);
      case "Wait":
        Fields.onlyAllowed(node, WAIT_FIELDS, where);
        return waitState(name, node, where);
      case "Parallel":
        Fields.onlyAllowed(node, PARALLEL_FIELDS, where);
        return parallel(name, node, where);
      case "Succeed":
        Fields.onlyAllowed(node, SUCCEED_FIELDS, where);
        return new State.Succeed(
            name,
            Fields.ioPath(node, "InputPath", where),
            Fields.ioPath(node, "OutputPath", where));
      case "Fail":
        Fields.onlyAllowed(node, FAIL_FIELDS, where);
        return fail(name, node, where);
      case "Map":
        throw Fields.schema(
            "The Map state is not supported by the local Step Functions emulator", where + "/Type");
      default:
        throw Fields.schema("Unknown state type '" + type + "'", where + "/Type");
    }
  }

  /** Exactly one of Next or "End": true. */
  private static String next(JsonNode node, String where) throws InvalidDefinitionException {
    String next = Fields.optionalText(node, "Next", where);
    JsonNode end = node.get("End");
    if (end != null && !end.isBoolean()) {
      throw Fields.schema("The value for the field 'End' must be a BOOLEAN", where + "/End");
    }
    boolean isEnd = end != null && end.booleanValue();
    if (next != null && isEnd) {
      throw Fields.schema("A state cannot have both 'Next' and 'End'", where);
    }
    if (next == null && !isEnd) {
      throw Fields.schema("A state must have either 'Next' or \"End\": true", where);
    }
    return next;
  }

  private static State task(String name, JsonNode node, String where)
      throws InvalidDefinitionException {
    String resource = Fields.requiredText(node, "Resource", where);
    TaskResource.Kind kind = TaskResource.kindOf(resource);
    if (kind == null) {
      throw Fields.schema(
          "The resource '"
              + resource
              + "' is not supported by the local emulator (supported: a Lambda function ARN, "
              + TaskResource.LAMBDA_INVOKE
              + " and "
              + TaskResource.LAMBDA_INVOKE
              + TaskResource.WAIT_FOR_TASK_TOKEN
              + ")",
          where + "/Resource");
    }
    JsonNode parameters = Fields.template(node, "Parameters", where);
    if (kind != TaskResource.Kind.LAMBDA_FUNCTION) {
      checkLambdaInvokeParameters(parameters, kind, where);
    }
    Integer timeout = Fields.positiveInt(node, "TimeoutSeconds", where, 1);
    String timeoutPath = Fields.referencePath(node, "TimeoutSecondsPath", where);
    Integer heartbeat = Fields.positiveInt(node, "HeartbeatSeconds", where, 1);
    String heartbeatPath = Fields.referencePath(node, "HeartbeatSecondsPath", where);
    if (timeout != null && timeoutPath != null) {
      throw Fields.schema(
          "'TimeoutSeconds' and 'TimeoutSecondsPath' are mutually exclusive", where);
    }
    if (heartbeat != null && heartbeatPath != null) {
      throw Fields.schema(
          "'HeartbeatSeconds' and 'HeartbeatSecondsPath' are mutually exclusive", where);
    }
    if (heartbeat != null && timeout != null && heartbeat >= timeout) {
      throw Fields.schema(
          "'HeartbeatSeconds' must be smaller than 'TimeoutSeconds'", where + "/HeartbeatSeconds");
    }
    return new State.Task(
        name,
        next(node, where),
        Fields.ioPath(node, "InputPath", where),
        Fields.ioPath(node, "OutputPath", where),
        new TaskResource(resource, kind),
        parameters,
        Fields.template(node, "ResultSelector", where),
        Fields.resultPath(node, "ResultPath", where),
        RetryCatchParser.retry(node, where),
        RetryCatchParser.catchers(node, where),
        timeout,
        timeoutPath,
        heartbeat,
        heartbeatPath);
  }

  private static void checkLambdaInvokeParameters(
      JsonNode parameters, TaskResource.Kind kind, String where) throws InvalidDefinitionException {
    if (parameters == null || !parameters.isObject()) {
      throw Fields.schema("lambda:invoke needs 'Parameters' with 'FunctionName'", where);
    }
    for (Iterator<String> it = parameters.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      String bare = key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
      if (!LAMBDA_INVOKE_PARAMETERS.contains(bare)) {
        throw Fields.schema(
            "The field '" + bare + "' is not supported by Step Functions for lambda:invoke",
            where + "/Parameters/" + key);
      }
    }
    if (!parameters.has("FunctionName") && !parameters.has("FunctionName.$")) {
      throw Fields.schema(
          "The field 'FunctionName' is required in the Parameters of lambda:invoke",
          where + "/Parameters");
    }
    if (kind == TaskResource.Kind.LAMBDA_INVOKE_CALLBACK
        && !parameters.toString().contains("$$.Task.Token")) {
      throw Fields.schema(
          "The 'Parameters' of a .waitForTaskToken task must pass the task token ($$.Task.Token)",
          where + "/Parameters");
    }
  }

  private static State choice(String name, JsonNode node, String where)
      throws InvalidDefinitionException {
    JsonNode choices = node.get("Choices");
    if (choices == null || !choices.isArray() || choices.isEmpty()) {
      throw Fields.schema("The field 'Choices' must be a non-empty array", where);
    }
    List<ChoiceRule.Branch> branches = new ArrayList<>();
    for (int i = 0; i < choices.size(); i++) {
      branches.add(ChoiceRuleParser.branch(choices.get(i), where + "/Choices/" + i));
    }
    return new State.Choice(
        name,
        Fields.ioPath(node, "InputPath", where),
        Fields.ioPath(node, "OutputPath", where),
        List.copyOf(branches),
        Fields.optionalText(node, "Default", where));
  }

  private static State waitState(String name, JsonNode node, String where)
      throws InvalidDefinitionException {
    int count = 0;
    for (String field : List.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath")) {
      count += node.has(field) ? 1 : 0;
    }
    if (count != 1) {
      throw Fields.schema(
          "A Wait state needs exactly one of Seconds, Timestamp, SecondsPath, TimestampPath",
          where);
    }
    Integer seconds = Fields.positiveInt(node, "Seconds", where, 0);
    String timestampText = Fields.optionalText(node, "Timestamp", where);
    java.time.Instant timestamp = null;
    if (timestampText != null) {
      timestamp =
          Timestamps.parse(timestampText)
              .orElseThrow(
                  () ->
                      Fields.schema(
                          "The value for the field 'Timestamp' must be an RFC 3339 timestamp",
                          where + "/Timestamp"));
    }
    return new State.Wait(
        name,
        next(node, where),
        Fields.ioPath(node, "InputPath", where),
        Fields.ioPath(node, "OutputPath", where),
        seconds == null ? null : seconds.longValue(),
        timestamp,
        Fields.referencePath(node, "SecondsPath", where),
        Fields.referencePath(node, "TimestampPath", where));
  }

  private static State parallel(String name, JsonNode node, String where)
      throws InvalidDefinitionException {
    JsonNode branches = node.get("Branches");
    if (branches == null || !branches.isArray() || branches.isEmpty()) {
      throw Fields.schema("The field 'Branches' must be a non-empty array", where);
    }
    List<StateGraph> graphs = new ArrayList<>();
    for (int i = 0; i < branches.size(); i++) {
      String branchWhere = where + "/Branches/" + i;
      JsonNode branch = branches.get(i);
      if (!branch.isObject()) {
        throw Fields.schema("A branch must be an object", branchWhere);
      }
      Fields.onlyAllowed(branch, BRANCH_FIELDS, branchWhere);
      graphs.add(graph(branch, branchWhere));
    }
    return new State.Parallel(
        name,
        next(node, where),
        Fields.ioPath(node, "InputPath", where),
        Fields.ioPath(node, "OutputPath", where),
        List.copyOf(graphs),
        Fields.template(node, "Parameters", where),
        Fields.template(node, "ResultSelector", where),
        Fields.resultPath(node, "ResultPath", where),
        RetryCatchParser.retry(node, where),
        RetryCatchParser.catchers(node, where));
  }

  private static State fail(String name, JsonNode node, String where)
      throws InvalidDefinitionException {
    String error = Fields.optionalText(node, "Error", where);
    String cause = Fields.optionalText(node, "Cause", where);
    String errorPath = Fields.optionalText(node, "ErrorPath", where);
    String causePath = Fields.optionalText(node, "CausePath", where);
    if (error != null && errorPath != null) {
      throw Fields.schema("'Error' and 'ErrorPath' are mutually exclusive", where);
    }
    if (cause != null && causePath != null) {
      throw Fields.schema("'Cause' and 'CausePath' are mutually exclusive", where);
    }
    for (String[] field : new String[][] {{"ErrorPath", errorPath}, {"CausePath", causePath}}) {
      if (field[1] != null) {
        try {
          PayloadTemplate.checkExpression(field[1]);
        } catch (IllegalArgumentException e) {
          throw Fields.schema(
              "The value for the field '"
                  + field[0]
                  + "' must be a path or an intrinsic function: "
                  + e.getMessage(),
              where + "/" + field[0]);
        }
      }
    }
    return new State.Fail(name, error, cause, errorPath, causePath);
  }

  /** Every Next, Default and Catch Next must name a state of the same graph. */
  private static void checkTransitions(Map<String, State> states, String pointer)
      throws InvalidDefinitionException {
    for (State state : states.values()) {
      String where = pointer + "/States/" + state.name();
      Set<String> targets = new HashSet<>();
      if (state instanceof State.Choice choice) {
        choice.choices().forEach(b -> targets.add(b.next()));
        if (choice.defaultNext() != null) {
          targets.add(choice.defaultNext());
        }
      } else {
        String next = nextOf(state);
        if (next != null) {
          targets.add(next);
        }
        catchersOf(state).forEach(c -> targets.add(c.next()));
      }
      for (String target : targets) {
        if (!states.containsKey(target)) {
          throw InvalidDefinitionException.at(
              "MISSING_TRANSITION_TARGET", "Missing 'Next' target: " + target, where);
        }
      }
    }
  }

  private static String nextOf(State state) {
    if (state instanceof State.Pass s) {
      return s.next();
    }
    if (state instanceof State.Task s) {
      return s.next();
    }
    if (state instanceof State.Wait s) {
      return s.next();
    }
    if (state instanceof State.Parallel s) {
      return s.next();
    }
    return null;
  }

  private static List<State.Catcher> catchersOf(State state) {
    if (state instanceof State.Task s) {
      return s.catchers();
    }
    if (state instanceof State.Parallel s) {
      return s.catchers();
    }
    return List.of();
  }

  private static Set<String> union(Set<String> base, String... more) {
    Set<String> all = new HashSet<>(base);
    all.addAll(List.of(more));
    return Set.copyOf(all);
  }
}
