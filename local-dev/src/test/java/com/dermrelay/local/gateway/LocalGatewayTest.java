package com.dermrelay.local.gateway;

import static com.dermrelay.local.gateway.GatewayFixture.get;
import static com.dermrelay.local.gateway.GatewayFixture.send;
import static com.dermrelay.local.gateway.GatewayFixture.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.dermrelay.local.http.Exchanges;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway over real HTTP: events, responses, errors, CORS, local tools. */
class LocalGatewayTest {
  private static final int LIMIT = 4096;
  private static TestIssuer issuer;
  private static LocalGateway gateway;

  @BeforeAll
  static void start() {
    issuer = new TestIssuer();
    issuer.publish(TestIssuer.newKey("k1"));
    gateway = GatewayFixture.start(GatewayFixture.config(issuer).maxBodyBytes(LIMIT).build());
    gateway.mount(
        "/_local/echo",
        (exchange, subPath) -> Exchanges.sendText(exchange, 200, "text/plain", "sub=" + subPath));
  }

  @AfterAll
  static void stop() {
    gateway.close();
    issuer.close();
  }

  @BeforeEach
  void clearEvents() {
    RecordingHandler.EVENTS.clear();
  }

  private static APIGatewayV2HTTPEvent lastEvent() {
    APIGatewayV2HTTPEvent event = RecordingHandler.EVENTS.poll();
    assertNotNull(event, "the handler was called");
    return event;
  }

  private static JsonNode problem(HttpResponse<byte[]> response) throws Exception {
    assertEquals(
        Exchanges.PROBLEM_JSON, response.headers().firstValue("content-type").orElse(null));
    return Exchanges.JSON.readTree(response.body());
  }

  @Test
  void aPublicRouteGetsAPayloadFormat2EventWithoutAToken() {
    HttpResponse<byte[]> response =
        send(
            get(gateway, "/health?verbose=true&tag=a&tag=b%20c&plus=x+y")
                .header("User-Agent", "test-agent")
                .header("X-Custom", "one")
                .header("Cookie", "session=abc; theme=dark"));
    assertEquals(200, response.statusCode());
    assertEquals("GET /health", response.headers().firstValue("x-route-key").orElse(null));
    String requestId = response.headers().firstValue("apigw-requestid").orElseThrow();

    APIGatewayV2HTTPEvent event = lastEvent();
    assertEquals("2.0", event.getVersion());
    assertEquals("GET /health", event.getRouteKey());
    assertEquals("/health", event.getRawPath());
    assertEquals("verbose=true&tag=a&tag=b%20c&plus=x+y", event.getRawQueryString());
    assertEquals(
        Map.of("verbose", "true", "tag", "a,b c", "plus", "x y"), event.getQueryStringParameters());
    assertNull(event.getPathParameters());
    assertEquals(List.of("session=abc", "theme=dark"), event.getCookies());
    assertEquals("one", event.getHeaders().get("x-custom"), "header names are lower-cased");
    assertFalse(event.getHeaders().containsKey("cookie"), "cookies leave the headers");
    assertNull(event.getBody());
    assertFalse(event.getIsBase64Encoded());

    APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
    assertEquals("$default", context.getStage());
    assertEquals("GET /health", context.getRouteKey());
    assertEquals(requestId, context.getRequestId());
    assertEquals("000000000000", context.getAccountId());
    assertEquals("local", context.getApiId());
    assertEquals("127.0.0.1:" + gateway.port(), context.getDomainName());
    assertEquals("GET", context.getHttp().getMethod());
    assertEquals("/health", context.getHttp().getPath());
    assertEquals("HTTP/1.1", context.getHttp().getProtocol());
    assertEquals("127.0.0.1", context.getHttp().getSourceIp());
    assertEquals("test-agent", context.getHttp().getUserAgent());
    assertEquals(GatewayFixture.NOW.toEpochMilli(), context.getTimeEpoch());
    assertEquals("14/Mar/2026:10:15:30 +0000", context.getTime());
    assertNull(context.getAuthorizer(), "no authorizer on a public route");
  }

