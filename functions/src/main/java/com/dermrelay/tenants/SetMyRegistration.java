package com.dermrelay.tenants;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.data.StoredItem;
import com.dermrelay.core.data.VersionConflictException;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import com.dermrelay.core.tenancy.MembershipItem;
import java.util.List;
import javax.inject.Inject;

/**
 * getMyRegistration and setMyRegistration: a dermatologist's professional registration number in
 * one clinic (e.g. "GMC 7654321"), which the answer letters they sign print. Per clinic, because
 * clinics may be in different countries. Optional: a letter without one leaves the line out.
 */
public final class SetMyRegistration {
  /** Long enough for any register's prefix and number. */
  static final int MAX_LENGTH = 40;

  /** A stale read is re-read and written again: only the member writes this field. */
  private static final int ATTEMPTS = 3;

  private final Memberships memberships;
  private final AuditTrail audit;

  @Inject
  public SetMyRegistration(Memberships memberships, AuditTrail audit) {
    this.memberships = memberships;
    this.audit = audit;
  }

  /**
   * @param registration as the body carries it, checked here (400 naming {@code /registration})
   */
  public MyRegistration set(TenantContext tenant, RegistrationRequest request) {
    String registration = request.registration();
    if (registration == null
        || registration.strip().length() > MAX_LENGTH
        || registration.codePoints().anyMatch(Character::isISOControl)) {
      throw new ApiProblem(
          400,
          ProblemTypes.INVALID_REQUEST,
          "Bad Request",
          "The registration number is not valid.",
          List.of(
              new ApiProblem.FieldError(
                  "/registration",
                  "required: a text of at most "
                      + MAX_LENGTH
                      + " characters without control characters (empty clears it)")));
    }
    String value = registration.strip();
    for (int attempt = 1; ; attempt++) {
      StoredItem<MembershipItem> membership =
          memberships
              .find(tenant, tenant.subject())
              .orElseThrow(() -> ApiProblem.notFound("You are not a member of this clinic."));
      try {
        memberships.setRegistration(tenant, membership, value);
        break;
      } catch (VersionConflictException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
    audit.wrote(tenant, "member.registration.set", AuditResource.of("member", tenant.subject()));
    return new MyRegistration(value.isEmpty() ? null : value);
  }

  public MyRegistration get(TenantContext tenant) {
    String value =
        memberships
            .find(tenant, tenant.subject())
            .map(m -> Memberships.text(m.record().registration()))
            .orElseThrow(() -> ApiProblem.notFound("You are not a member of this clinic."));
    return new MyRegistration(value.isEmpty() ? null : value);
  }

  /** setMyRegistration's body. */
  public record RegistrationRequest(String registration) {}

  /**
   * @param registration null (left out of the JSON) where none is set
   */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  public record MyRegistration(String registration) {}
}
