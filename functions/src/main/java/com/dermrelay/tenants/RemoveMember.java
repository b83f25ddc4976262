package com.dermrelay.tenants;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.auth.Role;
import com.dermrelay.core.data.StoredItem;
import com.dermrelay.core.data.VersionConflictException;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import com.dermrelay.core.tenancy.Membership;
import com.dermrelay.core.tenancy.MembershipItem;
import javax.inject.Inject;

/**
 * A clinic admin ends a dermatologist's membership. The access layer reads memberships on every
 * call, so the dermatologist's next request for this clinic answers 403 even with a token that is
 * still valid. Clinic admins' access rests on their account's clinic, not on a membership, so they
 * are not removed here; nor can an admin remove themselves.
 */
public final class RemoveMember {
  private final Memberships memberships;
  private final AuditTrail audit;

  @Inject
  public RemoveMember(Memberships memberships, AuditTrail audit) {
    this.memberships = memberships;
    this.audit = audit;
  }

  /** The membership as it now is; removing a removed member again changes nothing. */
  public MemberView run(TenantContext tenant, String memberSubject) {
    if (memberSubject.equals(tenant.subject())) {
      throw conflict("You cannot remove yourself from the clinic.");
    }
    AuditResource resource = AuditResource.of("member", memberSubject);
    StoredItem<MembershipItem> membership =
        memberships
            .find(tenant, memberSubject)
            .orElseThrow(() -> audit.notFound(tenant, "member.remove", resource));
    MembershipItem member = membership.record();
    if (!Role.DERMATOLOGIST.group().equals(member.role())) {
      throw conflict("Only dermatologists' memberships are removed here.");
    }
    if (!Membership.REMOVED.equals(member.statusOrActive())) {
      try {
        memberships.remove(tenant, memberSubject, membership);
      } catch (VersionConflictException e) {
        throw conflict("The membership changed meanwhile; read it again and retry.");
      }
      audit.wrote(tenant, "member.remove", resource);
    }
    return new MemberView(
        memberSubject,
        Memberships.text(member.displayName()),
        Memberships.text(member.role()),
        Membership.REMOVED);
  }

  private static ApiProblem conflict(String detail) {
    return new ApiProblem(409, ProblemTypes.CONFLICT, "Conflict", detail);
  }
}
