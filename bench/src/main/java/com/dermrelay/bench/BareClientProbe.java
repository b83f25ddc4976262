package com.dermrelay.bench;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The baseline: the least a Java function touching DynamoDB does at start-up. */
public final class BareClientProbe {
  private BareClientProbe() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = Benchmarks.readEnvironment(args[0]);
    try (DynamoDbClient client =
        DynamoDbClient.builder()
            .region(Region.of(env.get("AWS_REGION")))
            .endpointOverride(URI.create(env.get("AWS_ENDPOINT_URL_DYNAMODB")))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY"))))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      System.exit(client == null ? 1 : 0);
    }
  }
}
