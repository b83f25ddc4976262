package com.dermrelay.fhir.media;

import com.dermrelay.core.aws.AwsServiceException;
import com.dermrelay.core.aws.SignedJsonClient;
import com.dermrelay.core.config.Settings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The HMAC key of EHR media links: one Secrets Manager secret per stage ({@code
 * dermrelay/<stage>/ehr-link-key}; its name in {@value #SECRET_NAME}), read once per container
 * through {@link SignedJsonClient} as fhir.delivery.EhrSecrets reads clinics' credentials. On AWS
 * infrastructure creates it (random, encrypted with the stage's data key) and the functions may
 * only read it; the local stack's emulator starts empty, so the first reader creates it. The key's
 * bytes are the secret string's UTF-8 bytes; never logged, never answered.
 */
@Singleton
public final class EhrLinkKey {
  public static final String SECRET_NAME = "DERMRELAY_EHR_LINK_KEY_SECRET";
  static final String LOCAL_SECRET_NAME = "dermrelay/local/ehr-link-key";

  private final SignedJsonClient client;
  private final ObjectMapper json;
  private final String name;
  private volatile byte[] cached;

  @Inject
  public EhrLinkKey(
      Settings settings,
      SdkHttpClient http,
      AwsCredentialsProvider credentials,
      ObjectMapper json) {
    this.client =
        SignedJsonClient.forService(
            settings,
            http,
            credentials,
            json,
            "SECRETS_MANAGER",
            "secretsmanager",
            "secretsmanager");
    this.json = json;
    String configured = settings.environment().get(SECRET_NAME);
    this.name = configured == null || configured.isBlank() ? LOCAL_SECRET_NAME : configured;
  }

  public byte[] bytes() {
    byte[] key = cached;
    if (key == null) {
      key = read();
      cached = key;
    }
    return key;
  }

  private byte[] read() {
    try {
      return value(
          client.target(
              "secretsmanager.GetSecretValue", json.createObjectNode().put("SecretId", name)));
    } catch (AwsServiceException e) {
      if (!e.is("ResourceNotFoundException")) {
        throw e;
      }
    }
    byte[] random = new byte[48];
    new SecureRandom().nextBytes(random);
    try {
      client.target(
          "secretsmanager.CreateSecret",
          json.createObjectNode()
              .put("Name", name)
              .put("Description", "HMAC key of the EHR media links")
              .put("SecretString", Base64.getUrlEncoder().withoutPadding().encodeToString(random)));
    } catch (AwsServiceException raced) {
      if (!raced.is("ResourceExistsException")) {
        throw raced;
      }
    }
    // Read back, so two first readers racing end up with the same key.
    return value(
        client.target(
            "secretsmanager.GetSecretValue", json.createObjectNode().put("SecretId", name)));
  }

  private static byte[] value(JsonNode answer) {
    String secret = answer.path("SecretString").asText("");
    if (secret.length() < 32) {
      throw new IllegalStateException("the EHR link key secret is missing or too short");
    }
    return secret.getBytes(StandardCharsets.UTF_8);
  }
}
