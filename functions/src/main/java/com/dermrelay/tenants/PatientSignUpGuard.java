package com.dermrelay.tenants;

import com.dermrelay.core.tenancy.TenantDirectory;
import com.dermrelay.core.tenancy.TenantRecord;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.inject.Inject;

/**
 * Decides whether a patient's self sign-up (Cognito SignUp from a clinic's portal) may create an
 * account. The home clinic arrives as {@code custom:tenantId}, chosen by the browser, so it is
 * untrusted: it must name an existing clinic, and nothing else the browser sends may raise what
 * the account can do. Accounts our functions create with the admin API (clinic admins,
 * dermatologists) never come here: they are IAM-authenticated calls (see the trigger handler).
 *
 * <p>Refusals carry a message Cognito shows the browser as {@code PreSignUp failed with error
 * <message>}: it names the field, never echoes its value.
 */
public final class PatientSignUpGuard {
  public static final String TENANT_ATTRIBUTE = "custom:tenantId";
  public static final String EMAIL = "email";

  /** The attributes a patient may give at sign-up; everything else is refused. */
  static final Set<String> PATIENT_ATTRIBUTES =
      Set.of(EMAIL, "name", "given_name", "family_name", "locale", TENANT_ATTRIBUTE);
  /** Filled in by Cognito itself, not by the client; tolerated when present. */
  private static final Set<String> SET_BY_COGNITO = Set.of("sub", "cognito:user_status");

  /** tenant-config/tenant.schema.json's tenantId. */
  private static final Pattern TENANT_ID = Pattern.compile("[a-z][a-z0-9-]{2,39}");
  private static final Pattern EMAIL_SHAPE =
      Pattern.compile("[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+");
  private static final int MAX_EMAIL = 254;

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
   * Checks the attributes of a self sign-up; returns the clinic the patient joins.
   *
   * @throws SignUpRefused naming what is wrong
   */
  public String check(Map<String, String> attributes) {
    for (String name : attributes.keySet()) {
      if (!PATIENT_ATTRIBUTES.contains(name) && !SET_BY_COGNITO.contains(name)) {
        // Roles are groups our functions assign, custom attributes other than the clinic and
        // the verified flags are the administrative API's alone.
        throw new SignUpRefused("Sign-up may not set the attribute " + safeName(name) + ".");
      }
    }
    checkEmail(attributes.get(EMAIL));
    String tenantId = attributes.get(TENANT_ATTRIBUTE);
    if (tenantId == null || tenantId.isBlank()) {
      throw new SignUpRefused("Sign-up needs the clinic (custom:tenantId).");
    }
    if (!TENANT_ID.matcher(tenantId).matches()) {
      throw new SignUpRefused("The clinic id (custom:tenantId) is malformed.");
    }
    if (directory.load(tenantId).filter(PatientSignUpGuard::acceptsPatients).isEmpty()) {
      throw new SignUpRefused("No clinic with this id accepts patient sign-ups.");
    }
    return tenantId;
  }

  /**
   * Every clinic in the directory takes patients today: the configuration has no "closed to new
   * patients" setting yet. One place to add it when it has.
   */
  static boolean acceptsPatients(TenantRecord tenant) {
    return !tenant.slug().isEmpty();
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
      throw new SignUpRefused("The e-mail address must be in lower case without surrounding spaces.");
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
