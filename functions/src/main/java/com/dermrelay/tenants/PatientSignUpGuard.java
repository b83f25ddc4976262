package com.dermrelay.tenants;

import com.dermrelay.core.http.NameText;
import com.dermrelay.core.tenancy.TenantDirectory;
import com.dermrelay.core.tenancy.TenantRecord;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.inject.Inject;

/**
 * Decides whether a patient's self sign-up (Cognito SignUp from a clinic's portal) may create an
 * account, and checks the clinic again when the account is confirmed. The app client may write only
 * {@code email}, so the home clinic (and the patient's name) arrive in SignUp's {@code
 * ClientMetadata}, chosen by the browser and so untrusted: the clinic must exist and take new
 * patients, and no attribute may raise what the account can do. The post-confirmation trigger
 * ({@link PatientEnrolment}) sets {@code custom:tenantId} and the patient group with the admin API.
 * Accounts our functions create with the admin API never come here.
 *
 * <p>Refusals carry a message Cognito shows the browser as {@code PreSignUp failed with error
 * <message>}: it names the field, never echoes its value.
 */
public final class PatientSignUpGuard {
  public static final String TENANT_ATTRIBUTE = "custom:tenantId";
  public static final String EMAIL = "email";

  /** ClientMetadata keys the portal sends with SignUp and ConfirmSignUp. */
  public static final String CLINIC_KEY = "tenantId";

  public static final String NAME_KEY = "name";
  public static final String CLOSED_MESSAGE =
      "This clinic is not taking new patients at the moment.";

  /**
   * Attributes a patient may give at sign-up (the AWS app client writes only e-mail, so Cognito
   * refuses the others first; this is the second line). Never {@code custom:tenantId}.
   */
  static final Set<String> PATIENT_ATTRIBUTES =
      Set.of(EMAIL, "name", "given_name", "family_name", "locale");

  /** Filled in by Cognito itself, not by the client; tolerated when present. */
  private static final Set<String> SET_BY_COGNITO = Set.of("sub", "cognito:user_status");

  /** tenant-config/tenant.schema.json's tenantId. */
  private static final Pattern TENANT_ID = Pattern.compile("[a-z][a-z0-9-]{2,39}");

  private static final Pattern EMAIL_SHAPE =
      Pattern.compile(
          "[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+");
  private static final int MAX_EMAIL = 254;
  private static final int MAX_NAME = 100;

  private final TenantDirectory directory;

  @Inject
  public PatientSignUpGuard(TenantDirectory directory) {
    this.directory = directory;
  }

  /** A refused sign-up; the message is safe to show the person signing up. */
  public static final class SignUpRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SignUpRefused(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Checks a self sign-up: its attributes and the clinic and name in its ClientMetadata; returns
   * the clinic the patient joins.
   *
   * @throws SignUpRefused naming what is wrong
   */
  public String check(Map<String, String> attributes, Map<String, String> clientMetadata) {
    for (String name : attributes.keySet()) {
      if (!PATIENT_ATTRIBUTES.contains(name) && !SET_BY_COGNITO.contains(name)) {
        // Roles are groups and the clinic is set by the post-confirmation trigger; custom
        // attributes and the verified flags are the administrative API's alone.
        throw new SignUpRefused("Sign-up may not set the attribute " + safeName(name) + ".");
      }
    }
    checkEmail(attributes.get(EMAIL));
    String name = clientMetadata.get(NAME_KEY);
    if (name != null && patientName(name).isEmpty()) {
      throw new SignUpRefused(
          "The name must be 1 to "
              + MAX_NAME
              + " characters without line breaks, control or invisible formatting characters.");
    }
    return checkClinic(clientMetadata.get(CLINIC_KEY));
  }

  /**
   * The clinic a patient joins: well formed, in the directory, taking new patients. Run at sign-up
   * and again at confirmation (the metadata comes from the browser both times).
   */
  public String checkClinic(String tenantId) {
    if (tenantId == null || tenantId.isBlank()) {
      throw new SignUpRefused("Sign-up needs the clinic (ClientMetadata tenantId).");
    }
    if (!TENANT_ID.matcher(tenantId).matches()) {
      throw new SignUpRefused("The clinic id (tenantId) is malformed.");
    }
    TenantRecord tenant =
        directory
            .load(tenantId)
            .filter(t -> !t.slug().isEmpty())
            .orElseThrow(
                () -> new SignUpRefused("No clinic with this id accepts patient sign-ups."));
    if (!tenant.acceptingNewPatients()) {
      throw new SignUpRefused(CLOSED_MESSAGE);
    }
    return tenantId;
  }

  /** The name as the account keeps it (trimmed); empty when it is unusable. */
  static Optional<String> patientName(String given) {
    if (given == null) {
      return Optional.empty();
    }
    String name = given.strip();
    if (name.isEmpty() || name.length() > MAX_NAME || !NameText.safe(name)) {
      return Optional.empty();
    }
    return Optional.of(name);
  }

  /**
   * Pre-sign-up triggers cannot change attributes, so the e-mail must arrive as the portal sends
   * it: trimmed and in lower case (one spelling per person, as usernames are compared).
   */
  private static void checkEmail(String email) {
    if (email == null || email.isBlank()) {
      throw new SignUpRefused("Sign-up needs an e-mail address.");
    }
    if (!email.equals(email.strip().toLowerCase(Locale.ROOT))) {
      throw new SignUpRefused(
          "The e-mail address must be in lower case without surrounding spaces.");
    }
    if (email.length() > MAX_EMAIL || !EMAIL_SHAPE.matcher(email).matches()) {
      throw new SignUpRefused("The e-mail address is not valid.");
    }
  }

  /** Attribute names are schema names, but a hostile one is not echoed beyond its shape. */
  private static String safeName(String name) {
    return name.matches("[A-Za-z0-9:_]{1,40}") ? name : "(unnamed)";
  }
}
