package com.dermrelay.local.stepfunctions.api;

import com.dermrelay.local.http.Exchanges;
import com.dermrelay.local.stepfunctions.ExecutionDescription;
import com.dermrelay.local.stepfunctions.ExecutionStatus;
import com.dermrelay.local.stepfunctions.HistoryEvent;
import com.dermrelay.local.stepfunctions.StateMachineDescription;
import com.dermrelay.local.stepfunctions.StepFunctionsException;
import com.dermrelay.local.stepfunctions.StepFunctionsService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Maps each API operation's JSON request to the service and its result to the JSON response. */
final class SfnOperations {
  private final StepFunctionsService service;

  SfnOperations(StepFunctionsService service) {
    this.service = service;
  }

  ObjectNode dispatch(String operation, ObjectNode request) {
    ObjectNode out = Exchanges.JSON.createObjectNode();
    switch (operation) {
      case "CreateStateMachine":
        {
          StateMachineDescription created =
              service.createStateMachine(
                  required(request, "name"),
                  required(request, "definition"),
                  text(request, "roleArn"),
                  text(request, "type"));
          out.put("stateMachineArn", created.stateMachineArn());
          putTime(out, "creationDate", created.creationDate());
          return out;
        }
      case "UpdateStateMachine":
        putTime(
            out,
            "updateDate",
            service.updateStateMachine(
                required(request, "stateMachineArn"),
                text(request, "definition"),
                text(request, "roleArn")));
        return out;
      case "DescribeStateMachine":
        {
          StateMachineDescription d =
              service.describeStateMachine(required(request, "stateMachineArn"));
          out.put("stateMachineArn", d.stateMachineArn());
          out.put("name", d.name());
          out.put("status", "ACTIVE");
          out.put("definition", d.definition());
          putIfPresent(out, "roleArn", d.roleArn());
          out.put("type", d.type());
          putTime(out, "creationDate", d.creationDate());
          return out;
        }
      case "ListStateMachines":
        return page(request, "stateMachines", toMachines(service.listStateMachines()));
      case "DeleteStateMachine":
        service.deleteStateMachine(required(request, "stateMachineArn"));
        return out;
      case "StartExecution":
        {
          ExecutionDescription started =
              service.startExecution(
                  required(request, "stateMachineArn"),
                  text(request, "name"),
                  text(request, "input"));
          out.put("executionArn", started.executionArn());
          putTime(out, "startDate", started.startDate());
          return out;
        }
      case "DescribeExecution":
        return describe(service.describeExecution(required(request, "executionArn")));
      case "ListExecutions":
        {
          String filter = text(request, "statusFilter");
          ExecutionStatus status;
          try {
            status = filter == null ? null : ExecutionStatus.valueOf(filter);
          } catch (IllegalArgumentException e) {
            throw new StepFunctionsException(
                "ValidationException", "Unknown statusFilter " + filter);
          }
          List<ObjectNode> items = new ArrayList<>();
          for (ExecutionDescription d :
              service.listExecutions(required(request, "stateMachineArn"), status)) {
            items.add(listItem(d));
          }
          return page(request, "executions", items);
        }
      case "GetExecutionHistory":
        {
          List<HistoryEvent> events =
              new ArrayList<>(service.getExecutionHistory(required(request, "executionArn")));
          if (request.path("reverseOrder").asBoolean(false)) {
            Collections.reverse(events);
          }
          boolean includeData = request.path("includeExecutionData").asBoolean(true);
          List<ObjectNode> items = new ArrayList<>();
          events.forEach(e -> items.add(HistoryJson.event(e, includeData)));
          return page(request, "events", items);
        }
      case "StopExecution":
        putTime(
            out,
            "stopDate",
            service.stopExecution(
                required(request, "executionArn"), text(request, "error"), text(request, "cause")));
        return out;
      case "SendTaskSuccess":
        service.sendTaskSuccess(required(request, "taskToken"), required(request, "output"));
        return out;
      case "SendTaskFailure":
        service.sendTaskFailure(
            required(request, "taskToken"), text(request, "error"), text(request, "cause"));
        return out;
      case "SendTaskHeartbeat":
        service.sendTaskHeartbeat(required(request, "taskToken"));
        return out;
      default:
        throw new StepFunctionsException(
            "UnknownOperationException",
            "The local Step Functions emulator does not implement " + operation);
    }
  }

  private static ObjectNode describe(ExecutionDescription d) {
    ObjectNode out = listItem(d);
    putIfPresent(out, "input", d.input());
    out.putObject("inputDetails").put("included", true);
    if (d.output() != null) {
      out.put("output", d.output());
      out.putObject("outputDetails").put("included", true);
    }
    putIfPresent(out, "error", d.error());
    putIfPresent(out, "cause", d.cause());
    return out;
  }

  private static ObjectNode listItem(ExecutionDescription d) {
    ObjectNode out = Exchanges.JSON.createObjectNode();
    out.put("executionArn", d.executionArn());
    out.put("stateMachineArn", d.stateMachineArn());
    out.put("name", d.name());
    out.put("status", d.status().name());
    putTime(out, "startDate", d.startDate());
    if (d.stopDate() != null) {
      putTime(out, "stopDate", d.stopDate());
    }
    return out;
  }

  private static List<ObjectNode> toMachines(List<StateMachineDescription> machines) {
    List<ObjectNode> items = new ArrayList<>();
    for (StateMachineDescription d : machines) {
      ObjectNode item = Exchanges.JSON.createObjectNode();
      item.put("stateMachineArn", d.stateMachineArn());
      item.put("name", d.name());
      item.put("type", d.type());
      putTime(item, "creationDate", d.creationDate());
      items.add(item);
    }
    return items;
  }

  /** maxResults/nextToken paging; the token is the offset of the next item. */
  private static ObjectNode page(ObjectNode request, String field, List<ObjectNode> items) {
    int max = request.path("maxResults").asInt(0);
    if (max <= 0) {
      max = 100;
    }
    int from = 0;
    String token = text(request, "nextToken");
    if (token != null) {
      try {
        from = Integer.parseInt(token);
      } catch (NumberFormatException e) {
        throw new StepFunctionsException("InvalidToken", "Invalid Token: 'Invalid nextToken'");
      }
      if (from < 0 || from > items.size()) {
        throw new StepFunctionsException("InvalidToken", "Invalid Token: 'Invalid nextToken'");
      }
    }
    int to = Math.min(items.size(), from + max);
    ObjectNode out = Exchanges.JSON.createObjectNode();
    ArrayNode array = out.putArray(field);
    items.subList(from, to).forEach(array::add);
    if (to < items.size()) {
      out.put("nextToken", String.valueOf(to));
    }
    return out;
  }

  static void putTime(ObjectNode node, String field, Instant instant) {
    // AWS JSON protocols send timestamps as epoch seconds with a fraction.
    node.put(field, BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3));
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  private static String text(JsonNode request, String field) {
    JsonNode value = request.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new StepFunctionsException("ValidationException", "'" + field + "' must be a string");
    }
    return value.textValue();
  }

  private static String required(JsonNode request, String field) {
    String value = text(request, field);
    if (value == null) {
      throw new StepFunctionsException(
          "ValidationException",
          "1 validation error detected: Value null at '"
              + field
              + "' failed to satisfy constraint: Member must not be null");
    }
    return value;
  }
}
