package com.dermrelay.core.aws;

import com.dermrelay.core.config.Settings;
import dagger.Module;
import dagger.Provides;
import java.net.URI;
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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * SDK clients, each built once per container and only when first used. Every client shares one
 * URL-connection HTTP client (no Netty, no Apache: the smallest start-up) and takes its endpoint
 * only from the standard endpoint settings.
 */
@Module
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
  static DynamoDbClient dynamoDb(
      Settings settings, SdkHttpClient http, AwsCredentialsProvider credentials) {
    return configure(DynamoDbClient.builder(), settings, credentials, "DYNAMODB")
        .httpClient(http)
        .build();
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

  private static <B extends AwsClientBuilder<B, ?>> B configure(
      B builder, Settings settings, AwsCredentialsProvider credentials, String serviceId) {
    builder.region(Region.of(settings.region())).credentialsProvider(credentials);
    settings.endpointFor(serviceId).ifPresent(builder::endpointOverride);
    return builder;
  }
}
