package com.dermrelay.tenants;

import com.dermrelay.core.access.InternalAccess;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditOutcome;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.auth.Caller;
import com.dermrelay.core.auth.Role;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.StoredItem;
import com.dermrelay.core.data.TenantTable;
import com.dermrelay.core.data.VersionConflictException;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import com.dermrelay.core.tenancy.Membership;
import com.dermrelay.core.tenancy.MembershipItem;
import com.dermrelay.core.tenancy.TenantDirectory;
import java.time.Instant;
import java.util.Optional;
import javax.inject.Inject;

/**
 * A signed-in dermatologist accepts an invitation and becomes an active member of its clinic,
 * keeping every other membership. The invitation must be addressed to the caller's e-mail and
 * within its 72 hours, on every path, a retry's too. It is used once: marked ACCEPTED by a
 * conditional write that records the membership's version at that moment, then the membership is
 * written conditioned on that version. So a retry by the same caller can finish an acceptance whose
 * membership write was lost (the version is still the recorded one), and otherwise answers the same
 * only while the membership that acceptance made is still active. A used invitation never makes a
 * membership active again: after a removal, a replay answers 410 and is recorded as refused in the
 * clinic's trail. An unknown token answers 404, a spent or lapsed one 410.
 */
public final class AcceptInvitation {
  static final String PENDING = "PENDING";
  static final String ACCEPTED = "ACCEPTED";

  /**
   * On an accepted invitation: the membership's version when it was accepted (0: there was none).
   */
  static final String MEMBERSHIP_VERSION = "membershipVersion";

  /** A known invitation that can no longer be used (spent or lapsed). */
  public static final String INVITATION_UNUSABLE = "urn:dermrelay:problem:invitation-unusable";

  private static final String ACTION = "member.join";

  private final InternalAccess access;
  private final TenantTable<InvitationItem> invitations;
  private final TenantDirectory directory;
  private final Memberships memberships;
  private final AuditTrail audit;

  @Inject
  public AcceptInvitation(
      InternalAccess access,
      SingleTable table,
      TenantDirectory directory,
      Memberships memberships,
      AuditTrail audit) {
    this.access = access;
    this.invitations = table.tenantTable(InvitationItem.SCHEMA);
    this.directory = directory;
    this.memberships = memberships;
    this.audit = audit;
  }

  public ClinicJoined run(
      Caller caller, String name, InvitationAcceptance acceptance, String requestId, Instant time) {
    InvitationTokens.Parsed token =
        InvitationTokens.parse(acceptance.token())
            .orElseThrow(() -> ApiProblem.notFound("No such invitation."));
    TenantContext tenant =
        access
            .forInvitee(
                token.tenantId(), caller.subject(), Role.DERMATOLOGIST, name, requestId, time)
            .orElseThrow(() -> ApiProblem.notFound("No such invitation."));
    ItemKey key = ItemKey.inTenant(token.sortKey());
    AuditResource resource = AuditResource.of("invitation", token.hash().substring(0, 16));
    StoredItem<InvitationItem> stored =
        invitations.get(tenant, key).orElseThrow(() -> audit.notFound(tenant, ACTION, resource));
    InvitationItem invitation = stored.record();
    if (!Memberships.text(invitation.email()).equalsIgnoreCase(caller.email())) {
      throw new ApiProblem(
          403,
          "about:blank",
          "Forbidden",
          "This invitation is for another account; sign in with the invited address.");
    }
    if (invitation.validUntil() <= time.getEpochSecond()) {
      throw gone("This invitation has expired; ask the clinic for a new one.");
    }
    String role = Memberships.text(invitation.role());
    Optional<StoredItem<MembershipItem>> membership = memberships.find(tenant, caller.subject());
    long acceptedAtVersion;
    if (PENDING.equals(invitation.status())) {
      acceptedAtVersion = Memberships.version(membership);
      markAccepted(tenant, key, stored, caller, acceptedAtVersion, resource);
    } else if (ACCEPTED.equals(invitation.status())
        && caller.subject().equals(invitation.acceptedBy())) {
      acceptedAtVersion = retry(tenant, invitation, membership, role, token, resource);
    } else {
      throw spent(tenant, resource);
    }
    if (Memberships.version(membership) == acceptedAtVersion) {
      try {
        memberships.join(
            tenant, membership, role, caller.email(), name, acceptedAtVersion, token.hash());
      } catch (VersionConflictException e) {
        // Removed or changed meanwhile: a retry will find out which, and answer by that.
        throw new ApiProblem(
            409, ProblemTypes.CONFLICT, "Conflict", "The membership changed meanwhile; try again.");
      }
      audit.wrote(tenant, ACTION, AuditResource.of("member", caller.subject()));
    }
    return new ClinicJoined(
        tenant.tenantId(),
        directory.find(tenant.tenantId()).map(t -> t.displayName()).orElse(""),
        role);
  }

  /**
   * The same caller accepts again. Its membership write may still be due (the membership is at the
   * version the acceptance recorded); else it answers the same only while the membership that
   * acceptance made is active. Returns the recorded version.
   */
  private long retry(
      TenantContext tenant,
      InvitationItem invitation,
      Optional<StoredItem<MembershipItem>> membership,
      String role,
      InvitationTokens.Parsed token,
      AuditResource resource) {
    boolean active =
        membership
            .map(StoredItem::record)
            .filter(m -> Membership.ACTIVE.equals(m.statusOrActive()) && role.equals(m.role()))
            .isPresent();
    Long recorded = invitation.membershipVersion();
    if (recorded == null) {
      // Accepted before versions were recorded: never write, answer the same only while active.
      if (active) {
        return -1;
      }
      throw spent(tenant, resource);
    }
    long acceptedAtVersion = recorded;
    boolean unchangedSince = Memberships.version(membership) == acceptedAtVersion;
    boolean madeByIt = active && token.hash().equals(membership.get().record().joinedWith());
    if (unchangedSince || madeByIt) {
      return acceptedAtVersion;
    }
    throw spent(tenant, resource);
  }

  private void markAccepted(
      TenantContext tenant,
      ItemKey key,
      StoredItem<InvitationItem> invitation,
      Caller caller,
      long membershipVersion,
      AuditResource resource) {
    try {
      invitations.putVersioned(
          tenant,
          key,
          invitation
              .record()
              .accepted(caller.subject(), tenant.requestTime().toString(), membershipVersion),
          invitation.version());
    } catch (VersionConflictException e) {
      // Another acceptance came first: the invitation is spent.
      throw spent(tenant, resource);
    }
  }

  /** A used invitation presented again: refused, and recorded where the clinic's admins look. */
  private ApiProblem spent(TenantContext tenant, AuditResource resource) {
    audit.record(tenant, ACTION, resource, AuditOutcome.DENIED);
    return gone("This invitation was already used.");
  }

  private static ApiProblem gone(String detail) {
    return new ApiProblem(410, INVITATION_UNUSABLE, "Gone", detail);
  }
}
