package com.dermrelay.core.tenancy;

import com.dermrelay.core.config.Settings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Read-only lookups the access layer needs before any tenant context exists: does a clinic exist
 * (and its retention), which clinic a slug names, a user's membership of a clinic, and whether an
 * account was closed. Writes go through the tenant-scoped data layer. Memberships and closed
 * accounts are read strongly consistent on every call, so a removal or an erasure takes effect at
 * once; clinic configurations are cached for a minute per container.
 */
@Singleton
public final class TenantDirectory {
  private static final Duration CACHE_FOR = Duration.ofSeconds(60);

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final ObjectMapper json;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(TenantRecord tenant, Instant until) {}

  @Inject
  public TenantDirectory(DynamoDbClient dynamoDb, Settings settings, ObjectMapper json, Clock clock) {
    this.dynamoDb = dynamoDb;
    this.table = settings.tableName();
    this.json = json;
    this.clock = clock;
  }

  /** The clinic, possibly up to a minute old: for access checks and retention. */
  public Optional<TenantRecord> find(String tenantId) {
    Cached cached = cache.get(tenantId);
    Instant now = clock.instant();
    if (cached != null && cached.until().isAfter(now)) {
      return Optional.of(cached.tenant());
    }
    Optional<TenantRecord> found = load(tenantId);
    found.ifPresent(t -> cache.put(tenantId, new Cached(t, now.plus(CACHE_FOR))));
    return found;
  }

  /** Forgets the cached clinic after this container changed it, so its next find reads it again. */
  public void forget(String tenantId) {
    cache.remove(tenantId);
  }

  /** The clinic as stored now (strongly consistent): for changes conditioned on its version. */
  public Optional<TenantRecord> load(String tenantId) {
    Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
        .key(Map.of("pk", s(TenantKeys.tenantPk(tenantId)), "sk", s(TenantKeys.CONFIG_SK)))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(tenant(item));
  }

  /** The clinic whose portal lives at {@code /c/{slug}/}. */
  public Optional<TenantRecord> findBySlug(String slug) {
    QueryResponse response = dynamoDb.query(r -> r.tableName(table).indexName("gsi1")
        .keyConditionExpression("gsi1pk = :pk AND gsi1sk = :sk")
        .expressionAttributeValues(Map.of(":pk", s(TenantKeys.slugGsi1pk(slug)), ":sk", s("TENANT"))));
    // The index is eventually consistent; the item itself is read again for the current version.
    return response.items().stream().findFirst()
        .flatMap(item -> load(item.get("tenantId").s()));
  }

  /** The user's membership of one clinic, active or removed; read strongly consistent. */
  public Optional<Membership> membership(String tenantId, String subject) {
    Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
        .key(Map.of("pk", s(TenantKeys.tenantPk(tenantId)),
            "sk", s(TenantKeys.MEMBER_PREFIX + subject)))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(membership(item));
  }

  /**
   * Whether the subject's account in this clinic was closed: erased at the patient's request, which
   * also disables it in the identity pool. Read strongly consistent on every call and never cached,
   * so a still-valid token is refused at once on every container. Only the key is read.
   */
  public boolean accountClosed(String tenantId, String subject) {
    Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
        .key(Map.of("pk", s(TenantKeys.tenantPk(tenantId)), "sk", s(TenantKeys.ERASURE_PREFIX + subject)))
        .projectionExpression("pk")).item();
    return item != null && !item.isEmpty();
  }

  /** Every clinic the user belongs to or belonged to (the index is eventually consistent). */
  public List<Membership> membershipsOf(String subject) {
    List<Membership> memberships = new ArrayList<>();
    dynamoDb.queryPaginator(r -> r.tableName(table).indexName("gsi2")
            .keyConditionExpression("gsi2pk = :pk")
            .expressionAttributeValues(Map.of(":pk", s(TenantKeys.userGsi2pk(subject)))))
        .items().forEach(item -> memberships.add(membership(item)));
    return memberships;
  }

  public static Membership membership(Map<String, AttributeValue> item) {
    return new Membership(
        text(item, "tenantId"),
        text(item, "userSub"),
        text(item, "role"),
        // Seeded and older items carry no status: they are active.
        item.containsKey("status") ? item.get("status").s() : Membership.ACTIVE,
        text(item, "email"),
        text(item, "displayName"),
        item.containsKey("version") ? Long.parseLong(item.get("version").n()) : 0L,
        text(item, "registration"));
  }

  private TenantRecord tenant(Map<String, AttributeValue> item) {
    try {
      ObjectNode config = (ObjectNode) json.readTree(item.get("config").s());
      long version = item.containsKey("version") ? Long.parseLong(item.get("version").n()) : 0L;
      return new TenantRecord(item.get("tenantId").s(), config, version);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalStateException("stored tenant configuration is not a JSON object", e);
    }
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? "" : value.s();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
