package com.dermrelay.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.access.TestTenantContexts;
import com.dermrelay.core.config.Settings;
import com.dermrelay.core.data.TenantCredentials;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * The S3 requests that make a draft's photos expire with it. s3proxy (the local S3) has no object
 * tagging, so the requests are recorded as the SDK would send them and stopped before the network.
 */
class DraftMediaTest {
  private static final String CASE_ID = "3f1d2c4b-0000-4000-8000-000000000001";
  private final List<SdkHttpRequest> sent = new ArrayList<>();
  private final List<String> bodies = new ArrayList<>();
  private final S3Client s3 =
      S3Client.builder()
          .region(Region.US_EAST_1)
          .endpointOverride(URI.create("http://127.0.0.1:9"))
          .forcePathStyle(true)
          .credentialsProvider(
              StaticCredentialsProvider.create(AwsBasicCredentials.create("id", "secret")))
          .httpClient(UrlConnectionHttpClient.create())
          .overrideConfiguration(c -> c.addExecutionInterceptor(new Recorder()))
          .build();

  @AfterEach
  void close() {
    s3.close();
  }

  @Test
  void aDraftsCopiesAreTaggedAndASubmittedCasesAreNot() {
    DraftMedia media =
        new DraftMedia(s3, Settings.from(Map.of()), TenantCredentials.functionsOwn());
    CaseRecord draft = caseIn(CaseRecord.DRAFT);

    assertEquals("draft=true", media.taggingFor(draft).orElseThrow());
    assertTrue(
        media.taggingFor(caseIn(CaseRecord.MORE_INFO_REQUESTED)).isEmpty(),
        "a later round's photos stay");
    assertTrue(
        new DraftMedia(
                s3,
                Settings.from(Map.of(DraftMedia.SETTING, "false")),
                TenantCredentials.functionsOwn())
            .taggingFor(draft)
            .isEmpty());

    // The header ConfirmPhoto's PutObject carries.
    assertThrows(
        RuntimeException.class,
        () ->
            s3.putObject(
                r -> r.bucket("media").key("k").tagging(media.taggingFor(draft).orElseThrow()),
                RequestBody.fromBytes(new byte[] {1})));
    assertEquals("draft=true", sent.get(0).firstMatchingHeader("x-amz-tagging").orElseThrow());
  }

  @Test
  void everyPresignedUploadSignsTheTagSoAnUnconfirmedUploadExpiresToo() {
    DraftMedia media =
        new DraftMedia(s3, Settings.from(Map.of()), TenantCredentials.functionsOwn());
    String tagging = media.taggingForRawUpload().orElseThrow();
    try (S3Presigner presigner =
        S3Presigner.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(URI.create("http://127.0.0.1:9"))
            .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("id", "secret")))
            .build()) {
      PresignedPutObjectRequest put =
          presigner.presignPutObject(
              p ->
                  p.signatureDuration(Duration.ofMinutes(5))
                      .putObjectRequest(
                          r ->
                              r.bucket("media")
                                  .key("t/cases/c/raw/p")
                                  .contentType("image/jpeg")
                                  .contentLength(10L)
                                  .tagging(tagging)));
      // Signed, so a client that leaves the tag off (or changes it) is refused by S3 itself.
      assertTrue(put.signedHeaders().containsKey("x-amz-tagging"), put.signedHeaders().toString());
    }
    assertTrue(
        new DraftMedia(
                s3,
                Settings.from(Map.of(DraftMedia.SETTING, "false")),
                TenantCredentials.functionsOwn())
            .taggingForRawUpload()
            .isEmpty(),
        "off where the S3 has no tagging (the local stack)");
  }

  @Test
  void submissionTakesTheTagOffTheCleanCopyAndThumbnailOfEveryKeptPhoto() {
    DraftMedia media =
        new DraftMedia(s3, Settings.from(Map.of()), TenantCredentials.functionsOwn());
    TenantContext tenant = TestTenantContexts.patient("northside-skin", "patient-1");

    assertThrows(RuntimeException.class, () -> media.keep(tenant, caseIn(CaseRecord.DRAFT)));

    SdkHttpRequest request = sent.get(0);
    assertEquals("PUT", request.method().name());
    assertTrue(request.rawQueryParameters().containsKey("tagging"), request.getUri().toString());
    assertTrue(
        request.encodedPath().endsWith("/northside-skin/cases/" + CASE_ID + "/clean/photo-1.jpg"),
        request.encodedPath());
    assertTrue(
        bodies.get(0).contains("<TagSet></TagSet>") || bodies.get(0).contains("<TagSet/>"),
        bodies.get(0));
  }

  @Test
  void withTaggingOffNothingIsSent() {
    new DraftMedia(
            s3,
            Settings.from(Map.of(DraftMedia.SETTING, "false")),
            TenantCredentials.functionsOwn())
        .keep(TestTenantContexts.patient("northside-skin", "patient-1"), caseIn(CaseRecord.DRAFT));
    assertEquals(List.of(), sent);
  }

  private static CaseRecord caseIn(String status) {
    Map<String, CaseRecord.PhotoRecord> photos = new LinkedHashMap<>();
    photos.put(
        "close_up",
        new CaseRecord.PhotoRecord(
            "photo-1",
            "close_up",
            "CHECKED",
            "image/jpeg",
            2000,
            "t",
            "t",
            "ACCEPTED",
            List.of(),
            false,
            1600,
            1200,
            1L,
            true,
            null));
    photos.put(
        "context",
        new CaseRecord.PhotoRecord(
            "photo-2",
            "context",
            "REJECTED",
            "image/jpeg",
            2000,
            "t",
            "t",
            "REJECTED",
            List.of(),
            false,
            null,
            null,
            null));
    return new CaseRecord(
        CASE_ID,
        "patient-1",
        status,
        "t",
        "t",
        null,
        null,
        null,
        null,
        null,
        photos,
        List.of(),
        null,
        null,
        0,
        null);
  }

  /** Records each request as it would go out, then stops it. */
  private final class Recorder implements ExecutionInterceptor {
    @Override
    public void beforeTransmission(
        Context.BeforeTransmission context, ExecutionAttributes attributes) {
      sent.add(context.httpRequest());
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      context
          .requestBody()
          .ifPresent(
              b -> {
                try (var in = b.contentStreamProvider().newStream()) {
                  in.transferTo(body);
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      bodies.add(body.toString(java.nio.charset.StandardCharsets.UTF_8));
      throw new Recorded();
    }
  }

  private static final class Recorded extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }
}
