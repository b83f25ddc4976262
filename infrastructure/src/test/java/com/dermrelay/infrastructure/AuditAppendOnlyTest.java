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

  private static final Object DENY = Match.objectLike(Map.of(
      "Sid", "AuditTrailIsAppendOnly",
      "Effect", "Deny",
      "Action", AuditAppendOnly.DENIED_ACTIONS,
      "Condition", Map.of("ForAnyValue:StringLike", Map.of("dynamodb:LeadingKeys", "TENANT#*#AUDIT"))));

  @Test
  void everyRoleThatMayWriteTheTableIsDeniedChangesToTheAuditTrail() {
    SynthesizedStage stage = SynthesizedStage.withWorkflow();
    stage.api.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of(
        "Statement", Match.arrayWith(List.of(DENY)))));
    // One per writing function role of each stack, plus the tenant data role where there is one.
    // The API's clinic-scoped functions write through its tenant data role; sign-up writes itself.
    assertTrue(stage.stacks.api().tenantAccess() != null);
    assertEquals(writers(stage.stacks.api().functions()) + 1, denied(stage.api));
    assertTrue(stage.stacks.workflow().tenantAccess() != null);
    assertEquals(writers(stage.stacks.workflow().functions()) + 1, denied(stage.workflow));
  }

  private static long writers(Functions functions) {
    long writers = functions.all().stream().filter(d -> d.profile().has(FunctionProfile.Access.TABLE_WRITE)).count();
    assertTrue(writers > 0);
    return writers;
  }

  private static int denied(Template template) {
    return template.findResources("AWS::IAM::Policy", Map.of("Properties", Map.of("PolicyDocument",
        Map.of("Statement", Match.arrayWith(List.of(DENY)))))).size();
  }
}
