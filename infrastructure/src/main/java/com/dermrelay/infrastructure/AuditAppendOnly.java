package com.dermrelay.infrastructure;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * The audit trail in IAM: no principal of ours may update or delete an item of an audit partition
 * ({@code TENANT#<id>#AUDIT}). An explicit deny, so no grant elsewhere (CDK's table write grant,
 * the tenant session) can undo it.
 *
 * <p>What IAM cannot say: that a PutItem must carry {@code attribute_not_exists(pk)}; DynamoDB has
 * no condition key for condition expressions. A PutItem that overwrites an audit record is refused
 * only by the code (AuditTrail writes through TenantTable.putIfAbsent; RepeatedDenials rewrites
 * only its own records of repeated refusals, version-checked, and only their count and last time).
 * Expiry by TTL is DynamoDB's own deletion and is not affected.
 */
final class AuditAppendOnly {
  /** Partition keys of the audit trail: the table's, for any tenant. */
  static final String AUDIT_PARTITIONS = "TENANT#*#AUDIT";

  static final List<String> DENIED_ACTIONS =
      List.of(
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
          "dynamodb:BatchWriteItem",
          "dynamodb:PartiQLUpdate",
          "dynamodb:PartiQLDelete");

  private AuditAppendOnly() {}

  static PolicyStatement denyChanges(ITable table) {
    return PolicyStatement.Builder.create()
        .sid("AuditTrailIsAppendOnly")
        .effect(Effect.DENY)
        .actions(DENIED_ACTIONS)
        .resources(List.of(table.getTableArn()))
        .conditions(
            Map.of("ForAnyValue:StringLike", Map.of("dynamodb:LeadingKeys", AUDIT_PARTITIONS)))
        .build();
  }
}
