package com.dermrelay.core.aws;

import com.dermrelay.core.config.Settings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Calls one AWS service's JSON API with SigV4-signed requests, for the services whose SDK clients
 * would not fit the deployment jar (Cognito user-pool admin: 3.7 MB, SESv2: 3.2 MB). It reuses the
 * SDK's own signer, HTTP client and credentials, so only the request and response shapes are ours,
 * in the thin facades built on it ({@code CognitoAdmin}, {@code Mailer}).
 *
 * <p>An AWS error answer becomes an {@link AwsServiceException} carrying the service's error code
 * (e.g. {@code UsernameExistsException}), never the request body.
 */
public final class SignedJsonClient {
  private final SdkHttpClient http;
  private final AwsCredentialsProvider credentials;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
  private final ObjectMapper json;
  private final URI endpoint;
  private final String signingName;
  private final String region;

  SignedJsonClient(
      SdkHttpClient http,
      AwsCredentialsProvider credentials,
      ObjectMapper json,
      URI endpoint,
      String signingName,
      String region) {
    this.http = http;
    this.credentials = credentials;
    this.json = json;
    this.endpoint = endpoint;
    this.signingName = signingName;
    this.region = region;
  }

  /**
   * A client for one service: its endpoint from {@code AWS_ENDPOINT_URL_<serviceId>} when set (the
   * local stack), else the regional AWS endpoint {@code
   * https://<hostPrefix>.<region>.amazonaws.com}.
   */
  public static SignedJsonClient forService(
      Settings settings,
      SdkHttpClient http,
      AwsCredentialsProvider credentials,
      ObjectMapper json,
      String serviceId,
      String hostPrefix,
      String signingName) {
    URI endpoint =
        settings
            .endpointFor(serviceId)
            .orElseGet(
                () ->
                    URI.create(
                        "https://" + hostPrefix + "." + settings.region() + ".amazonaws.com"));
    return new SignedJsonClient(http, credentials, json, endpoint, signingName, settings.region());
  }

  public URI endpoint() {
    return endpoint;
  }

  /** An AWS JSON 1.1 call ({@code POST /}, {@code X-Amz-Target}), as Cognito's API takes them. */
  public JsonNode target(String target, JsonNode body) {
    return send(SdkHttpMethod.POST, "/", Optional.of(target), "application/x-amz-json-1.1", body);
  }

  /** A REST-JSON call ({@code POST <path>}), as SESv2's API takes them. */
  public JsonNode post(String path, JsonNode body) {
    return send(SdkHttpMethod.POST, path, Optional.empty(), "application/json", body);
  }

  /** The request as it will be sent: signed, with its payload. Visible for the signer test. */
  SignedRequest sign(
      SdkHttpMethod method,
      String path,
      Optional<String> target,
      String contentType,
      byte[] payload) {
    String base = endpoint.toString().replaceAll("/+$", "");
    SdkHttpRequest.Builder request =
        SdkHttpRequest.builder()
            .method(method)
            .uri(URI.create(base + path))
            .putHeader("Content-Type", contentType)
            .putHeader("Content-Length", Integer.toString(payload.length));
    target.ifPresent(t -> request.putHeader("X-Amz-Target", t));
    return signer.sign(
        r ->
            r.identity(credentials.resolveCredentials())
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
  }

  private JsonNode send(
      SdkHttpMethod method,
      String path,
      Optional<String> target,
      String contentType,
      JsonNode body) {
    byte[] payload = body.toString().getBytes(StandardCharsets.UTF_8);
    SignedRequest signed = sign(method, path, target, contentType, payload);
    try {
      SignedCall answer = SignedCall.send(http, signed);
      JsonNode parsed =
          answer.body().length == 0 ? json.createObjectNode() : json.readTree(answer.body());
      int status = answer.status();
      if (status / 100 != 2) {
        throw new AwsServiceException(
            signingName,
            status,
            errorCode(answer.response(), parsed),
            parsed.path("message").asText(parsed.path("Message").asText("")));
      }
      return parsed;
    } catch (IOException e) {
      throw new UncheckedIOException("call to " + signingName + " failed", e);
    }
  }

  /** The error code from the header or body, without the {@code prefix#} some services add. */
  private static String errorCode(SdkHttpResponse response, JsonNode body) {
    String code =
        response
            .firstMatchingHeader("x-amzn-ErrorType")
            .orElse(body.path("__type").asText(body.path("code").asText("Unknown")));
    code = code.contains(":") ? code.substring(0, code.indexOf(':')) : code;
    return code.contains("#") ? code.substring(code.lastIndexOf('#') + 1) : code;
  }
}
