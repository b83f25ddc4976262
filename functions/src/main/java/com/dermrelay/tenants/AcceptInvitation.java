package com.dermrelay.tenants;

import com.dermrelay.audit.AuditResource;
import com.dermrelay.audit.AuditTrail;
import com.dermrelay.core.access.InternalAccess;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.auth.Caller;
import com.dermrelay.core.auth.Role;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.TenantItems;
import com.dermrelay.core.data.VersionConflictException;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.tenancy.TenantDirectory;
import java.time.Instant;
import java.util.Map;
import javax.inject.Inject;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A signed-in dermatologist accepts an invitation and becomes an active member of its clinic,
 * keeping every other membership. The invitation must be addressed to the caller's e-mail, still
 * valid, and unused: it is marked ACCEPTED with a conditional write first (single use), then the
 * membership is written, so a retry by the same caller completes instead of failing. An unknown
 * token answers 404, a spent or lapsed one 410.
 */
public final class AcceptInvitation {
  static final String PENDING = "PENDING";
  static final String ACCEPTED = "ACCEPTED";
  /** A known invitation that can no longer be used (spent or lapsed). */
  public static final String INVITATION_UNUSABLE = "urn:dermrelay:problem:invitation-unusable";

  private final InternalAccess access;
  private final TenantItems items;
  private final TenantDirectory directory;
  private final Memberships memberships;
  private final AuditTrail audit;

  @Inject
  public AcceptInvitation(InternalAccess access, TenantItems items, TenantDirectory directory,
      Memberships memberships, AuditTrail audit) {
    this.access = access;
    this.items = items;
    this.directory = directory;
    this.memberships = memberships;
    this.audit = audit;
  }

  public ClinicJoined run(Caller caller, String name, InvitationAcceptance acceptance,
      String requestId, Instant time) {
    InvitationTokens.Parsed token = InvitationTokens.parse(acceptance.token())
        .orElseThrow(() -> ApiProblem.notFound("No such invitation."));
    TenantContext tenant = access.forInvitee(token.tenantId(), caller.subject(), Role.DERMATOLOGIST,
        name, requestId, time).orElseThrow(() -> ApiProblem.notFound("No such invitation."));
    ItemKey key = ItemKey.inTenant(token.sortKey());
    AuditResource resource = AuditResource.of("invitation", token.hash().substring(0, 16));
    Map<String, AttributeValue> invitation = items.get(tenant, key)
        .orElseThrow(() -> audit.notFound(tenant, "member.join", resource));
    if (!Memberships.text(invitation, "email").equalsIgnoreCase(caller.email())) {
      throw new ApiProblem(403, "about:blank", "Forbidden",
          "This invitation is for another account; sign in with the invited address.");
    }
    boolean acceptedByCaller = ACCEPTED.equals(Memberships.text(invitation, "status"))
        && caller.subject().equals(Memberships.text(invitation, "acceptedBy"));
    if (!acceptedByCaller) {
      if (!PENDING.equals(Memberships.text(invitation, "status"))) {
        throw gone("This invitation was already used.");
      }
      if (Long.parseLong(invitation.get("validUntil").n()) <= time.getEpochSecond()) {
        throw gone("This invitation has expired; ask the clinic for a new one.");
      }
      markAccepted(tenant, key, invitation, caller);
    }
    memberships.activate(tenant, caller.subject(), Memberships.text(invitation, "role"),
        caller.email(), name);
    audit.wrote(tenant, "member.join", AuditResource.of("member", caller.subject()));
    return new ClinicJoined(tenant.tenantId(),
        directory.find(tenant.tenantId()).map(t -> t.displayName()).orElse(""),
        Memberships.text(invitation, "role"));
  }

  private void markAccepted(TenantContext tenant, ItemKey key, Map<String, AttributeValue> invitation,
      Caller caller) {
    Map<String, AttributeValue> attributes = TenantItems.ownAttributes(invitation);
    attributes.put("status", AttributeValue.fromS(ACCEPTED));
    attributes.put("acceptedBy", AttributeValue.fromS(caller.subject()));
    attributes.put("acceptedAt", AttributeValue.fromS(tenant.requestTime().toString()));
    try {
      items.putVersioned(tenant, key, attributes, Long.parseLong(invitation.get("version").n()));
    } catch (VersionConflictException e) {
      // Another acceptance came first: the invitation is spent.
      throw gone("This invitation was already used.");
    }
  }

  private static ApiProblem gone(String detail) {
    return new ApiProblem(410, INVITATION_UNUSABLE, "Gone", detail);
  }
}
