package com.dermrelay.core.tenancy;

import com.dermrelay.core.data.CrossTenantReads;
import com.dermrelay.core.data.IndexKey;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.StoredItem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Read-only lookups the access layer needs before any tenant context exists: does a clinic exist
 * (and its retention), which clinic a slug names, a user's membership of a clinic, and whether an
 * account was closed. They are the data layer's cross-tenant reads ({@link CrossTenantReads}, on
 * the function's own role); writes go through the tenant-scoped data layer. Memberships and closed
 * accounts are read strongly consistent on every call, so a removal or an erasure takes effect at
 * once; clinic configurations are cached for a minute per container.
 */
@Singleton
public final class TenantDirectory {
  private static final Duration CACHE_FOR = Duration.ofSeconds(60);

  private final CrossTenantReads<ClinicConfigItem> configs;
  private final CrossTenantReads<MembershipItem> members;
  private final CrossTenantReads<Void> keys;
  private final ObjectMapper json;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(TenantRecord tenant, Instant until) {}

  @Inject
  public TenantDirectory(SingleTable table, ObjectMapper json, Clock clock) {
    this.configs = table.crossTenantReads(ClinicConfigItem.SCHEMA);
    this.members = table.crossTenantReads(MembershipItem.SCHEMA);
    this.keys = table.crossTenantKeys();
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
    return configs.get(tenantId, TenantKeys.CONFIG_SK).map(this::tenant);
  }

  /** The clinic whose portal lives at {@code /c/{slug}/}. */
  public Optional<TenantRecord> findBySlug(String slug) {
    // The index is eventually consistent; the item itself is read again for the current version.
    return configs
        .directory(IndexKey.Index.GSI1, TenantKeys.slugGsi1pk(slug), Optional.of("TENANT"))
        .stream()
        .findFirst()
        .flatMap(entry -> load(entry.tenantId()));
  }

  /**
   * Every clinic's id, from the platform's list of clinics (one paged Query of {@code gsi2}, keys
   * only read from it; eventually consistent: a clinic created a moment ago may be missing).
   */
  public List<String> clinicIds() {
    return keys.directory(IndexKey.Index.GSI2, TenantKeys.CLINICS_GSI2PK, Optional.empty()).stream()
        .map(StoredItem::tenantId)
        .distinct()
        .toList();
  }

  /** The user's membership of one clinic, active or removed; read strongly consistent. */
  public Optional<Membership> membership(String tenantId, String subject) {
    return members
        .get(tenantId, TenantKeys.MEMBER_PREFIX + subject)
        .map(TenantDirectory::membership);
  }

  /**
   * Whether the user is an active medical lead of the clinic (quality programme: they may amend an
   * answer a second read flagged); read strongly consistent.
   */
  public boolean isActiveMedicalLead(String tenantId, String subject) {
    return members
        .get(tenantId, TenantKeys.MEMBER_PREFIX + subject)
        .filter(item -> item.record().isMedicalLead())
        .map(TenantDirectory::membership)
        .filter(Membership::active)
        .isPresent();
  }

  /**
   * The user's memberships of these clinics, active or removed, read strongly consistent in one
   * BatchGetItem (however many clinics, up to 100): by clinic id, absent where there is none.
   */
  public Map<String, Membership> memberships(Collection<String> tenantIds, String subject) {
    Map<String, Membership> found = new HashMap<>();
    members
        .getAll(tenantIds, TenantKeys.MEMBER_PREFIX + subject)
        .forEach((tenantId, item) -> found.put(tenantId, membership(item)));
    return found;
  }

  /**
   * Whether the subject's account in this clinic was closed: erased at the patient's request, which
   * also disables it in the identity pool. Read strongly consistent on every call and never cached,
   * so a still-valid token is refused at once on every container. Only the keys are mapped.
   */
  public boolean accountClosed(String tenantId, String subject) {
    return keys.get(tenantId, TenantKeys.ERASURE_PREFIX + subject).isPresent();
  }

  /**
   * Whether the subject's self sign-up was confirmed for this clinic (the post-confirmation
   * trigger's link item), for an account whose token carries no clinic because Cognito could not be
   * told in time. Strongly consistent, keys only; read only for such accounts.
   */
  public boolean patientLinked(String tenantId, String subject) {
    return keys.get(tenantId, TenantKeys.PATIENT_LINK_PREFIX + subject).isPresent();
  }

  /** Every clinic the user belongs to or belonged to (the index is eventually consistent). */
  public List<Membership> membershipsOf(String subject) {
    return members
        .directory(IndexKey.Index.GSI2, TenantKeys.userGsi2pk(subject), Optional.empty())
        .stream()
        .map(TenantDirectory::membership)
        .toList();
  }

  /** A membership item as the access layer sees it; absent text reads as "". */
  public static Membership membership(StoredItem<MembershipItem> stored) {
    MembershipItem item = stored.record();
    return new Membership(
        stored.tenantId(),
        orEmpty(item.userSub()),
        orEmpty(item.role()),
        item.statusOrActive(),
        orEmpty(item.email()),
        orEmpty(item.displayName()),
        stored.version(),
        orEmpty(item.registration()));
  }

  private TenantRecord tenant(StoredItem<ClinicConfigItem> item) {
    try {
      ObjectNode config = (ObjectNode) json.readTree(item.record().config());
      return new TenantRecord(item.tenantId(), config, item.version());
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalStateException("stored tenant configuration is not a JSON object", e);
    }
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
