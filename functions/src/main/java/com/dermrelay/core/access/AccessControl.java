package com.dermrelay.core.access;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.RepeatedDenials;
import com.dermrelay.core.auth.Caller;
import com.dermrelay.core.auth.Role;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.RequestAuthorizer;
import com.dermrelay.core.http.TooManyRequests;
import com.dermrelay.core.tenancy.Membership;
import com.dermrelay.core.tenancy.TenancySettings;
import com.dermrelay.core.tenancy.TenantDirectory;
import com.dermrelay.core.tenancy.TenantRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access rules of every API route, applied by ApiHandler before a handler runs:
 *
 * <ol>
 *   <li>the route must have a rule (x-roles in openapi.yaml); one without is refused, fail closed;
 *   <li>a public route goes on without a caller;
 *   <li>otherwise the verified ID token's claims are checked again (token use, subject, audience)
 *       and the caller must hold one of the route's roles (else 403);
 *   <li>under {@code /clinics/{tenantId}} the caller must belong to that clinic: patients and
 *       clinic admins by their token's {@code custom:tenantId}, dermatologists by an active
 *       membership item read on every call, platform operators wherever the route lists them.
 *       Another clinic answers 404 (its existence is not revealed); a dermatologist whose
 *       membership was removed 403, and so does an account with no home clinic at all (a patient
 *       whose sign-up was not linked to a clinic, unless the post-confirmation trigger recorded the
 *       link in the table: see {@link #linkedPatient}). Each refusal at a clinic that exists is
 *       written to that clinic's audit trail, repeats of one caller at one route aggregated into
 *       one record; past a limit, 429.
 *   <li>the subject must still be in good standing, whatever the token says: a patient whose
 *       account was closed (erased) gets 401 on every call, also outside {@code /clinics} (only
 *       repeating the erasure itself still answers, the same as before); a clinic admin or
 *       dermatologist whose membership item is no longer active gets 403. That costs one strongly
 *       consistent read per call (the erasure item, or the membership item dermatologists' calls
 *       read anyway), never cached, so it holds at once on every container;
 *   <li>a clinic the platform operator suspended refuses its own patients and staff, once admitted,
 *       with 403 {@value #CLINIC_SUSPENDED} (the operator still gets through; workflow steps never
 *       pass here, so open cases go on);
 *   <li>a clinic's patients and staff share its plan's request rate ({@link ClinicRequestLimit}):
 *       past it, 429 with {@code Retry-After}.
 * </ol>
 */
@Singleton
public final class AccessControl implements RequestAuthorizer {
  private static final Logger LOG = LoggerFactory.getLogger(AccessControl.class);

  /**
   * The one route a closed account may still call: asking for its erasure again answers the same
   * (the operation is idempotent) and reveals or changes nothing.
   */
  static final String REPEATABLE_AFTER_CLOSING = "POST /clinics/{tenantId}/me/erasure";

  /** The problem type of a request by a suspended clinic's own patients and staff. */
  public static final String CLINIC_SUSPENDED = "urn:dermrelay:problem:clinic-suspended";

  private final AccessRules rules;
  private final TenantDirectory directory;
  private final RepeatedDenials denials;
  private final TenancySettings settings;
  private final Clock clock;
  private final ClinicRequestLimit requestLimit;

  @Inject
  public AccessControl(
      AccessRules rules,
      TenantDirectory directory,
      RepeatedDenials denials,
      TenancySettings settings,
      Clock clock,
      ClinicRequestLimit requestLimit) {
    this.requestLimit = requestLimit;
    this.rules = rules;
    this.directory = directory;
    this.denials = denials;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public ApiRequest authorize(APIGatewayV2HTTPEvent event, String requestId) {
    String routeKey = event.getRouteKey();
    AccessRules.Rule rule =
        rules
            .forRoute(routeKey)
            .orElseThrow(
                () -> {
                  // A route the contract gives no roles: a deployment mistake, never an open door.
                  LOG.error("no access rule for route {}; refusing", routeKey);
                  return new IllegalStateException("no access rule for the route");
                });
    if (rule.isPublic()) {
      return new ApiRequest(event, requestId, null, null, clock);
    }
    Caller caller = linkedPatient(Caller.of(event), rule, event);
    ApiRequest request = new ApiRequest(event, requestId, caller, null, clock);
    Map<String, String> claims = event.getRequestContext().getAuthorizer().getJwt().getClaims();
    settings
        .portalClientId()
        .ifPresent(
            clientId -> {
              if (!clientId.equals(claims.get("aud"))) {
                throw unauthorized("The token is not for this application.");
              }
            });
    if (caller.roles().stream().noneMatch(rule::allows)) {
      throw forbidden("Your role may not do this.");
    }
    if (!rule.tenantScoped()) {
      caller
          .homeTenantId()
          .filter(home -> caller.has(Role.PATIENT))
          .filter(home -> TenantContext.TENANT_ID.matcher(home).matches())
          .ifPresent(home -> refuseIfClosed(home, caller, routeKey));
      return request;
    }
    String tenantId =
        event.getPathParameters() == null ? null : event.getPathParameters().get("tenantId");
    if (tenantId == null || !TenantContext.TENANT_ID.matcher(tenantId).matches()) {
      throw notFound();
    }
    Instant time = request.requestTime();
    String name = request.callerName();
    Optional<TenantRecord> tenant = directory.find(tenantId);
    if (tenant.isEmpty()) {
      LOG.info("refused: route={} reason=no-such-tenant role={}", routeKey, caller.roles());
      throw notFound();
    }
    int retention = tenant.get().retentionYears();
    TenantRecord clinic = tenant.get();
    boolean membershipEnded = false;
    boolean noHomeClinic = false;
    for (Role role : caller.roles()) {
      if (!rule.allows(role)) {
        continue;
      }
      switch (role) {
        case PATIENT -> {
          if (caller.homeTenantId().filter(tenantId::equals).isPresent()) {
            refuseIfClosed(tenantId, caller, routeKey);
            return limited(granted(request, tenantId, role, retention), clinic);
          }
          // A confirmed self sign-up whose post-confirmation trigger did not link it (yet).
          noHomeClinic |= caller.homeTenantId().isEmpty();
        }
        case CLINIC_ADMIN -> {
          if (caller.homeTenantId().filter(tenantId::equals).isPresent()) {
            // Admins are admitted by their account's clinic; a membership item, when there is
            // one, can still end that (absent: an account made before admins had one).
            Optional<Membership> membership = directory.membership(tenantId, caller.subject());
            if (membership.isEmpty() || membership.get().active()) {
              return limited(granted(request, tenantId, role, retention), clinic);
            }
            membershipEnded = true;
          } else {
            noHomeClinic |= caller.homeTenantId().isEmpty();
          }
        }
        case DERMATOLOGIST -> {
          Optional<Membership> membership = directory.membership(tenantId, caller.subject());
          if (membership
              .filter(m -> m.active() && m.roleValue().equals(Optional.of(role)))
              .isPresent()) {
            return limited(granted(request, tenantId, role, retention), clinic);
          }
          membershipEnded |= membership.isPresent();
        }
        case PLATFORM_OPERATOR -> {
          // Not counted: the operator may have to act on a clinic that floods the API.
          return granted(request, tenantId, role, retention);
        }
      }
    }
    // Recorded in the clinic's own trail: its admins see who tried to reach its data. Repeats are
    // one record with a count, and past the limit the caller waits (audit flooding).
    TenantContext attempt =
        new TenantContext(
            tenantId,
            caller.subject(),
            caller.roles().isEmpty() ? null : caller.roles().get(0),
            name,
            requestId,
            time,
            retention);
    RepeatedDenials.Count attempts =
        denials.record(attempt, "access." + routeKey, AuditResource.of("route", routeKey));
    LOG.info(
        "refused: route={} reason={} role={}",
        routeKey,
        membershipEnded ? "membership-ended" : "other-tenant",
        caller.roles());
    if (attempts.overLimit()) {
      long retryAfter = attempts.retryAfterSeconds(time);
      throw new TooManyRequests(
          "Too many refused requests; try again in " + retryAfter + " seconds.", retryAfter);
    }
    if (membershipEnded) {
      throw forbidden("Your membership of this clinic has ended.");
    }
    if (noHomeClinic) {
      throw forbidden("Your account is not linked to a clinic; contact the clinic.");
    }
    throw notFound();
  }

  /**
   * A confirmed self sign-up whose token names no clinic because Cognito refused the trigger's
   * admin calls (issue 20) is a patient of the clinic in the path when the trigger recorded the
   * link there (TenantDirectory#patientLinked). One strongly consistent read, and only for such an
   * account on a patient route; everyone else is left as their token says.
   */
  private Caller linkedPatient(Caller caller, AccessRules.Rule rule, APIGatewayV2HTTPEvent event) {
    if (caller.homeTenantId().isPresent()
        || !rule.tenantScoped()
        || !rule.allows(Role.PATIENT)
        || caller.roles().stream().anyMatch(role -> role != Role.PATIENT)
        || event.getPathParameters() == null) {
      return caller;
    }
    String tenantId = event.getPathParameters().get("tenantId");
    if (tenantId == null
        || !TenantContext.TENANT_ID.matcher(tenantId).matches()
        || !directory.patientLinked(tenantId, caller.subject())) {
      return caller;
    }
    return new Caller(
        caller.subject(), caller.email(), List.of(Role.PATIENT), Optional.of(tenantId));
  }

  /**
   * 401 for a token of an account closed since it was issued (see {@link
   * #REPEATABLE_AFTER_CLOSING}).
   */
  private void refuseIfClosed(String tenantId, Caller caller, String routeKey) {
    if (!REPEATABLE_AFTER_CLOSING.equals(routeKey)
        && directory.accountClosed(tenantId, caller.subject())) {
      LOG.info("refused: route={} reason=account-closed", routeKey);
      throw unauthorized("This account is closed; it can no longer be used.");
    }
  }

  /**
   * A granted request of the clinic's own people: refused while the clinic is suspended (the
   * operator's reason is never told), else it takes a token of its plan's rate.
   */
  private ApiRequest limited(ApiRequest granted, TenantRecord clinic) {
    if (clinic.suspended()) {
      LOG.info("refused: reason=clinic-suspended role={}", granted.tenant().roleName());
      throw new ApiProblem(
          403,
          CLINIC_SUSPENDED,
          "Clinic not available",
          clinic.displayName()
              + " is not available at the moment. Your cases and records are safe; please contact"
              + " the clinic.");
    }
    requestLimit.take(granted.tenant(), clinic.plan());
    return granted;
  }

  private static ApiRequest granted(ApiRequest request, String tenantId, Role role, int retention) {
    Caller caller = request.caller();
    return request.withTenant(
        new TenantContext(
            tenantId,
            caller.subject(),
            role,
            request.callerName(),
            request.requestId(),
            request.requestTime(),
            retention));
  }

  static ApiProblem unauthorized(String detail) {
    return new ApiProblem(401, "about:blank", "Unauthorized", detail);
  }

  static ApiProblem forbidden(String detail) {
    return new ApiProblem(403, "about:blank", "Forbidden", detail);
  }

  private static ApiProblem notFound() {
    return ApiProblem.notFound("No such resource.");
  }
}
