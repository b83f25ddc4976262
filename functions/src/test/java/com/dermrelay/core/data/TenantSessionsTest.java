package com.dermrelay.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.core.access.TestTenantContexts;
import com.dermrelay.core.config.Settings;
import com.dermrelay.core.wiring.DaggerFunctionsComponent;
import com.dermrelay.core.wiring.FunctionsComponent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AWS path of tenant sessions, end to end through the real wiring: a use case acting for a
 * clinic (the patient's data export: DynamoDB reads and an audit write, an S3 write, a pre-signed
 * link) against a local STS stand-in and a recording endpoint for DynamoDB, S3 and Cognito. No
 * emulator checks IAM, so what is asserted is what IAM would decide on: which keys signed each
 * request (the Authorization header's Credential), and what AssumeRole asked for.
 */
class TenantSessionsTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/dermrelay-tenant-data";
  private static final String FUNCTION_KEY = "AKIDFUNCTIONOWN";
  private static final Pattern CREDENTIAL =
      Pattern.compile("Credential=([^/]+)/[^/]+/[^/]+/([^/]+)/aws4_request");

  /** One request that reached the recording endpoint: what it was and who signed it. */
  record Signed(String call, String accessKey, String signingService, String securityToken) {}

  private HttpServer sts;
  private HttpServer aws;
  private final List<String> assumeRoleForms = new CopyOnWriteArrayList<>();
  private final List<Signed> stsSigners = new CopyOnWriteArrayList<>();
  private final List<Signed> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger sessionsIssued = new AtomicInteger();

  @BeforeEach
  void startStandIns() throws IOException {
    sts = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    sts.createContext(
        "/",
        exchange -> {
          assumeRoleForms.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          stsSigners.add(signed(exchange, "AssumeRole"));
          int n = sessionsIssued.incrementAndGet();
          answer(
              exchange,
              200,
              "text/xml",
              "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                  + "<AssumeRoleResult><Credentials><AccessKeyId>ASIASESSION"
                  + n
                  + "</AccessKeyId>"
                  + "<SecretAccessKey>session-secret-"
                  + n
                  + "</SecretAccessKey><SessionToken>session-token-"
                  + n
                  + "</SessionToken><Expiration>"
                  + Instant.now().plusSeconds(3600)
                  + "</Expiration></Credentials>"
                  + "</AssumeRoleResult></AssumeRoleResponse>");
        });
    sts.start();
    aws = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    aws.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
          String call =
              target != null
                  ? target.substring(target.indexOf('.') + 1)
                  : "S3 " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
          received.add(signed(exchange, call));
          if (target == null) {
            exchange.getResponseHeaders().add("ETag", "\"etag\"");
            answer(exchange, 200, "application/xml", "");
          } else if (target.startsWith("AWSCognitoIdentityProviderService")) {
            answer(
                exchange,
                400,
                "application/x-amz-json-1.1",
                "{\"__type\":\"UserNotFoundException\",\"message\":\"none\"}");
          } else if (call.equals("Query")) {
            answer(
                exchange,
                200,
                "application/x-amz-json-1.0",
                "{\"Items\":[],\"Count\":0,\"ScannedCount\":0}");
          } else {
            answer(exchange, 200, "application/x-amz-json-1.0", "{}");
          }
        });
    aws.start();
  }

  @AfterEach
  void stopStandIns() {
    sts.stop(0);
    aws.stop(0);
  }

  @Test
  void aClinicsDataAndLinksAreReachedOnlyWithItsOwnSessionAskedForWithItsTag() {
    FunctionsComponent functions = component(true);

    String link =
        functions
            .exportMyData()
            .run(TestTenantContexts.patient("northside-skin", "patient-1"), "p1@example.org", "en")
            .downloadUrl();

    // One AssumeRole of the tenant data role, tagged with the clinic, signed by the function's own
    // keys.
    assertEquals(1, assumeRoleForms.size());
    Map<String, String> form = form(assumeRoleForms.get(0));
    assertEquals("AssumeRole", form.get("Action"));
    assertEquals(ROLE, form.get("RoleArn"));
    assertEquals("tenantId", form.get("Tags.member.1.Key"));
    assertEquals("northside-skin", form.get("Tags.member.1.Value"));
    assertEquals(new Signed("AssumeRole", FUNCTION_KEY, "sts", null), stsSigners.get(0));

    // Every DynamoDB and S3 request for the clinic is signed with the session, token attached.
    List<Signed> tenantCalls =
        received.stream().filter(r -> !r.call().startsWith("Admin")).toList();
    assertTrue(tenantCalls.stream().anyMatch(r -> r.call().equals("Query")), received.toString());
    assertTrue(
        tenantCalls.stream().anyMatch(r -> r.call().equals("PutItem")),
        "the audit record: " + received);
    assertTrue(
        tenantCalls.stream()
            .anyMatch(r -> r.call().startsWith("S3 PUT /media-bucket/northside-skin/exports/")),
        received.toString());
    for (Signed call : tenantCalls) {
      assertEquals("ASIASESSION1", call.accessKey(), call.toString());
      assertEquals("session-token-1", call.securityToken(), call.toString());
    }
    // Cognito (the account section) is not tenant data: it stays on the function's own role.
    assertTrue(
        received.contains(new Signed("AdminGetUser", FUNCTION_KEY, "cognito-idp", null)),
        received.toString());

    // The link carries the session's key and token: it can reach nothing outside the clinic's
    // prefix.
    Map<String, String> query = form(URI.create(link).getRawQuery());
    assertTrue(query.get("X-Amz-Credential").startsWith("ASIASESSION1/"), link);
    assertEquals("session-token-1", query.get("X-Amz-Security-Token"));
    assertTrue(
        URI.create(link).getPath().startsWith("/media-bucket/northside-skin/exports/patient-1/"),
        link);
  }

  @Test
  void aWarmContainerReusesEachClinicsSessionAndNeverLendsItToAnother() {
    FunctionsComponent functions = component(true);
    functions
        .exportMyData()
        .run(TestTenantContexts.patient("northside-skin", "patient-1"), "p1@example.org", "en");
    functions
        .exportMyData()
        .run(TestTenantContexts.patient("northside-skin", "patient-2"), "p2@example.org", "en");
    assertEquals(1, assumeRoleForms.size(), "the second request of the clinic reuses its session");

    received.clear();
    String link =
        functions
            .exportMyData()
            .run(
                TestTenantContexts.patient("harbour-dermatology", "patient-3"),
                "p3@example.org",
                "en")
            .downloadUrl();

    assertEquals(2, assumeRoleForms.size());
    assertEquals("harbour-dermatology", form(assumeRoleForms.get(1)).get("Tags.member.1.Value"));
    received.stream()
        .filter(r -> !r.call().startsWith("Admin"))
        .forEach(call -> assertEquals("ASIASESSION2", call.accessKey(), call.toString()));
    assertTrue(
        form(URI.create(link).getRawQuery()).get("X-Amz-Credential").startsWith("ASIASESSION2/"),
        link);
  }

  @Test
  void withoutATenantRoleTheFunctionsOwnKeysSignEverythingAndStsIsNotAsked() {
    FunctionsComponent functions = component(false);

    String link =
        functions
            .exportMyData()
            .run(TestTenantContexts.patient("northside-skin", "patient-1"), "p1@example.org", "en")
            .downloadUrl();

    assertEquals(List.of(), assumeRoleForms);
    assertFalse(received.isEmpty());
    received.forEach(call -> assertEquals(FUNCTION_KEY, call.accessKey(), call.toString()));
    Map<String, String> query = form(URI.create(link).getRawQuery());
    assertTrue(query.get("X-Amz-Credential").startsWith(FUNCTION_KEY + "/"), link);
    assertFalse(query.containsKey("X-Amz-Security-Token"), link);
  }

  private FunctionsComponent component(boolean tenantRole) {
    String awsUrl = "http://127.0.0.1:" + aws.getAddress().getPort();
    Map<String, String> environment =
        new HashMap<>(
            Map.of(
                "AWS_REGION",
                "eu-central-1",
                "AWS_ACCESS_KEY_ID",
                FUNCTION_KEY,
                "AWS_SECRET_ACCESS_KEY",
                "function-secret",
                "AWS_ENDPOINT_URL_DYNAMODB",
                awsUrl,
                "AWS_ENDPOINT_URL_S3",
                awsUrl,
                "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER",
                awsUrl,
                "AWS_ENDPOINT_URL_STS",
                "http://127.0.0.1:" + sts.getAddress().getPort(),
                "DERMRELAY_TABLE",
                "sessions-test-table",
                "DERMRELAY_MEDIA_BUCKET",
                "media-bucket",
                "DERMRELAY_USER_POOL_ID",
                "eu-central-1_test"));
    if (tenantRole) {
      environment.put(TenantCredentials.ROLE_ARN_ENV, ROLE);
    }
    return DaggerFunctionsComponent.factory().create(Settings.from(environment));
  }

  private static Signed signed(HttpExchange exchange, String call) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    Matcher m = CREDENTIAL.matcher(authorization == null ? "" : authorization);
    return m.find()
        ? new Signed(
            call,
            m.group(1),
            m.group(2),
            exchange.getRequestHeaders().getFirst("X-Amz-Security-Token"))
        : new Signed(call, "unsigned", "", null);
  }

  private static void answer(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      fields.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return fields;
  }
}
