package com.dermrelay.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/** What AssumeRole sends STS (form, SigV4 for "sts") and how it reads the XML answer. */
public class StsAssumeRoleTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/dermrelay-tenant-data";

  /**
   * STS as far as the data layer sees it: answers each AssumeRole with fresh keys valid for an hour
   * from the given clock's now, and keeps the forms it was sent.
   */
  public static final class FakeSts implements SdkHttpClient {
    private final Clock clock;
    private final List<String> forms = new CopyOnWriteArrayList<>();
    private final List<software.amazon.awssdk.http.SdkHttpRequest> requests =
        new CopyOnWriteArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    int status = 200;
    String errorBody;

    public FakeSts(Clock clock) {
      this.clock = clock;
    }

    public StsAssumeRole client() {
      return new StsAssumeRole(
          this,
          StaticCredentialsProvider.create(
              AwsBasicCredentials.create("AKIDFUNCTION", "function-secret")),
          URI.create("https://sts.eu-central-1.amazonaws.com"),
          "eu-central-1");
    }

    public List<String> forms() {
      return forms;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      requests.add(request.httpRequest());
      try (InputStream in = request.contentStreamProvider().orElseThrow().newStream()) {
        forms.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      int n = issued.incrementAndGet();
      String body =
          status == 200
              ? "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
                  + "<Credentials><AccessKeyId>ASIATENANT"
                  + n
                  + "</AccessKeyId><SecretAccessKey>secret-"
                  + n
                  + "</SecretAccessKey><SessionToken>token-"
                  + n
                  + "</SessionToken><Expiration>"
                  + clock.instant().plus(Duration.ofHours(1))
                  + "</Expiration></Credentials>"
                  + "</AssumeRoleResult></AssumeRoleResponse>"
              : errorBody;
      return new ExecutableHttpRequest() {
        @Override
        public HttpExecuteResponse call() {
          return HttpExecuteResponse.builder()
              .response(SdkHttpResponse.builder().statusCode(status).build())
              .responseBody(
                  AbortableInputStream.create(
                      new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
              .build();
        }

        @Override
        public void abort() {}
      };
    }

    @Override
    public void close() {}
  }

  @Test
  void sendsTheRoleTheTenantTagAndTheDurationAsASignedStsForm() {
    FakeSts sts = new FakeSts(Clock.systemUTC());
    StsAssumeRole.Session session =
        sts.client()
            .assumeRole(
                new StsAssumeRole.Request(
                    ROLE,
                    "dermrelay-acme",
                    Map.of("tenantId", "acme"),
                    Optional.empty(),
                    Duration.ofHours(1)));

    assertEquals(
        "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2F"
            + "dermrelay-tenant-data&RoleSessionName=dermrelay-acme&DurationSeconds=3600"
            + "&Tags.member.1.Key=tenantId&Tags.member.1.Value=acme",
        sts.forms().get(0));
    var request = sts.requests.get(0);
    assertEquals("https://sts.eu-central-1.amazonaws.com/", request.getUri().toString());
    String authorization = request.firstMatchingHeader("Authorization").orElseThrow();
    assertTrue(
        authorization.startsWith("AWS4-HMAC-SHA256 Credential=AKIDFUNCTION/"), authorization);
    assertTrue(authorization.contains("/eu-central-1/sts/aws4_request"), authorization);
    assertEquals("ASIATENANT1", session.credentials().accessKeyId());
    assertEquals("token-1", session.credentials().sessionToken());
    assertTrue(session.expiration().isAfter(Instant.now()));
  }

  @Test
  void aSessionPolicyGoesAlongWhenGiven() {
    String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
    String form =
        StsAssumeRole.form(
            new StsAssumeRole.Request(
                ROLE, "s", Map.of(), Optional.of(policy), Duration.ofMinutes(15)));
    assertTrue(
        form.endsWith("&Policy=%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D"),
        form);
    assertTrue(form.contains("DurationSeconds=900"), form);
  }

  @Test
  void anStsRefusalBecomesItsErrorCodeWithoutTheRequest() {
    FakeSts sts = new FakeSts(Clock.systemUTC());
    sts.status = 403;
    sts.errorBody =
        "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>"
            + "<Message>not authorized to perform sts:TagSession</Message></Error></ErrorResponse>";
    AwsServiceException refused =
        assertThrows(
            AwsServiceException.class,
            () ->
                sts.client()
                    .assumeRole(
                        new StsAssumeRole.Request(
                            ROLE,
                            "dermrelay-acme",
                            Map.of("tenantId", "acme"),
                            Optional.empty(),
                            Duration.ofHours(1))));
    assertEquals("AccessDenied", refused.errorCode());
    assertEquals(403, refused.status());
    assertFalse(refused.getMessage().contains("acme"), refused.getMessage());
  }
}
