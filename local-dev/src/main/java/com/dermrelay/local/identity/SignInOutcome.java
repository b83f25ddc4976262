package com.dermrelay.local.identity;

/**
 * What a password sign-in gives: tokens, or Cognito's NEW_PASSWORD_REQUIRED challenge for a user an
 * admin created with a temporary password (answer it with {@link
 * IdentityService#respondToNewPasswordChallenge}).
 */
public record SignInOutcome(AuthTokens tokens, String challengeName, String session) {
  public static final String NEW_PASSWORD_REQUIRED = "NEW_PASSWORD_REQUIRED";

  public boolean isChallenge() {
    return challengeName != null;
  }

  @Override
  public String toString() {
    return isChallenge()
        ? "SignInOutcome[challenge=" + challengeName + "]"
        : "SignInOutcome[tokens]";
  }
}
