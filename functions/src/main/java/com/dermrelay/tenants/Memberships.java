package com.dermrelay.tenants;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.IndexKey;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.ItemPage;
import com.dermrelay.core.data.ItemQuery;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.StoredItem;
import com.dermrelay.core.data.TenantTable;
import com.dermrelay.core.tenancy.Membership;
import com.dermrelay.core.tenancy.MembershipItem;
import com.dermrelay.core.tenancy.TenantKeys;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Membership items of the acting clinic (docs/data-model.md), written with a conditional write on
 * their version: created or made active again when a dermatologist accepts an invitation (each
 * invitation once, see AcceptInvitation), marked REMOVED (never deleted, so the access layer can
 * answer 403) when they leave.
 */
public final class Memberships {
  private final TenantTable<MembershipItem> items;

  @Inject
  public Memberships(SingleTable table) {
    this.items = table.tenantTable(MembershipItem.SCHEMA);
  }

  public Optional<StoredItem<MembershipItem>> find(TenantContext tenant, String subject) {
    return items.get(tenant, key(subject));
  }

  /** One page of the clinic's memberships, active and removed, by subject. */
  public ItemPage<MembershipItem> page(TenantContext tenant, Optional<String> cursor) {
    return items.query(
        tenant,
        ItemQuery.partition("").sortBeginsWith(TenantKeys.MEMBER_PREFIX).limit(100).after(cursor));
  }

  /**
   * The first admin of a clinic that just signed up, active at once; nothing if the membership is
   * there already (a retry of the sign-up).
   */
  public void createAdmin(TenantContext tenant, String role, String email, String displayName) {
    String subject = tenant.subject();
    items.putIfAbsent(
        tenant,
        key(subject),
        new MembershipItem(
            subject,
            role,
            Membership.ACTIVE,
            email,
            displayName,
            tenant.requestTime().toString(),
            null,
            null,
            null,
            null,
            null),
        directoryEntry(tenant, subject));
  }

  /**
   * Makes the user an active member in {@code role} through one accepted invitation, conditioned on
   * {@code expectedVersion}: the membership's version when the invitation was accepted (0: none).
   * Does nothing if they already are an active member in that role. The membership remembers the
   * invitation ({@code joinedWith}), so a retry of that acceptance can tell its own membership from
   * a later one.
   *
   * @throws com.dermrelay.core.data.VersionConflictException if the membership changed since
   */
  public void join(
      TenantContext tenant,
      Optional<StoredItem<MembershipItem>> existing,
      String role,
      String email,
      String displayName,
      long expectedVersion,
      String invitation) {
    if (existing.isPresent()
        && Membership.ACTIVE.equals(existing.get().record().statusOrActive())
        && role.equals(existing.get().record().role())) {
      return;
    }
    String subject = tenant.subject();
    items.putVersioned(
        tenant,
        key(subject),
        new MembershipItem(
            subject,
            role,
            Membership.ACTIVE,
            email,
            displayName,
            tenant.requestTime().toString(),
            invitation,
            null,
            null,
            existing.map(e -> e.record().registration()).orElse(null),
            null),
        expectedVersion,
        directoryEntry(tenant, subject));
  }

  /** Marks {@code subject}'s membership REMOVED, conditioned on the version read. */
  public void remove(TenantContext tenant, String subject, StoredItem<MembershipItem> membership) {
    items.putVersioned(
        tenant,
        key(subject),
        membership.record().removed(tenant.requestTime().toString(), tenant.subject()),
        membership.version(),
        directoryEntry(tenant, subject));
  }

  /**
   * Sets (or, blank, clears) a member's own professional registration number, conditioned on the
   * version read; the rest of the membership is kept as it is.
   */
  public void setRegistration(
      TenantContext tenant, StoredItem<MembershipItem> membership, String registration) {
    MembershipItem m = membership.record();
    items.putVersioned(
        tenant,
        key(m.userSub()),
        m.withRegistration(registration.isBlank() ? null : registration),
        membership.version(),
        directoryEntry(tenant, m.userSub()));
  }

  /**
   * Names (or no longer names) the member a medical lead, conditioned on the version read; the rest
   * of the membership is kept as it is.
   */
  public void setMedicalLead(
      TenantContext tenant, StoredItem<MembershipItem> membership, boolean medicalLead) {
    MembershipItem m = membership.record();
    items.putVersioned(
        tenant,
        key(m.userSub()),
        m.withMedicalLead(medicalLead),
        membership.version(),
        directoryEntry(tenant, m.userSub()));
  }

  /** The version a change of the membership is conditioned on: 0 when there is none. */
  static long version(Optional<StoredItem<MembershipItem>> membership) {
    return membership.map(StoredItem::version).orElse(0L);
  }

  static String text(String value) {
    return value == null ? "" : value;
  }

  private static ItemKey key(String subject) {
    return ItemKey.inTenant(TenantKeys.MEMBER_PREFIX + subject);
  }

  private static IndexKey directoryEntry(TenantContext tenant, String subject) {
    return IndexKey.directory(
        IndexKey.Index.GSI2,
        TenantKeys.userGsi2pk(subject),
        TenantKeys.tenantPk(tenant.tenantId()));
  }
}
