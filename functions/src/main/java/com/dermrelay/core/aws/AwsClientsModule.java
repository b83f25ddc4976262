package com.dermrelay.core.aws;

import com.dermrelay.core.config.Settings;
import com.dermrelay.core.data.TableModule;
import com.dermrelay.core.data.TenantCredentials;
import com.dermrelay.core.tenancy.TenancySettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Module;
import dagger.Provides;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * SDK clients, each built once per container and only when first used. Every client shares one
 * URL-connection HTTP client (no Netty, no Apache: the smallest start-up) and takes its endpoint
 * only from the standard endpoint settings. The DynamoDB client is the data layer's own ({@link
 * TableModule}).
 */
@Module(includes = TableModule.class)
public final class AwsClientsModule {
  private AwsClientsModule() {}

  @Provides
  @Singleton
  static SdkHttpClient httpClient() {
    return UrlConnectionHttpClient.create();
  }

  @Provides
  @Singleton
  static AwsCredentialsProvider credentials(Settings settings) {
    return settings
        .staticKeys()
        .<AwsCredentialsProvider>map(
            keys ->
                StaticCredentialsProvider.create(
                    keys.sessionToken() == null
                        ? AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())
                        : AwsSessionCredentials.create(
                            keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken())))
        .orElseGet(() -> DefaultCredentialsProvider.builder().build());
  }

  @Provides
  @Singleton
  static S3Client s3(Settings settings, SdkHttpClient http, AwsCredentialsProvider credentials) {
    Optional<URI> endpoint = settings.endpointFor("S3");
    return configure(S3Client.builder(), settings, credentials, "S3")
        // Emulators answer on one host name; AWS itself uses virtual-hosted buckets.
        .forcePathStyle(endpoint.isPresent())
        .httpClient(http)
        .build();
  }

  @Provides
  @Singleton
  static SfnClient stepFunctions(
      Settings settings, SdkHttpClient http, AwsCredentialsProvider credentials) {
    return configure(SfnClient.builder(), settings, credentials, "SFN").httpClient(http).build();
  }

  /** Pre-signed links for downloads (data exports); signs locally, no client round trip. */
  @Provides
  @Singleton
  static S3Presigner s3Presigner(Settings settings, AwsCredentialsProvider credentials) {
    S3Presigner.Builder builder =
        S3Presigner.builder()
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials)
            .serviceConfiguration(
                S3Configuration.builder()
                    .pathStyleAccessEnabled(settings.endpointFor("S3").isPresent())
                    .build());
    settings.endpointFor("S3").ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /**
   * Cognito user-pool admin calls, signed by hand: the SDK client would not fit the jar. They get
   * their own HTTP client with short timeouts (the shared one waits 30 s for an answer): a
   * user-pool trigger has 5 s in all, and a call that hangs must leave time to retry it ({@link
   * RetryBudget}). Cognito answers an admin call in well under a second.
   */
  @Provides
  @Singleton
  static CognitoAdmin cognitoAdmin(
      Settings settings,
      AwsCredentialsProvider credentials,
      ObjectMapper json,
      TenancySettings tenancy) {
    return new CognitoAdmin(
        SignedJsonClient.forService(
            settings,
            UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(1))
                .socketTimeout(Duration.ofSeconds(3))
                .build(),
            credentials,
            json,
            "COGNITO_IDENTITY_PROVIDER",
            "cognito-idp",
            "cognito-idp"),
        json,
        tenancy.userPoolId().orElse(""));
  }

  /**
   * Per-tenant credentials for the data layer: sessions of the tenant data role when the
   * environment names it (AWS), the function's own otherwise (the local stack).
   */
  @Provides
  @Singleton
  static TenantCredentials tenantCredentials(
      Settings settings, SdkHttpClient http, AwsCredentialsProvider credentials, Clock clock) {
    return new TenantCredentials(
        Optional.ofNullable(settings.environment().get(TenantCredentials.ROLE_ARN_ENV)),
        StsAssumeRole.forSettings(settings, http, credentials),
        clock);
  }

  /** SES v2 e-mail, signed by hand for the same reason. */
  @Provides
  @Singleton
  static Mailer mailer(
      Settings settings,
      SdkHttpClient http,
      AwsCredentialsProvider credentials,
      ObjectMapper json,
      TenancySettings tenancy) {
    return new Mailer(
        SignedJsonClient.forService(settings, http, credentials, json, "SESV2", "email", "ses"),
        json,
        tenancy.mailFrom());
  }

  private static <B extends AwsClientBuilder<B, ?>> B configure(
      B builder, Settings settings, AwsCredentialsProvider credentials, String serviceId) {
    builder.region(Region.of(settings.region())).credentialsProvider(credentials);
    settings.endpointFor(serviceId).ifPresent(builder::endpointOverride);
    return builder;
  }
}
