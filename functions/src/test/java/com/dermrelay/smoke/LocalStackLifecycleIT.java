package com.dermrelay.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/** Starting, restarting and failing to start the local stack, as local-dev/start does. */
class LocalStackLifecycleIT {
  /**
   * A start that fails half-way (here: the Step Functions port is taken, after dynalite started)
   * leaves no process behind.
   */
  @Test
  void aFailedStartStopsWhatHadStarted() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
      java.util.Set<Long> before = nodeChildren();
      LocalStackConfig config =
          LocalStackConfig.forTests()
              .withPorts(LocalStackConfig.freePort(), 0, 0, taken.getLocalPort(), 0, 0);
      RuntimeException failure =
          org.junit.jupiter.api.Assertions.assertThrows(
              RuntimeException.class, () -> LocalStack.start(config));
      assertTrue(String.valueOf(failure.getMessage()).contains("sfn"), failure.getMessage());
      java.util.Set<Long> after = nodeChildren();
      after.removeAll(before);
      assertEquals(java.util.Set.of(), after, "node processes left alive by the failed start");
    }
  }

  /**
   * The gateway's port is bound before anything else starts, so a taken one fails at once: no
   * emulator started, so none wrote to the data directory (S3's would have created its own).
   */
  @Test
  void aTakenGatewayPortFailsBeforeAnythingStarts(@TempDir Path data) throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
      LocalStackConfig config =
          LocalStackConfig.forTests()
              .withDataDir(data)
              .withPorts(taken.getLocalPort(), 0, 0, 0, 0, 0);
      RuntimeException failure =
          org.junit.jupiter.api.Assertions.assertThrows(
              RuntimeException.class, () -> LocalStack.start(config));
      assertTrue(String.valueOf(failure.getMessage()).contains("gateway"), failure.getMessage());
      try (java.util.stream.Stream<Path> written = java.nio.file.Files.list(data)) {
        assertEquals(java.util.List.of(), written.toList(), "nothing had started");
      }
    }
  }

  private static java.util.Set<Long> nodeChildren() {
    return ProcessHandle.current()
        .descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("node")).orElse(false))
        .map(ProcessHandle::pid)
        .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
  }

  @Test
  void aDataDirectoryKeepsAccountsItemsAndObjectsAcrossARestart(@TempDir Path data)
      throws Exception {
    // Same ports both times, as a developer restarting local-dev/start would have: the
    // issuer's URL, and so the tokens' iss claim, includes the identity port.
    LocalStackConfig config =
        LocalStackConfig.forTests()
            .withDataDir(data)
            .withPorts(
                LocalStackConfig.freePort(),
                LocalStackConfig.freePort(),
                LocalStackConfig.freePort(),
                LocalStackConfig.freePort(),
                LocalStackConfig.freePort(),
                LocalStackConfig.freePort());
    String token;
    try (LocalStack first = LocalStack.start(config)) {
      // As the portal signs up: e-mail attribute, clinic in ClientMetadata (set at confirmation).
      first
          .identity()
          .signUp(
              "new.patient@example.com",
              "Fresh-Start-9",
              Map.of("email", "new.patient@example.com"),
              Map.of("tenantId", "northside-skin"));
      first
          .identity()
          .confirmSignUp(
              "new.patient@example.com",
              first.identity().lastConfirmationCode("new.patient@example.com").orElseThrow(),
              Map.of("tenantId", "northside-skin"));
      token = first.identity().signIn("new.patient@example.com", "Fresh-Start-9").idToken();
      try (DynamoDbClient dynamoDb = dynamoDb(first)) {
        dynamoDb.putItem(
            r ->
                r.tableName(LocalStackConfig.TABLE)
                    .item(
                        Map.of(
                            "pk",
                            AttributeValue.fromS("TENANT#northside-skin#X"),
                            "sk",
                            AttributeValue.fromS("kept"))));
      }
      try (S3Client s3 = s3(first)) {
        s3.putObject(
            r -> r.bucket(LocalStackConfig.MEDIA_BUCKET).key("northside-skin/kept.txt"),
            RequestBody.fromString("kept"));
      }
    }
    try (LocalStack second = LocalStack.start(config)) {
      // The signing key survived, so a token from before the restart still opens the API.
      HttpResponse<String> me =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(second.gatewayUrl() + "/me"))
                      .header("Authorization", "Bearer " + token)
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, me.statusCode(), me.body());
      assertTrue(
          second.identity().signIn("new.patient@example.com", "Fresh-Start-9").idToken() != null);
      try (DynamoDbClient dynamoDb = dynamoDb(second)) {
        assertTrue(
            dynamoDb
                .getItem(
                    r ->
                        r.tableName(LocalStackConfig.TABLE)
                            .key(
                                Map.of(
                                    "pk",
                                    AttributeValue.fromS("TENANT#northside-skin#X"),
                                    "sk",
                                    AttributeValue.fromS("kept"))))
                .hasItem());
      }
      try (S3Client s3 = s3(second)) {
        assertEquals(
            "kept",
            s3.getObjectAsBytes(
                    r -> r.bucket(LocalStackConfig.MEDIA_BUCKET).key("northside-skin/kept.txt"))
                .asUtf8String());
      }
    }
  }

  private static StaticCredentialsProvider keys() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(LocalStackConfig.ACCESS_KEY, LocalStackConfig.SECRET_KEY));
  }

  private static DynamoDbClient dynamoDb(LocalStack stack) {
    return DynamoDbClient.builder()
        .endpointOverride(URI.create(stack.dynamoDbEndpoint()))
        .region(Region.US_EAST_1)
        .credentialsProvider(keys())
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  private static S3Client s3(LocalStack stack) {
    return S3Client.builder()
        .endpointOverride(URI.create(stack.s3Endpoint()))
        .region(Region.US_EAST_1)
        .credentialsProvider(keys())
        .forcePathStyle(true)
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
