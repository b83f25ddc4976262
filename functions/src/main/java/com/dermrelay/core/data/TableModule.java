package com.dermrelay.core.data;

import com.dermrelay.core.config.Settings;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The container's one DynamoDB client, built once and only when first used. Provided here, inside
 * the data layer, because nothing else may hold it: use cases reach the table through {@link
 * SingleTable} and its tenant-scoped views.
 */
@Module
public final class TableModule {
  private TableModule() {}

  @Provides
  @Singleton
  static DynamoDbClient dynamoDb(
      Settings settings, SdkHttpClient http, AwsCredentialsProvider credentials) {
    DynamoDbClientBuilder builder =
        DynamoDbClient.builder()
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials)
            .httpClient(http);
    settings.endpointFor("DYNAMODB").ifPresent(builder::endpointOverride);
    return builder.build();
  }
}
