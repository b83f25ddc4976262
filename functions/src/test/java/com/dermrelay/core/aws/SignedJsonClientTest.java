package com.dermrelay.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.core.config.Settings;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

class SignedJsonClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final StaticCredentialsProvider KEYS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));

  /** Answers every call with one canned response and keeps the requests it saw. */
  private static final class CannedHttp implements SdkHttpClient {
    final List<SdkHttpRequest> seen = new ArrayList<>();
    final int status;
    final Map<String, List<String>> headers;
    final String body;

    CannedHttp(int status, Map<String, List<String>> headers, String body) {
      this.status = status;
      this.headers = headers;
      this.body = body;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      seen.add(request.httpRequest());
      return new ExecutableHttpRequest() {
        @Override
        public HttpExecuteResponse call() {
          return HttpExecuteResponse.builder()
              .response(SdkHttpResponse.builder().statusCode(status).headers(headers).build())
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

  private static Settings settings(Map<String, String> env) {
    return Settings.from(env);
  }

  @Test
  void aCognitoCallIsSignedWithSigV4ForTheServiceAndRegion() {
    CannedHttp http = new CannedHttp(200, Map.of(), "{\"User\":{}}");
    SignedJsonClient client =
        SignedJsonClient.forService(
            settings(Map.of("AWS_REGION", "eu-west-1")),
            http,
            KEYS,
            JSON,
            "COGNITO_IDENTITY_PROVIDER",
            "cognito-idp",
            "cognito-idp");

    client.target("AWSCognitoIdentityProviderService.AdminGetUser", JSON.createObjectNode());

    SdkHttpRequest sent = http.seen.get(0);
    assertEquals("cognito-idp.eu-west-1.amazonaws.com", sent.host(), "the regional AWS endpoint");
    assertEquals(SdkHttpMethod.POST, sent.method());
    String authorization = sent.firstMatchingHeader("Authorization").orElseThrow();
    assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"), authorization);
    assertTrue(authorization.contains("/eu-west-1/cognito-idp/aws4_request"), authorization);
    assertTrue(authorization.contains("x-amz-target"), "the target is signed: " + authorization);
    assertTrue(sent.firstMatchingHeader("X-Amz-Date").isPresent());
    assertEquals(
        Optional.of("AWSCognitoIdentityProviderService.AdminGetUser"),
        sent.firstMatchingHeader("X-Amz-Target"));
  }

  @Test
  void anEndpointOverrideIsUsedAndSesIsSignedAsSes() {
    CannedHttp http = new CannedHttp(200, Map.of(), "{\"MessageId\":\"m-1\"}");
    SignedJsonClient client =
        SignedJsonClient.forService(
            settings(
                Map.of(
                    "AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL_SESV2", "http://127.0.0.1:4599")),
            http,
            KEYS,
            JSON,
            "SESV2",
            "email",
            "ses");

    String id =
        new Mailer(client, JSON, "no-reply@dermrelay.example")
            .send("dr@example.org", "Hello", "A notice.");

    assertEquals("m-1", id);
    SdkHttpRequest sent = http.seen.get(0);
    assertEquals("127.0.0.1", sent.host());
    assertEquals(4599, sent.port());
    assertEquals("/v2/email/outbound-emails", sent.encodedPath());
    assertTrue(
        sent.firstMatchingHeader("Authorization")
            .orElseThrow()
            .contains("/us-east-1/ses/aws4_request"));
  }

  @Test
  void anAwsErrorBecomesAnExceptionNamingTheServicesCode() {
    CannedHttp http =
        new CannedHttp(
            400,
            Map.of(
                "x-amzn-ErrorType", List.of("UsernameExistsException:http://internal.amazon.com/")),
            "{\"message\":\"User account already exists\"}");
    CognitoAdmin admin =
        new CognitoAdmin(
            SignedJsonClient.forService(
                settings(Map.of()),
                http,
                KEYS,
                JSON,
                "COGNITO_IDENTITY_PROVIDER",
                "cognito-idp",
                "cognito-idp"),
            JSON,
            "us-east-1_pool");

    AwsServiceException e =
        assertThrows(
            AwsServiceException.class, () -> admin.createUser("a@example.org", Map.of(), false));
    assertTrue(e.is(CognitoAdmin.USERNAME_EXISTS), e.errorCode());
    assertEquals(400, e.status());
  }

  @Test
  void aMissingUserIsEmptyNotAnError() {
    CannedHttp http =
        new CannedHttp(
            400,
            Map.of(),
            "{\"__type\":\"com.amazonaws#UserNotFoundException\",\"message\":\"User does not exist.\"}");
    CognitoAdmin admin =
        new CognitoAdmin(
            SignedJsonClient.forService(
                settings(Map.of()),
                http,
                KEYS,
                JSON,
                "COGNITO_IDENTITY_PROVIDER",
                "cognito-idp",
                "cognito-idp"),
            JSON,
            "us-east-1_pool");
    assertEquals(Optional.empty(), admin.getUser("nobody@example.org"));
  }
}
