package com.dermrelay.fhir.delivery;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.aws.AwsServiceException;
import com.dermrelay.core.aws.SignedJsonClient;
import com.dermrelay.core.config.Settings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * Each clinic's EHR credentials in Secrets Manager ({@link EhrSettings#secretName}), as one JSON
 * secret string: {@code {"clientId","clientSecret"}} or {@code {"token"}}. Called through {@link
 * SignedJsonClient}: the SDK client would not fit the jar. Read on every delivery attempt, so a
 * clinic's new credentials apply at once; never logged, never answered by any call.
 */
@Singleton
public final class EhrSecrets {
  private final SignedJsonClient client;
  private final ObjectMapper json;
  private final EhrSettings settings;

  @Inject
  public EhrSecrets(
      Settings settings,
      SdkHttpClient http,
      AwsCredentialsProvider credentials,
      ObjectMapper json,
      EhrSettings ehrSettings) {
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
    this.settings = ehrSettings;
  }

  /** Stores the clinic's credentials, replacing any before. */
  public void put(TenantContext tenant, EhrCredentials credentials) {
    String name = settings.secretName(tenant.tenantId());
    String value = serialize(credentials);
    try {
      client.target(
          "secretsmanager.PutSecretValue",
          json.createObjectNode().put("SecretId", name).put("SecretString", value));
    } catch (AwsServiceException e) {
      if (!e.is("ResourceNotFoundException")) {
        throw e;
      }
      try {
        ObjectNode create =
            json.createObjectNode()
                .put("Name", name)
                .put("Description", "EHR credentials of clinic " + tenant.tenantId())
                .put("SecretString", value);
        settings.secretKeyArn().ifPresent(key -> create.put("KmsKeyId", key));
        client.target("secretsmanager.CreateSecret", create);
      } catch (AwsServiceException raced) {
        if (!raced.is("ResourceExistsException")) {
          throw raced;
        }
        client.target(
            "secretsmanager.PutSecretValue",
            json.createObjectNode().put("SecretId", name).put("SecretString", value));
      }
    }
  }

  /** The clinic's credentials, or empty when none were stored. */
  public Optional<EhrCredentials> get(TenantContext tenant) {
    JsonNode answer;
    try {
      answer =
          client.target(
              "secretsmanager.GetSecretValue",
              json.createObjectNode().put("SecretId", settings.secretName(tenant.tenantId())));
    } catch (AwsServiceException e) {
      if (e.is("ResourceNotFoundException")) {
        return Optional.empty();
      }
      throw e;
    }
    try {
      JsonNode secret = json.readTree(answer.path("SecretString").asText("{}"));
      if (secret.hasNonNull("token")) {
        return Optional.of(new EhrCredentials.Token(secret.get("token").asText()));
      }
      if (secret.hasNonNull("clientId") && secret.hasNonNull("clientSecret")) {
        return Optional.of(
            new EhrCredentials.ClientCredentials(
                secret.get("clientId").asText(), secret.get("clientSecret").asText()));
      }
      return Optional.empty();
    } catch (JsonProcessingException e) {
      // Never the exception's text: it could quote the secret.
      throw new IllegalStateException("the clinic's EHR secret is not JSON");
    }
  }

  private String serialize(EhrCredentials credentials) {
    ObjectNode secret = json.createObjectNode();
    if (credentials instanceof EhrCredentials.Token token) {
      secret.put("token", token.token());
    } else if (credentials instanceof EhrCredentials.ClientCredentials client) {
      secret.put("clientId", client.clientId()).put("clientSecret", client.clientSecret());
    }
    return secret.toString();
  }
}
