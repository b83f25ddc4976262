package com.dermrelay.tenants;

import com.dermrelay.core.auth.Role;
import com.dermrelay.core.aws.CognitoAdmin;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.inject.Inject;

/**
 * Makes a just-confirmed self sign-up a patient of its clinic: sets {@code custom:tenantId} (and
 * the name given at sign-up) with AdminUpdateUserAttributes and adds the account to the {@code
 * patient} group with AdminAddUserToGroup. The portal names the clinic in ConfirmSignUp's
 * ClientMetadata; it is browser input, so {@link PatientSignUpGuard#checkClinic} checks it again
 * (naming another open clinic here gains nothing a sign-up there would not give).
 *
 * <p>Idempotent: Cognito retries a trigger that times out, and both calls may be repeated; an
 * account that already has a clinic keeps it (a different one is refused, never overwritten).
 */
public final class PatientEnrolment {
  private final PatientSignUpGuard guard;
  private final CognitoAdmin cognito;

  @Inject
  public PatientEnrolment(PatientSignUpGuard guard, CognitoAdmin cognito) {
    this.guard = guard;
    this.cognito = cognito;
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
    Map<String, String> changes = new LinkedHashMap<>();
    if (current == null || current.isBlank()) {
      changes.put(PatientSignUpGuard.TENANT_ATTRIBUTE, tenantId);
    }
    if (!attributes.containsKey("name")) {
      PatientSignUpGuard.patientName(clientMetadata.get(PatientSignUpGuard.NAME_KEY))
          .ifPresent(name -> changes.put("name", name));
    }
    CognitoAdmin pool = cognito.forPool(userPoolId);
    if (!changes.isEmpty()) {
      pool.updateAttributes(username, changes);
    }
    // Adding a member of the group again changes nothing.
    pool.addToGroup(username, Role.PATIENT.group());
    return tenantId;
  }
}
