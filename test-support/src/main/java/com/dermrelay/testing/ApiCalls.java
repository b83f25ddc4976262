package com.dermrelay.testing;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/** HTTP calls through the local gateway, and direct looks at the table, for integration tests. */
public final class ApiCalls {
  public static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final LocalStack stack;

  public ApiCalls(LocalStack stack) {
    this.stack = stack;
  }

  public String idToken(String email, String password) {
    return stack.identity().signIn(email, password).idToken();
  }

  public HttpResponse<String> call(String method, String path, String token, String jsonBody) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (jsonBody != null) {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> get(String path, String token) {
    return call("GET", path, token, null);
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static StaticCredentialsProvider keys() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(LocalStackConfig.ACCESS_KEY, LocalStackConfig.SECRET_KEY));
  }

  public DynamoDbClient dynamoDb() {
    return DynamoDbClient.builder()
        .endpointOverride(URI.create(stack.dynamoDbEndpoint()))
        .region(Region.US_EAST_1)
        .credentialsProvider(keys())
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  public S3Client s3() {
    return S3Client.builder()
        .endpointOverride(URI.create(stack.s3Endpoint()))
        .region(Region.US_EAST_1)
        .credentialsProvider(keys())
        .forcePathStyle(true)
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /**
   * Every item of the table and every object of the media bucket, as sorted text; audit records,
   * rate-limit counters and the clinics' request buckets are left out when {@code withAudit} is
   * false (a refused call appends one, or takes a token, which is the point, not a change).
   */
  public TreeSet<String> snapshot(boolean withAudit) {
    TreeSet<String> state = new TreeSet<>();
    try (DynamoDbClient dynamoDb = dynamoDb();
        S3Client s3 = s3()) {
      for (Map<String, AttributeValue> item :
          dynamoDb.scanPaginator(r -> r.tableName(LocalStackConfig.TABLE)).items()) {
        String pk = item.get("pk").s();
        if (!withAudit
            && (pk.endsWith("#AUDIT") || pk.startsWith("RATE#") || pk.endsWith("#LIMITS"))) {
          continue;
        }
        state.add(new java.util.TreeMap<>(item).toString());
      }
      s3.listObjectsV2Paginator(r -> r.bucket(LocalStackConfig.MEDIA_BUCKET))
          .contents()
          .forEach(o -> state.add("s3:" + o.key() + ":" + o.eTag()));
    }
    return state;
  }
}
