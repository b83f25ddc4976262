package com.dermrelay.local.gateway;

import static com.dermrelay.local.gateway.GatewayFixture.get;
import static com.dermrelay.local.gateway.GatewayFixture.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.http.Exchanges;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway as the edge of the local stack, like CloudFront in front of production: every
 * response but the local tools' carries production's security headers (the shared definition, with
 * loopback origins), whoever answered it, the gateway itself included; and a request target the JDK
 * server cannot parse (a malformed percent-escape) is answered problem+json 400 with those headers,
 * not the server's HTML page.
 */
class GatewayEdgeTest {
  private static final Map<String, String> HEADERS =
      SecurityHeaders.local(
          List.of("http://127.0.0.1:8080"),
          List.of("http://127.0.0.1:9229", "http://localhost:9229"),
          List.of("http://127.0.0.1:9000"));

  @TempDir static Path portal;
  private static TestIssuer issuer;
  private static LocalGateway gateway;

  @BeforeAll
  static void start() throws IOException {
    Files.writeString(portal.resolve("index.html"), "<h1>home</h1>");
    issuer = new TestIssuer();
    issuer.publish(TestIssuer.newKey("k1"));
    gateway =
        GatewayFixture.start(
            GatewayFixture.config(issuer).staticDir(portal).securityHeaders(HEADERS).build());
    gateway.mount(
        "/_local/echo",
        (exchange, subPath) -> Exchanges.sendText(exchange, 200, "text/plain", "ok"));
  }

  @AfterAll
  static void stop() {
    gateway.close();
    issuer.close();
  }

  @Test
  void theLocalHeadersAreProductionsWithLoopbackOrigins() {
    String csp = HEADERS.get("Content-Security-Policy");
    assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    assertTrue(
        csp.contains(
            "connect-src 'self' http://127.0.0.1:8080 http://127.0.0.1:9229 http://localhost:9229 "
                + "http://127.0.0.1:9000;"),
        csp);
    assertFalse(csp.contains("${"), csp);
    assertEquals("DENY", HEADERS.get("X-Frame-Options"));
    assertEquals("nosniff", HEADERS.get("X-Content-Type-Options"));
    assertEquals(SecurityHeaders.definition().keySet(), HEADERS.keySet());
  }

  @Test
  void everyKindOfAnswerCarriesTheSecurityHeaders() {
    assertSecured(send(get(gateway, "/")), 200);
    assertSecured(send(get(gateway, "/health")), 200);
    assertSecured(send(get(gateway, "/clinics/acme/cases")), 401);
    assertSecured(send(get(gateway, "/no/such/thing")), 404);
    assertSecured(send(get(gateway, "/public/boom")), 500);
    assertSecured(
        send(get(gateway, "/health").method("DELETE", HttpRequest.BodyPublishers.noBody())), 405);
  }

  @Test
  void aHandlersOwnHeaderIsOverriddenAsCloudFrontDoes() {
    HttpResponse<byte[]> response =
        send(
            HttpRequest.newBuilder(java.net.URI.create(gateway.url() + "/public/echo"))
                .header("Content-Type", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("<p>hi</p>")));
    assertSecured(response, 200);
  }

  @Test
  void theLocalToolsAreNotProductionsAndKeepTheirOwn() {
    HttpResponse<byte[]> response = send(get(gateway, "/_local/echo"));
    assertEquals(200, response.statusCode());
    assertFalse(response.headers().firstValue("Content-Security-Policy").isPresent());
  }

  @Test
  void aMalformedPercentEscapeIsAProblemNotAnHtmlPage() throws Exception {
    for (String target :
        List.of(
            "/clinics/%u/cases",
            "/clinics/%zz/cases", "/c/northside/%", "/health?q=%u", "/clinics/{x}/cases")) {
      RawResponse response =
          RawResponse.of(exchange("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n"));
      assertEquals(400, response.status, target + ": " + response.text);
      assertEquals(Exchanges.PROBLEM_JSON, response.headers.get("content-type"), target);
      assertEquals("nosniff", response.headers.get("x-content-type-options"), target);
      assertEquals(
          HEADERS.get("Content-Security-Policy"),
          response.headers.get("content-security-policy"),
          target);
      JsonNode problem = Exchanges.JSON.readTree(response.body);
      assertEquals(400, problem.get("status").asInt());
      assertTrue(problem.get("detail").asText().contains("percent"), problem.toString());
      assertFalse(
          response.text.contains("%u") || response.text.contains("<h1>"),
          "nothing quoted, no HTML");
    }
  }

  @Test
  void requestsBeforeAMalformedOneOnTheSameConnectionAreAnsweredFirst() throws Exception {
    String chunked =
        "POST /public/echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
    String sized =
        "POST /public/echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nabc";
    String all =
        exchange(
            chunked
                + sized
                + "GET /clinics/%u HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    int first = all.indexOf("hello world");
    int second = all.indexOf("abc", first);
    int bad = all.indexOf("HTTP/1.1 400", second);
    assertTrue(first > 0 && second > first && bad > second, all);
    assertFalse(
        all.substring(bad).contains("200 OK"), "the connection closes after the 400: " + all);
  }

  private static void assertSecured(HttpResponse<byte[]> response, int status) {
    assertEquals(status, response.statusCode());
    HEADERS.forEach(
        (name, value) ->
            assertEquals(
                List.of(value), response.headers().allValues(name), name + " on a " + status));
  }

  /** Writes the bytes on one connection and reads everything until the gateway closes it. */
  private static String exchange(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      return all.toString(StandardCharsets.UTF_8);
    }
  }

  /** One response read off the wire. */
  private record RawResponse(int status, Map<String, String> headers, byte[] body, String text) {
    static RawResponse of(String text) {
      int end = text.indexOf("\r\n\r\n");
      String[] lines = text.substring(0, end).split("\r\n");
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
      return new RawResponse(
          Integer.parseInt(lines[0].split(" ")[1]),
          headers,
          text.substring(end + 4).getBytes(StandardCharsets.UTF_8),
          text);
    }
  }
}
