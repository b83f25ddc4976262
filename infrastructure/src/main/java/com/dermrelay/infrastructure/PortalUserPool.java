package com.dermrelay.infrastructure;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.AutoVerifiedAttrs;
import software.amazon.awscdk.services.cognito.ClientAttributes;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.IUserPoolClient;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.StandardAttributesMask;
import software.amazon.awscdk.services.cognito.StandardThreatProtectionMode;
import software.amazon.awscdk.services.cognito.StringAttribute;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolGroup;
import software.amazon.awscdk.services.cognito.UserPoolOperation;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.Construct;

/**
 * The Cognito user pool of a region and the portal's app client. Users sign in with their e-mail
 * address; their role is a group and a patient's or clinic admin's home clinic is the custom {@code
 * tenantId} attribute, which the ID token carries as {@code custom:tenantId}.
 *
 * <p>The {@code tenantId} attribute is readable but not writable through the app client, so a
 * signed-in user cannot move themselves to another clinic with UpdateUserAttributes. It is mutable
 * only for the administrative API (our functions set it when a patient registers through a clinic's
 * portal, or when a clinic admin invites staff); an immutable attribute would have to be writable
 * by the client at sign-up, which is exactly what must not be.
 *
 * <p>MFA is optional pool-wide (TOTP only, no SMS): patients may enrol; requiring it for staff is a
 * per-group rule Cognito cannot express, so it is enforced at sign-in by the portal and checked by
 * the API (see docs/deploy.md).
 */
public final class PortalUserPool extends Construct {

  public static final String TENANT_ATTRIBUTE = "tenantId";

  /** The roles of core.auth.Role in the functions, one group each. */
  public static final List<String> GROUPS =
      List.of("patient", "dermatologist", "clinic_admin", "platform_operator");

  static final int MIN_PASSWORD_LENGTH = 12;
  static final Duration ID_TOKEN_VALIDITY = Duration.hours(1);
  static final Duration REFRESH_TOKEN_VALIDITY = Duration.days(30);

  private final UserPool userPool;
  private final UserPoolClient portalClient;

  public PortalUserPool(Construct scope, String id, StageConfig config) {
    super(scope, id);
    this.userPool =
        UserPool.Builder.create(this, "Pool")
            .userPoolName(config.resourcePrefix() + "-users")
            .selfSignUpEnabled(true)
            .signInAliases(SignInAliases.builder().email(true).build())
            .signInCaseSensitive(false)
            .autoVerify(AutoVerifiedAttrs.builder().email(true).build())
            .accountRecovery(AccountRecovery.EMAIL_ONLY)
            .customAttributes(
                Map.of(
                    TENANT_ATTRIBUTE,
                    StringAttribute.Builder.create().minLen(3).maxLen(40).mutable(true).build()))
            .passwordPolicy(
                PasswordPolicy.builder()
                    .minLength(MIN_PASSWORD_LENGTH)
                    .requireLowercase(true)
                    .requireUppercase(true)
                    .requireDigits(true)
                    .requireSymbols(true)
                    .tempPasswordValidity(Duration.days(3))
                    .build())
            .mfa(Mfa.OPTIONAL)
            .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
            // Threat protection (compromised credentials, adaptive authentication) needs the Plus
            // plan.
            .featurePlan(FeaturePlan.PLUS)
            .standardThreatProtectionMode(StandardThreatProtectionMode.FULL_FUNCTION)
            .deletionProtection(true)
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();

    NagSuppression.suppress(
        userPool,
        "AwsSolutions-COG2",
        "MFA is optional for patients (a second factor would keep many from sending a case at all); staff "
            + "enrol TOTP and the portal and API require it for staff roles (docs/deploy.md)");

    for (String group : GROUPS) {
      UserPoolGroup.Builder.create(this, "Group-" + group)
          .userPool(userPool)
          .groupName(group)
          .description("DermRelay role " + group)
          .build();
    }

    ClientAttributes readable =
        new ClientAttributes()
            .withStandardAttributes(
                StandardAttributesMask.builder().email(true).emailVerified(true).build())
            .withCustomAttributes(TENANT_ATTRIBUTE);
    ClientAttributes writable =
        new ClientAttributes()
            .withStandardAttributes(StandardAttributesMask.builder().email(true).build());
    this.portalClient =
        UserPoolClient.Builder.create(this, "PortalClient")
            .userPool(userPool)
            .userPoolClientName(config.resourcePrefix() + "-portal")
            // A browser cannot keep a secret.
            .generateSecret(false)
            .authFlows(AuthFlow.builder().userPassword(true).userSrp(true).build())
            .disableOAuth(true)
            .preventUserExistenceErrors(true)
            .enableTokenRevocation(true)
            .idTokenValidity(ID_TOKEN_VALIDITY)
            .accessTokenValidity(ID_TOKEN_VALIDITY)
            .refreshTokenValidity(REFRESH_TOKEN_VALIDITY)
            .readAttributes(readable)
            .writeAttributes(writable)
            .build();
  }

  /**
   * Runs {@code function} before every account is created: it refuses a self sign-up whose clinic
   * does not exist or which tries to set anything but the patient's own attributes.
   */
  public void runBeforeSignUp(IFunction function) {
    userPool.addTrigger(UserPoolOperation.PRE_SIGN_UP, function);
  }

  /**
   * Runs {@code function} after a self sign-up is confirmed: it sets the patient's clinic ({@code
   * custom:tenantId}, which the app client cannot write) and the patient group.
   */
  public void runAfterConfirmation(IFunction function) {
    userPool.addTrigger(UserPoolOperation.POST_CONFIRMATION, function);
  }

  public UserPool userPool() {
    return userPool;
  }

  public IUserPoolClient portalClient() {
    return portalClient;
  }
}
