package com.dermrelay.tenants;

import com.dermrelay.core.access.InternalAccess;
import com.dermrelay.core.auth.Role;
import com.dermrelay.core.aws.CognitoAdmin;
import com.dermrelay.core.aws.RetryBudget;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a just-confirmed self sign-up a patient of its clinic: records the link in the table
 * ({@link PatientLinks}), then sets {@code custom:tenantId} (and the name given at sign-up) with
 * AdminUpdateUserAttributes and adds the account to the {@code patient} group with
 * AdminAddUserToGroup. The portal names the clinic in ConfirmSignUp's ClientMetadata; it is browser
 * input, so {@link PatientSignUpGuard#checkClinic} checks it again (naming another open clinic here
 * gains nothing a sign-up there would not give).
 *
 * <p>Cognito throttles its admin API per pool (issue 20): each call is retried on throttling, a
 * service error or a timeout, with backoff and jitter, within {@link #COGNITO_BUDGET}. If Cognito
 * still refuses, the recorded link stands in: the confirmation succeeds, and the API admits the
 * patient to the clinic by the link (core.access.AccessControl) although their token names no
 * clinic. The patient is not asked to contact anyone. Only when neither could be written does the
 * confirmation answer an error.
 *
 * <p>Idempotent: Cognito retries a trigger that times out, and every write may be repeated; an
 * account that already has a clinic keeps it (a different one is refused, never overwritten).
 */
public final class PatientEnrolment {
  private static final Logger LOG = LoggerFactory.getLogger(PatientEnrolment.class);

  /**
   * How long the admin calls back to Cognito may take, retries included: Cognito waits 5 s for the
   * trigger, and the margin covers the clinic check, the link's write and a restored (SnapStart)
   * container.
   */
  static final Duration COGNITO_BUDGET = Duration.ofMillis(3500);

  private final PatientSignUpGuard guard;
  private final CognitoAdmin cognito;
  private final PatientLinks links;
  private final InternalAccess access;
  private final Clock clock;

  @Inject
  public PatientEnrolment(
      PatientSignUpGuard guard,
      CognitoAdmin cognito,
      PatientLinks links,
      InternalAccess access,
      Clock clock) {
    this.guard = guard;
    this.cognito = cognito;
    this.links = links;
    this.access = access;
    this.clock = clock;
  }

  /**
   * @param userPoolId the event's pool
   * @param username the event's user name
   * @param attributes the account's attributes as the event gives them
   * @param clientMetadata ConfirmSignUp's ClientMetadata
   * @return the clinic the patient now belongs to
   * @throws PatientSignUpGuard.SignUpRefused when the clinic is missing, unknown or closed
   */
  public String enrol(
      String userPoolId,
      String username,
      Map<String, String> attributes,
      Map<String, String> clientMetadata) {
    RetryBudget retries = RetryBudget.startingNow(COGNITO_BUDGET);
    String current = attributes.get(PatientSignUpGuard.TENANT_ATTRIBUTE);
    String named = clientMetadata.get(PatientSignUpGuard.CLINIC_KEY);
    String tenantId;
    if (current != null && !current.isBlank()) {
      // A retry after the attribute was set: keep it; a different clinic is never taken over.
      if (named != null && !named.equals(current)) {
        throw new PatientSignUpGuard.SignUpRefused(
            "This account already belongs to another clinic.");
      }
      tenantId = current;
    } else {
      tenantId = guard.checkClinic(named);
    }
    boolean linkKept = keepLink(tenantId, attributes.get("sub"));
    Map<String, String> changes = new LinkedHashMap<>();
    if (current == null || current.isBlank()) {
      changes.put(PatientSignUpGuard.TENANT_ATTRIBUTE, tenantId);
    }
    if (!attributes.containsKey("name")) {
      PatientSignUpGuard.patientName(clientMetadata.get(PatientSignUpGuard.NAME_KEY))
          .ifPresent(name -> changes.put("name", name));
    }
    CognitoAdmin pool = cognito.forPool(userPoolId);
    try {
      if (!changes.isEmpty()) {
        retries.run(() -> pool.updateAttributes(username, changes));
      }
      // Adding a member of the group again changes nothing.
      retries.run(() -> pool.addToGroup(username, Role.PATIENT.group()));
    } catch (RuntimeException e) {
      if (!linkKept) {
        throw e;
      }
      // Not an error for the patient: the link admits them; their token lacks the clinic.
      LOG.warn(
          "Cognito did not take the patient's clinic within {} ms ({}); the table's link stands in",
          COGNITO_BUDGET.toMillis(),
          e.getClass().getSimpleName());
    }
    return tenantId;
  }

  /** Records the link; false (logged) when the table did not take it. */
  private boolean keepLink(String tenantId, String subject) {
    if (subject == null || subject.isBlank()) {
      return false;
    }
    try {
      links.keep(
          access.forConfirmedSignUp(tenantId, subject, "post-confirmation", clock.instant()));
      return true;
    } catch (RuntimeException e) {
      LOG.error("the patient's clinic link could not be recorded", e);
      return false;
    }
  }
}
