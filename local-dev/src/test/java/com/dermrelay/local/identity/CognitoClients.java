package com.dermrelay.local.identity;

import com.dermrelay.local.http.Exchanges;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** The real AWS SDK client and a real JWT verifier, both pointed at a local server. */
final class CognitoClients {
  private CognitoClients() {}

  static CognitoIdentityProviderClient sdk(LocalIdentityServer server) {
    return CognitoIdentityProviderClient.builder()
        .endpointOverride(URI.create(server.url()))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local-secret")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  static JsonNode getJson(String url) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + url + " answered " + response.statusCode());
    }
    return Exchanges.JSON.readTree(response.body());
  }

  /**
   * What a resource server does: read the discovery document, then verify the token's signature
   * against the served JWKS, its issuer, expiry and token_use.
   */
  static JWTClaimsSet verify(String discoveryUrl, String token, String tokenUse) throws Exception {
    JsonNode discovery = getJson(discoveryUrl);
    return verify(
        discovery.get("jwks_uri").asText(), discovery.get("issuer").asText(), token, tokenUse);
  }

  static JWTClaimsSet verify(String jwksUrl, String issuer, String token, String tokenUse)
      throws Exception {
    JWKSource<SecurityContext> keys =
        JWKSourceBuilder.create(new URL(jwksUrl)).retrying(false).build();
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            new JWTClaimsSet.Builder().issuer(issuer).claim("token_use", tokenUse).build(),
            Set.of("sub", "exp", "iat", "jti", "auth_time")));
    return processor.process(token, null);
  }
}
