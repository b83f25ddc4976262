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
import java.util.List;
import javax.inject.Inject;

/**
 * A clinic admin names an active dermatologist of the clinic one of its medical leads, or no
 * longer: the people told when a second read finds an answer less urgent than it should have been
 * (docs/quality.md). A flag on the membership, so naming one lead never needs a second write to
 * un-name another (no transactions): a clinic may have several. Setting what is already set changes
 * nothing and is not recorded again.
 */
public final class SetMedicalLead {
  private final Memberships memberships;
  private final AuditTrail audit;

  @Inject
  public SetMedicalLead(Memberships memberships, AuditTrail audit) {
    this.memberships = memberships;
    this.audit = audit;
  }

  /** setMedicalLead's body. */
  public record MedicalLeadRequest(Boolean medicalLead) {}

  /** The membership as it now is. */
  public ListMembers.Member run(
      TenantContext tenant, String memberSubject, MedicalLeadRequest request) {
    if (request.medicalLead() == null) {
      throw new ApiProblem(
          400,
          ProblemTypes.INVALID_REQUEST,
          "Bad Request",
          "Say whether the member is a medical lead.",
          List.of(new ApiProblem.FieldError("/medicalLead", "required: true or false")));
    }
    boolean lead = request.medicalLead();
    AuditResource resource = AuditResource.of("member", memberSubject);
    StoredItem<MembershipItem> membership =
        memberships
            .find(tenant, memberSubject)
            .orElseThrow(() -> audit.notFound(tenant, "member.medical-lead", resource));
    MembershipItem member = membership.record();
    if (!Role.DERMATOLOGIST.group().equals(member.role())
        || !Membership.ACTIVE.equals(member.statusOrActive())) {
      throw new ApiProblem(
          409,
          ProblemTypes.CONFLICT,
          "Conflict",
          "Only an active dermatologist of the clinic can be a medical lead.");
    }
    if (member.isMedicalLead() != lead) {
      try {
        memberships.setMedicalLead(tenant, membership, lead);
      } catch (VersionConflictException e) {
        throw new ApiProblem(
            409,
            ProblemTypes.CONFLICT,
            "Conflict",
            "The membership changed meanwhile; read it again and retry.");
      }
      audit.wrote(tenant, lead ? "member.medical-lead.set" : "member.medical-lead.unset", resource);
    }
    return ListMembers.Member.of(memberships.find(tenant, memberSubject).orElseThrow().record());
  }
}