  @Test
  void repeatedHeadersArriveJoinedWithCommas() {
    send(get(gateway, "/health").header("X-Multi", "a").header("X-Multi", "b"));
    assertEquals("a,b", lastEvent().getHeaders().get("x-multi"));
  }

  @Test
  void aJsonBodyPassesAsTextByteForByte() {
    String json = "{\"note\":\"itchy rash — 3 days, ünïcødé ✓\",\"n\":1}";
    HttpResponse<byte[]> response =
        send(
            HttpRequest.newBuilder(URI.create(gateway.url() + "/public/echo"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    assertEquals(200, response.statusCode());
    APIGatewayV2HTTPEvent event = lastEvent();
    assertFalse(event.getIsBase64Encoded());
    assertEquals(json, event.getBody());
    assertArrayEquals(json.getBytes(StandardCharsets.UTF_8), response.body());
  }

  @Test
  void aBinaryBodyPassesBase64EncodedAndComesBackByteForByte() {
    byte[] bytes = new byte[256];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) i;
    }
    HttpResponse<byte[]> response =
        send(
            HttpRequest.newBuilder(URI.create(gateway.url() + "/public/echo"))
                .header("Content-Type", "image/jpeg")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    assertEquals(200, response.statusCode());
    APIGatewayV2HTTPEvent event = lastEvent();
    assertTrue(event.getIsBase64Encoded());
    assertArrayEquals(bytes, Base64.getDecoder().decode(event.getBody()));
    assertArrayEquals(
        bytes, response.body(), "the handler's base64 body is decoded for the client");
    assertEquals("image/jpeg", response.headers().firstValue("content-type").orElse(null));
  }

  @Test
  void textThatIsNotUtf8IsStillDeliveredExactly() {
    byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
    send(
        HttpRequest.newBuilder(URI.create(gateway.url() + "/public/echo"))
            .header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofByteArray(latin1)));
    APIGatewayV2HTTPEvent event = lastEvent();
    assertTrue(event.getIsBase64Encoded());
    assertArrayEquals(latin1, Base64.getDecoder().decode(event.getBody()));
  }

  @Test
  void aBodyOverTheLimitIs413AndNeverReachesTheHandler() throws Exception {
    HttpResponse<byte[]> response =
        send(
            HttpRequest.newBuilder(URI.create(gateway.url() + "/public/echo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT + 1])));
    assertEquals(413, response.statusCode());
    assertEquals(413, problem(response).get("status").asInt());
    assertTrue(RecordingHandler.EVENTS.isEmpty());

    HttpResponse<byte[]> atLimit =
        send(
            HttpRequest.newBuilder(URI.create(gateway.url() + "/public/echo"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT])));
    assertEquals(200, atLimit.statusCode());
  }

  @Test
  void anUnknownPathIs404ProblemJson() throws Exception {
    HttpResponse<byte[]> response = send(get(gateway, "/nowhere"));
    assertEquals(404, response.statusCode());
    JsonNode problem = problem(response);
    assertEquals("Not Found", problem.get("title").asText());
    assertEquals("about:blank", problem.get("type").asText());
  }

  @Test
  void aKnownPathWithTheWrongMethodIs405WithAllow() throws Exception {
    HttpResponse<byte[]> response =
        send(
            HttpRequest.newBuilder(URI.create(gateway.url() + "/clinics/acme/cases"))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()));
    assertEquals(405, response.statusCode());
    assertEquals("GET, POST", response.headers().firstValue("allow").orElse(null));
    assertEquals(405, problem(response).get("status").asInt());
  }

  @Test
  void aBrokenPathEscapeIs400() throws Exception {
    HttpResponse<byte[]> response = send(get(gateway, "/clinics/%C3%28/cases"));
    assertEquals(400, response.statusCode());
    assertEquals("Bad Request", problem(response).get("title").asText());
  }

  @Test
  void aThrowingHandlerIs500WithoutInternalDetail() throws Exception {
    HttpResponse<byte[]> response = send(get(gateway, "/public/boom"));
    assertEquals(500, response.statusCode());
    JsonNode problem = problem(response);
    assertEquals("Internal Server Error", problem.get("title").asText());
    assertFalse(problem.has("detail"));
    assertFalse(text(response).contains(ThrowingHandler.SECRET));
    assertFalse(text(response).contains("IllegalStateException"));
  }

  @Test
  void responseCookiesAndMultiValueHeadersReachTheClient() {
    HttpResponse<byte[]> response = send(get(gateway, "/public/cookies"));
    assertEquals(204, response.statusCode());
    assertEquals(
        List.of("a=1; Path=/", "b=2; HttpOnly"), response.headers().allValues("set-cookie"));
    assertEquals(List.of("one", "two"), response.headers().allValues("x-multi"));
  }

  @Test
  void aPreflightForAKnownRouteIsAnsweredByTheGateway() {
    HttpResponse<byte[]> response =
        send(
            HttpRequest.newBuilder(URI.create(gateway.url() + "/clinics/acme/cases"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", GatewayFixture.ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type"));
    assertEquals(204, response.statusCode());
    assertEquals(
        GatewayFixture.ALLOWED_ORIGIN,
        response.headers().firstValue("access-control-allow-origin").orElse(null));
    assertEquals(
        "GET, POST", response.headers().firstValue("access-control-allow-methods").orElse(null));
    assertEquals(
        "authorization, content-type, idempotency-key, x-requested-with",
        response.headers().firstValue("access-control-allow-headers").orElse(null));
    assertEquals("600", response.headers().firstValue("access-control-max-age").orElse(null));
    assertTrue(RecordingHandler.EVENTS.isEmpty(), "no handler runs for a preflight");
  }

  @Test
  void aPreflightFromAnotherOriginGetsNoCorsHeaders() {
    HttpResponse<byte[]> response =
        send(
            HttpRequest.newBuilder(URI.create(gateway.url() + "/clinics/acme/cases"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST"));
    assertTrue(response.headers().firstValue("access-control-allow-origin").isEmpty());
    assertTrue(response.headers().firstValue("access-control-allow-methods").isEmpty());
  }

  @Test
  void responsesToAnAllowedOriginCarryAllowOrigin() {
    HttpResponse<byte[]> allowed =
        send(get(gateway, "/health").header("Origin", GatewayFixture.ALLOWED_ORIGIN));
    assertEquals(
        GatewayFixture.ALLOWED_ORIGIN,
        allowed.headers().firstValue("access-control-allow-origin").orElse(null));
    HttpResponse<byte[]> unauthorized =
        send(get(gateway, "/clinics/acme/cases").header("Origin", GatewayFixture.ALLOWED_ORIGIN));
    assertEquals(401, unauthorized.statusCode());
    assertEquals(
        GatewayFixture.ALLOWED_ORIGIN,
        unauthorized.headers().firstValue("access-control-allow-origin").orElse(null),
        "the browser must be able to read a 401");
    HttpResponse<byte[]> other =
        send(get(gateway, "/health").header("Origin", "https://evil.example"));
    assertTrue(other.headers().firstValue("access-control-allow-origin").isEmpty());
  }

  @Test
  void localToolsAreMountedUnderLocalPrefix() {
    assertEquals("sub=", text(send(get(gateway, "/_local/echo"))));
    assertEquals("sub=/deeper/x", text(send(get(gateway, "/_local/echo/deeper/x"))));
    assertEquals(404, send(get(gateway, "/_local/echoes")).statusCode());
    assertEquals(404, send(get(gateway, "/_local/other")).statusCode());
  }

  @Test
  void mountingOutsideLocalPrefixIsRefused() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> gateway.mount("/health", (exchange, subPath) -> {}));
  }
}
