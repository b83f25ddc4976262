package com.dermrelay.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.gateway.contract.ContractViolation;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.IntakeJourney;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stack every integration test gets checks the contract: a real handler's answer that breaks
 * api-spec/openapi.yaml (here from a stored photo verdict the contract does not know) is on record,
 * named by operation and JSON pointer, by the time the client has it. This test takes the violation
 * itself; left there, LocalStackExtension would fail the test with it.
 */
@ExtendWith(LocalStackExtension.class)
class ContractCheckIT {
  @Test
  void anAnswerThatBreaksTheContractIsOnRecordWithItsOperationAndPointer(LocalStack stack) {
    ApiCalls api = new ApiCalls(stack);
    IntakeJourney journey = new IntakeJourney(stack, api);
    IntakeJourney.Patient patient = journey.newPatient("northside-skin");
    String caseId = journey.draft(patient, IntakeJourney.routineIntake());
    journey.uploadPhoto(patient, caseId, "close_up");
    assertEquals(
        List.of(),
        stack.takeContractViolations(),
        "what the API answered so far keeps the contract");

    Map<String, AttributeValue> key =
        Map.of(
            "pk",
            AttributeValue.fromS("TENANT#northside-skin#CASE#" + caseId),
            "sk",
            AttributeValue.fromS("CASE"));
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      String doc =
          dynamoDb
              .getItem(r -> r.tableName(LocalStackConfig.TABLE).key(key).consistentRead(true))
              .item()
              .get("doc")
              .s();
      assertTrue(doc.contains("\"verdict\":\"ACCEPTED\""), doc);
      dynamoDb.updateItem(
          r ->
              r.tableName(LocalStackConfig.TABLE)
                  .key(key)
                  .updateExpression("SET #doc = :doc")
                  .expressionAttributeNames(Map.of("#doc", "doc"))
                  .expressionAttributeValues(
                      Map.of(
                          ":doc",
                          AttributeValue.fromS(
                              doc.replace("\"verdict\":\"ACCEPTED\"", "\"verdict\":\"MAYBE\"")))));
    }

    HttpResponse<String> read = api.get("/clinics/northside-skin/cases/" + caseId, patient.token());
    assertEquals(200, read.statusCode(), "the client gets the answer as it is");
    List<ContractViolation> violations = stack.takeContractViolations();
    assertEquals(1, violations.size(), ContractViolation.report(violations));
    ContractViolation violation = violations.get(0);
    assertEquals("getCase", violation.operationId());
    assertEquals("response 200 body (application/json)", violation.part());
    assertEquals("/photos/0/verdict", violation.pointer());
    assertEquals("enum", violation.keyword());
  }
}
