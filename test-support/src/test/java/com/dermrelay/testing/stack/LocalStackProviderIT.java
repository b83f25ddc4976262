package com.dermrelay.testing.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.testing.ApiCalls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The localstack provider's stack where a Docker engine answers: the table and the media bucket
 * live in the LocalStack container, the demo clinics are seeded there, the bucket answers the
 * portal's CORS, and a tampered upload URL is refused as S3 refuses it. Not run on these machines
 * (no Docker): skipped by Testcontainers with its reason.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackProviderIT {

  @Test
  void theTableAndTheBucketAreTheContainersAndBehaveAsTheTestsExpect() throws Exception {
    try (LocalStack stack = new LocalStackContainerProvider().start(LocalStackConfig.forTests())) {
      ApiCalls api = new ApiCalls(stack);
      assertEquals(
          stack.dynamoDbEndpoint(), stack.s3Endpoint(), "one LocalStack endpoint serves both");
      assertEquals(
          stack.dynamoDbEndpoint(), stack.functionEnvironment().get("AWS_ENDPOINT_URL_DYNAMODB"));

      try (DynamoDbClient dynamoDb = api.dynamoDb()) {
        Map<String, AttributeValue> clinic =
            dynamoDb
                .getItem(
                    r ->
                        r.tableName(LocalStackConfig.TABLE)
                            .key(
                                Map.of(
                                    "pk",
                                    AttributeValue.fromS("TENANT#northside-skin"),
                                    "sk",
                                    AttributeValue.fromS("CONFIG"))))
                .item();
        assertFalse(clinic.isEmpty(), "the demo clinic is seeded into LocalStack's DynamoDB");
      }

      try (S3Client s3 = api.s3()) {
        CORSRule rule =
            s3.getBucketCors(r -> r.bucket(LocalStackConfig.MEDIA_BUCKET)).corsRules().get(0);
        assertTrue(
            rule.allowedOrigins().containsAll(stack.config().portalOrigins()), rule.toString());
        assertTrue(rule.allowedMethods().contains("PUT"), rule.toString());
      }

      String key = "northside-skin/test/" + UUID.randomUUID() + ".jpg";
      try (S3Presigner presigner =
          S3Presigner.builder()
              .endpointOverride(URI.create(stack.s3Endpoint()))
              .region(Region.of(LocalStackConfig.REGION))
              .credentialsProvider(
                  StaticCredentialsProvider.create(
                      AwsBasicCredentials.create(
                          LocalStackConfig.ACCESS_KEY, LocalStackConfig.SECRET_KEY)))
              .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
              .build()) {
        URI signed =
            presigner
                .presignPutObject(
                    r ->
                        r.signatureDuration(Duration.ofMinutes(5))
                            .putObjectRequest(
                                p -> p.bucket(LocalStackConfig.MEDIA_BUCKET).key(key)))
                .url()
                .toURI();
        URI tampered =
            URI.create(
                signed
                    .toString()
                    .replaceAll("X-Amz-Signature=[0-9a-f]+", "X-Amz-Signature=" + "0".repeat(64)));
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> refused =
            http.send(
                HttpRequest.newBuilder(tampered)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3}))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, refused.statusCode(), "a tampered presigned URL is refused");
        HttpResponse<String> accepted =
            http.send(
                HttpRequest.newBuilder(signed)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3}))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, accepted.statusCode(), accepted.body());
      }
    }
  }
}
