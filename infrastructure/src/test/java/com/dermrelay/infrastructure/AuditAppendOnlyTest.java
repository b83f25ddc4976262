package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

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
    long writers = stage.stacks.api().functions().all().stream()
        .filter(d -> d.profile().has(FunctionProfile.Access.TABLE_WRITE)).count();
    int denied = stage.api.findResources("AWS::IAM::Policy", Map.of("Properties", Map.of("PolicyDocument",
        Map.of("Statement", Match.arrayWith(List.of(DENY)))))).size();
    assertTrue(writers > 0);
    // One per writing function role, plus the tenant data role.
    assertEquals(writers + 1, denied);
  }
}
