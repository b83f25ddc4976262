package com.dermrelay.testing;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.stepfunctions.ExecutionDescription;
import com.dermrelay.local.stepfunctions.HistoryEvent;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Looks at EHR delivery from the outside: its executions, their attempts, the stored record. */
public final class EhrDeliveries {
  private final LocalStack stack;
  private final ApiCalls api;

  public EhrDeliveries(LocalStack stack, ApiCalls api) {
    this.stack = stack;
    this.api = api;
  }

  /** The delivery execution of a round (its name is deterministic). */
  public static String executionArn(String tenantId, String caseId, int round) {
    return "arn:aws:states:"
        + LocalStackConfig.REGION
        + ":"
        + LocalStackConfig.ACCOUNT_ID
        + ":execution:dermrelay-ehr-delivery:ehr-"
        + tenantId
        + "-"
        + caseId
        + "-"
        + round;
  }

  public ExecutionDescription execution(String tenantId, String caseId, int round) {
    return stack.stepFunctions().service().describeExecution(executionArn(tenantId, caseId, round));
  }

  /** How many times SendToEhr was invoked (the first attempt and each retry). */
  public int sendAttempts(String tenantId, String caseId, int round) {
    int attempts = 0;
    String current = "";
    for (HistoryEvent e :
        stack
            .stepFunctions()
            .service()
            .getExecutionHistory(executionArn(tenantId, caseId, round))) {
      if (e.type().endsWith("StateEntered")) {
        current = e.details().get("name").asText();
      } else if (e.type().equals("TaskScheduled") && current.equals("SendToEhr")) {
        attempts++;
      }
    }
    return attempts;
  }

  /** The stored delivery record {@code EHR#<round>}, as the table holds it. */
  public Optional<Map<String, AttributeValue>> record(String tenantId, String caseId, int round) {
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      Map<String, AttributeValue> item =
          dynamoDb
              .getItem(
                  r ->
                      r.tableName(LocalStackConfig.TABLE)
                          .consistentRead(true)
                          .key(
                              Map.of(
                                  "pk",
                                  AttributeValue.fromS("TENANT#" + tenantId + "#CASE#" + caseId),
                                  "sk",
                                  AttributeValue.fromS("EHR#" + String.format("%03d", round)))))
              .item();
      return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }
  }
}
