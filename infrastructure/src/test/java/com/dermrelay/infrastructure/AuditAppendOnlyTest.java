package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** No role of ours may update or delete an audit record; the deny rides on every table writer. */
class AuditAppendOnlyTest {

  private static final Object DENY =
      Match.objectLike(
          Map.of(
              "Sid",
              "AuditTrailIsAppendOnly",
              "Effect",
              "Deny",
              "Action",
              AuditAppendOnly.DENIED_ACTIONS,
              "Condition",
              Map.of("ForAnyValue:StringLike", Map.of("dynamodb:LeadingKeys", "TENANT#*#AUDIT"))));

  @Test
  void everyRoleThatMayWriteTheTableIsDeniedChangesToTheAuditTrail() {
    SynthesizedStage stage = SynthesizedStage.withWorkflow();
    // One per writing function role of each compute stack, plus its tenant data role where there is
    // one. The API's clinic-scoped functions write through their stack's tenant data role; sign-up
    // writes itself.
    List<Functions.DeployedFunction> writers = new java.util.ArrayList<>();
    for (ApiFunctionsStack operations : stage.stacks.operations()) {
      writers.addAll(writers(operations.functions()));
      assertEquals(
          writers(operations.functions()).size() + (operations.tenantAccess() != null ? 1 : 0),
          denied(stage.templateOf(operations)),
          operations.getStackName());
    }
    assertTrue(
        writers.stream()
            .anyMatch(d -> d.handlerClass().equals("com.dermrelay.tenants.SignUpClinicHandler")));
    stage
        .templateOf(stage.stacks.operationsOf("review"))
        .hasResourceProperties(
            "AWS::IAM::Policy",
            Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(DENY)))));
    assertTrue(stage.stacks.workflow().tenantAccess() != null);
    assertTrue(writers(stage.stacks.workflow().functions()).size() > 0);
    assertEquals(writers(stage.stacks.workflow().functions()).size() + 1, denied(stage.workflow));
  }

  private static List<Functions.DeployedFunction> writers(Functions functions) {
    return functions.all().stream()
        .filter(d -> d.profile().has(FunctionProfile.Access.TABLE_WRITE))
        .toList();
  }

  private static int denied(Template template) {
    return template
        .findResources(
            "AWS::IAM::Policy",
            Map.of(
                "Properties",
                Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(DENY))))))
        .size();
  }
}
