package com.dermrelay.fhir.delivery;

/**
 * What a clinic gave us to call its EHR: OAuth2 client credentials or a static bearer token. Kept
 * only in Secrets Manager; {@code toString} never shows the secret part.
 */
public sealed interface EhrCredentials {
  /** OAuth2 client-credentials grant. */
  record ClientCredentials(String clientId, String clientSecret) implements EhrCredentials {
    @Override
    public String toString() {
      return "ClientCredentials[" + clientId + ", ****]";
    }
  }

  /** A static bearer token. */
  record Token(String token) implements EhrCredentials {
    @Override
    public String toString() {
      return "Token[****]";
    }
  }
}
