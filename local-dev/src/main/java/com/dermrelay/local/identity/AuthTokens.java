package com.dermrelay.local.identity;

/**
 * Cognito's {@code AuthenticationResult}. {@code refreshToken} is null after a refresh, as in
 * Cognito, which only hands one out for a password sign-in.
 */
public record AuthTokens(
    String accessToken, String idToken, String refreshToken, long expiresInSeconds) {

  public static final String TOKEN_TYPE = "Bearer";

  @Override
  public String toString() {
    // Records print their fields; tokens must never reach a log.
    return "AuthTokens[expiresIn=" + expiresInSeconds + ", refresh=" + (refreshToken != null) + "]";
  }
}
