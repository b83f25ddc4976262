package com.dermrelay.local.seed;

import com.dermrelay.local.identity.IdentityService;
import com.dermrelay.local.identity.IdentityUser;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Puts the demo clinics and accounts in place: each clinic's configuration in the table, each
 * account in the identity pool, and a membership item for every clinic an account belongs to. Every
 * write is an idempotent put, so a restart with --data seeds again without duplicating.
 *
 * <p>Items (see docs/data-model.md): the clinic {@code pk=TENANT#<id> sk=CONFIG} (found by slug
 * through {@code gsi1pk=SLUG#<slug>}, listed with every clinic under {@code gsi2pk=CLINICS#ALL}); a
 * membership {@code pk=TENANT#<id> sk=MEMBER#<sub>} (a user's clinics through {@code
 * gsi2pk=USER#<sub>}), status ACTIVE or REMOVED, with a version.
 */
public final class DemoSeeder {
  private final DynamoDbClient dynamoDb;
  private final String table;
  private final IdentityService identity;

  public DemoSeeder(DynamoDbClient dynamoDb, String table, IdentityService identity) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.identity = identity;
  }

  public void seed(DemoData demo) {
    String now = Instant.now().toString();
    for (DemoData.Tenant tenant : demo.tenants()) {
      put(
          Map.of(
              "pk", s("TENANT#" + tenant.id()),
              "sk", s("CONFIG"),
              "gsi1pk", s("SLUG#" + tenant.slug()),
              "gsi1sk", s("TENANT"),
              // The platform's list of clinics (core.tenancy.TenantKeys#clinicListing).
              "gsi2pk", s("CLINICS#ALL"),
              "gsi2sk", s(tenant.id()),
              "tenantId", s(tenant.id()),
              "config", s(tenant.config().toString()),
              "version", AttributeValue.fromN("1"),
              "updatedAt", s(now)));
    }
    for (DemoData.User user : demo.users()) {
      Map<String, String> attributes = new HashMap<>();
      attributes.put("email", user.email());
      attributes.put("name", user.name());
      // Cognito carries one clinic per patient or clinic admin; dermatologists' clinics are
      // memberships in the table, checked on every call.
      if (user.tenants().size() == 1 && !user.role().equals("dermatologist")) {
        attributes.put("custom:tenantId", user.tenants().get(0));
      }
      IdentityUser account =
          identity.createConfirmedUser(
              user.email(), user.password(), attributes, Set.of(user.role()));
      for (String tenantId : user.tenants()) {
        Map<String, AttributeValue> member = new HashMap<>();
        member.put("pk", s("TENANT#" + tenantId));
        member.put("sk", s("MEMBER#" + account.sub()));
        member.put("gsi2pk", s("USER#" + account.sub()));
        member.put("gsi2sk", s("TENANT#" + tenantId));
        member.put("tenantId", s(tenantId));
        member.put("userSub", s(account.sub()));
        member.put("role", s(user.role()));
        member.put("email", s(user.email()));
        member.put("displayName", s(user.name()));
        member.put("status", s("ACTIVE"));
        member.put("version", AttributeValue.fromN("1"));
        member.put("joinedAt", s(now));
        put(member);
      }
    }
  }

  private void put(Map<String, AttributeValue> item) {
    dynamoDb.putItem(r -> r.tableName(table).item(item));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
