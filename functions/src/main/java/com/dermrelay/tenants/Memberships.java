package com.dermrelay.tenants;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.IndexKey;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.TenantItems;
import com.dermrelay.core.tenancy.Membership;
import com.dermrelay.core.tenancy.TenantKeys;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Membership items of the acting clinic (docs/data-model.md), written with a conditional write
 * on their version: created or made active again when a dermatologist accepts an invitation (each
 * invitation once, see AcceptInvitation), marked REMOVED (never deleted, so the access layer can
 * answer 403) when they leave.
 */
public final class Memberships {

  /** The invitation (its hash) whose acceptance made the membership active. */
  static final String JOINED_WITH = "joinedWith";
  /** A dermatologist's registration number in this clinic (core.tenancy.Membership#registration). */
  static final String REGISTRATION = "registration";

  private final TenantItems items;

  @Inject
  public Memberships(TenantItems items) {
    this.items = items;
  }

  public Optional<Map<String, AttributeValue>> find(TenantContext tenant, String subject) {
    return items.get(tenant, key(subject));
  }

  /**
   * Makes the user an active member in {@code role} through one accepted invitation, conditioned on
   * {@code expectedVersion}: the membership's version when the invitation was accepted (0: none).
   * Does nothing if they already are an active member in that role. The membership remembers the
   * invitation ({@value #JOINED_WITH}), so a retry of that acceptance can tell its own membership
   * from a later one.
   *
   * @throws com.dermrelay.core.data.VersionConflictException if the membership changed since
   */
  public void join(TenantContext tenant, Optional<Map<String, AttributeValue>> existing, String role,
      String email, String displayName, long expectedVersion, String invitation) {
    if (existing.isPresent() && Membership.ACTIVE.equals(status(existing.get()))
        && role.equals(text(existing.get(), "role"))) {
      return;
    }
    String subject = tenant.subject();
    Map<String, AttributeValue> attributes = existing.map(TenantItems::ownAttributes).orElseGet(HashMap::new);
    attributes.put("userSub", AttributeValue.fromS(subject));
    attributes.put("role", AttributeValue.fromS(role));
    attributes.put("status", AttributeValue.fromS(Membership.ACTIVE));
    attributes.put("email", AttributeValue.fromS(email));
    attributes.put("displayName", AttributeValue.fromS(displayName));
    attributes.put("joinedAt", AttributeValue.fromS(tenant.requestTime().toString()));
    attributes.put(JOINED_WITH, AttributeValue.fromS(invitation));
    attributes.remove("removedAt");
    attributes.remove("removedBy");
    items.putVersioned(tenant, key(subject), attributes, expectedVersion, directoryEntry(tenant, subject));
  }

  /** Marks the membership REMOVED, conditioned on the version read. */
  public void remove(TenantContext tenant, Map<String, AttributeValue> membership) {
    Map<String, AttributeValue> attributes = TenantItems.ownAttributes(membership);
    String subject = text(membership, "userSub");
    attributes.put("status", AttributeValue.fromS(Membership.REMOVED));
    attributes.put("removedAt", AttributeValue.fromS(tenant.requestTime().toString()));
    attributes.put("removedBy", AttributeValue.fromS(tenant.subject()));
    items.putVersioned(tenant, key(subject), attributes, version(Optional.of(membership)),
        directoryEntry(tenant, subject));
  }

  /**
   * Sets (or, blank, clears) a member's own professional registration number, conditioned on the
   * version read; the rest of the membership is kept as it is.
   */
  public void setRegistration(TenantContext tenant, Map<String, AttributeValue> membership, String registration) {
    Map<String, AttributeValue> attributes = TenantItems.ownAttributes(membership);
    if (registration.isBlank()) {
      attributes.remove(REGISTRATION);
    } else {
      attributes.put(REGISTRATION, AttributeValue.fromS(registration));
    }
    items.putVersioned(tenant, key(text(membership, "userSub")), attributes, version(Optional.of(membership)),
        directoryEntry(tenant, text(membership, "userSub")));
  }

  static String status(Map<String, AttributeValue> item) {
    // Seeded items carry no status: they are active.
    return item.containsKey("status") ? item.get("status").s() : Membership.ACTIVE;
  }

  static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.s() == null ? "" : value.s();
  }

  private static ItemKey key(String subject) {
    return ItemKey.inTenant(TenantKeys.MEMBER_PREFIX + subject);
  }

  private static IndexKey directoryEntry(TenantContext tenant, String subject) {
    return IndexKey.directory(IndexKey.Index.GSI2, TenantKeys.userGsi2pk(subject),
        TenantKeys.tenantPk(tenant.tenantId()));
  }

  static long version(Optional<Map<String, AttributeValue>> item) {
    return item.map(i -> i.containsKey("version") ? Long.parseLong(i.get("version").n()) : 0L).orElse(0L);
  }
}
