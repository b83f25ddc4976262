package com.dermrelay.local.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

class S3EmulatorTest {
  private static final String ORIGIN = "http://localhost:8080";
  private static final StaticCredentialsProvider KEYS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local-secret"));
  private static S3Emulator s3;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    s3 = S3Emulator.start("127.0.0.1", 0, "local", "local-secret", List.of(ORIGIN), "media", null);
  }

  @AfterAll
  static void stop() {
    s3.close();
  }

  private static S3Presigner presigner() {
    return S3Presigner.builder()
        .endpointOverride(URI.create(s3.endpoint()))
        .region(Region.US_EAST_1)
        .credentialsProvider(KEYS)
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .build();
  }

  private static URI presignedPut(String key, String contentType) {
    try (S3Presigner presigner = presigner()) {
      return URI.create(
          presigner
              .presignPutObject(
                  p ->
                      p.signatureDuration(Duration.ofMinutes(5))
                          .putObjectRequest(
                              o -> o.bucket("media").key(key).contentType(contentType)))
              .url()
              .toString());
    }
  }

  private static int put(URI url, String contentType) throws Exception {
    return http.send(
            HttpRequest.newBuilder(url)
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString("photo bytes"))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void aPresignedUploadLandsInTheBucketCreatedAtStart() throws Exception {
    assertEquals(200, put(presignedPut("tenant-a/p1.jpg", "image/jpeg"), "image/jpeg"));
    try (S3Client client =
        S3Client.builder()
            .endpointOverride(URI.create(s3.endpoint()))
            .region(Region.US_EAST_1)
            .credentialsProvider(KEYS)
            .forcePathStyle(true)
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      assertEquals(
          "photo bytes",
          client.getObjectAsBytes(r -> r.bucket("media").key("tenant-a/p1.jpg")).asUtf8String());
    }
  }

  @Test
  void signaturesAreVerified() throws Exception {
    URI url = presignedPut("tenant-a/p2.jpg", "image/jpeg");
    URI tampered = URI.create(url.toString().replace("tenant-a/p2.jpg", "tenant-b/p2.jpg"));
    assertEquals(403, put(tampered, "image/jpeg"));
    assertEquals(403, put(url, "text/html"), "a content type other than the signed one");
    try (S3Client wrongKeys =
        S3Client.builder()
            .endpointOverride(URI.create(s3.endpoint()))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "guess")))
            .forcePathStyle(true)
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      assertEquals(
          403,
          org.junit.jupiter.api.Assertions.assertThrows(
                  software.amazon.awssdk.services.s3.model.S3Exception.class,
                  () ->
                      wrongKeys.putObject(
                          r -> r.bucket("media").key("x"), RequestBody.fromString("x")))
              .statusCode());
    }
  }

  @Test
  void corsPreflightAnswersThePortalOriginOnly() throws Exception {
    HttpResponse<Void> allowed = preflight(ORIGIN);
    assertEquals(200, allowed.statusCode());
    assertEquals(ORIGIN, allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    HttpResponse<Void> other = preflight("http://evil.example");
    assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
  }

  private HttpResponse<Void> preflight(String origin) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(s3.endpoint() + "/media/tenant-a/p3.jpg"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "PUT")
            .header("Access-Control-Request-Headers", "content-type")
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  @Test
  void objectsSurviveARestartWithADataDirectory(@TempDir Path data) throws Exception {
    try (S3Emulator first =
            S3Emulator.start(
                "127.0.0.1", 0, "local", "local-secret", List.of(ORIGIN), "kept", data);
        S3Client client = client(first)) {
      client.putObject(r -> r.bucket("kept").key("a.txt"), RequestBody.fromString("still here"));
    }
    try (S3Emulator second =
            S3Emulator.start(
                "127.0.0.1", 0, "local", "local-secret", List.of(ORIGIN), "kept", data);
        S3Client client = client(second)) {
      assertEquals(
          "still here", client.getObjectAsBytes(r -> r.bucket("kept").key("a.txt")).asUtf8String());
    }
  }

  private static S3Client client(S3Emulator emulator) {
    return S3Client.builder()
        .endpointOverride(URI.create(emulator.endpoint()))
        .region(Region.US_EAST_1)
        .credentialsProvider(KEYS)
        .forcePathStyle(true)
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
