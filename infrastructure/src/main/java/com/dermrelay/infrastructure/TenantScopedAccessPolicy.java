package com.dermrelay.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The IAM policy that confines a set of credentials to one tenant's data: DynamoDB items whose
 * partition key (of the table or of an index) is the tenant's, S3 objects under the tenant's
 * prefix, and the data key only as DynamoDB and S3 use it on the caller's behalf.
 *
 * <p>Two renderings of the same statements:
 *
 * <ul>
 *   <li>{@link #forTenant}: a session policy for one concrete tenant, passed to {@code
 *       sts:AssumeRole};
 *   <li>{@link #forTaggedSession}: the tenant is the session tag {@code tenantId} ({@code
 *       ${aws:PrincipalTag/tenantId}}); this is the identity policy of {@link TenantDataAccess}'s
 *       role, so a session without a tag can reach nothing and one with a tag only that tenant.
 * </ul>
 *
 * <p>Keys are {@code TENANT#<id>} or {@code TENANT#<id>#...}; both forms are listed rather than
 * {@code TENANT#<id>*}, which would also match the keys of a tenant whose id merely starts with
 * {@code <id>} (tenant ids may contain hyphens: {@code acme} and {@code acme-north}). {@code
 * ForAllValues} is true when the request carries no leading keys at all (a Scan), so the statement
 * also requires the key to be present ({@code Null: false}) and Scan is never granted.
 */
public final class TenantScopedAccessPolicy {

  /** The session tag that carries the tenant id; also the trust policy's required request tag. */
  public static final String TENANT_TAG = "tenantId";

  static final String TAG_VARIABLE = "${aws:PrincipalTag/" + TENANT_TAG + "}";

  /** As tenant-config/tenant.schema.json defines a tenant id. */
  static final Pattern TENANT_ID = Pattern.compile("[a-z][a-z0-9-]{2,39}");

  static final List<String> ITEM_ACTIONS =
      List.of(
          "dynamodb:GetItem",
          "dynamodb:BatchGetItem",
          "dynamodb:Query",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
          "dynamodb:BatchWriteItem",
          "dynamodb:ConditionCheckItem");
  static final List<String> OBJECT_ACTIONS =
      List.of(
          "s3:GetObject",
          "s3:GetObjectVersion",
          "s3:PutObject",
          "s3:DeleteObject",
          "s3:AbortMultipartUpload",
          // A photo of a draft is written with its draft tag (x-amz-tagging needs this too), and
          // submission takes the tag off (functions: uploads.DraftMedia).
          "s3:PutObjectTagging");
  static final List<String> KEY_ACTIONS = List.of("kms:Decrypt", "kms:GenerateDataKey");

  /**
   * The resources the policy scopes; values may be CDK tokens when rendered for the stack.
   *
   * @param tableArn the case table's ARN (its indexes are {@code <tableArn>/index/*})
   * @param bucketArn the media bucket's ARN, {@code arn:<partition>:s3:::<bucket>}
   * @param keyArn the data key's ARN
   * @param region the region, for {@code kms:ViaService}
   */
  public record Resources(String tableArn, String bucketArn, String keyArn, String region) {
    public Resources {
      Objects.requireNonNull(tableArn, "tableArn");
      Objects.requireNonNull(bucketArn, "bucketArn");
      Objects.requireNonNull(keyArn, "keyArn");
      Objects.requireNonNull(region, "region");
    }
  }

  private final Resources resources;

  public TenantScopedAccessPolicy(Resources resources) {
    this.resources = Objects.requireNonNull(resources, "resources");
  }

  /** The session policy for one tenant, as a policy document (JSON object). */
  public Map<String, Object> forTenant(String tenantId) {
    if (tenantId == null || !TENANT_ID.matcher(tenantId).matches()) {
      // The id ends up in ARNs and wildcard patterns: anything else could widen the policy.
      throw new IllegalArgumentException(
          "A tenant id is 3-40 lower-case letters, digits or hyphens, " + "starting with a letter");
    }
    return document(tenantId);
  }

  /** The same statements with the tenant taken from the session tag. */
  public Map<String, Object> forTaggedSession() {
    return document(TAG_VARIABLE);
  }

  /** Compact JSON, as {@code sts:AssumeRole}'s {@code Policy} parameter takes it. */
  public String toJson(Map<String, Object> document) {
    try {
      return new ObjectMapper().writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a policy document", e);
    }
  }

  private Map<String, Object> document(String tenant) {
    String tenantKey = "TENANT#" + tenant;
    Map<String, Object> items =
        statement(
            "TenantItems",
            ITEM_ACTIONS,
            List.of(resources.tableArn(), resources.tableArn() + "/index/*"));
    items.put(
        "Condition",
        Map.of(
            "ForAllValues:StringLike",
                Map.of("dynamodb:LeadingKeys", List.of(tenantKey, tenantKey + "#*")),
            "Null", Map.of("dynamodb:LeadingKeys", "false")));

    Map<String, Object> objects =
        statement(
            "TenantObjects", OBJECT_ACTIONS, List.of(resources.bucketArn() + "/" + tenant + "/*"));

    Map<String, Object> listing =
        statement("TenantObjectListing", List.of("s3:ListBucket"), List.of(resources.bucketArn()));
    listing.put("Condition", Map.of("StringLike", Map.of("s3:prefix", List.of(tenant + "/*"))));

    Map<String, Object> key =
        statement("DataKeyThroughTableAndBucket", KEY_ACTIONS, List.of(resources.keyArn()));
    key.put(
        "Condition",
        Map.of(
            "StringEquals",
            Map.of(
                "kms:ViaService",
                List.of(
                    "dynamodb." + resources.region() + ".amazonaws.com",
                    "s3." + resources.region() + ".amazonaws.com"))));

    Map<String, Object> document = new LinkedHashMap<>();
    document.put("Version", "2012-10-17");
    document.put("Statement", List.of(items, objects, listing, key));
    return document;
  }

  private static Map<String, Object> statement(
      String sid, List<String> actions, List<String> resources) {
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("Sid", sid);
    statement.put("Effect", "Allow");
    statement.put("Action", actions);
    statement.put("Resource", resources);
    return statement;
  }
}
