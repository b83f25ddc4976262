package com.dermrelay.local.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.functions.InProcessFunctions;
import com.dermrelay.local.gateway.GatewayConfig;
import com.dermrelay.local.gateway.LocalGateway;
import com.dermrelay.local.gateway.RouteTable;
import com.dermrelay.local.http.Exchanges;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox page and JSON, as the gateway mounts them at /_local/outbox. */
class OutboxViewsTest {
  private static final Outbox OUTBOX = new Outbox();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static LocalGateway gateway;

  @BeforeAll
  static void start() {
    gateway =
        LocalGateway.start(
            GatewayConfig.builder().port(0).build(),
            new RouteTable(List.of()),
            new InProcessFunctions(Map.of()));
    gateway.mount("/_local/outbox", new OutboxViews(OUTBOX));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @BeforeEach
  void fill() {
    OUTBOX.clear();
    OUTBOX.record(OutboxMessage.Channel.EMAIL, "pat@example.org", "First <b>bold</b>", "old");
    OUTBOX.record(
        OutboxMessage.Channel.EMAIL,
        "pat@example.org",
        "<script>alert('x')</script>",
        "Tom & Jerry say \"hi\" <img src=x onerror=alert(1)>");
    OUTBOX.record(OutboxMessage.Channel.SMS, "+15555550123", null, "code 42");
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(gateway.url() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void thePageListsMessagesNewestFirstAndEscapesHtml() throws Exception {
    HttpResponse<String> response = get("/_local/outbox/");
    assertEquals(200, response.statusCode());
    assertEquals(
        "text/html; charset=utf-8", response.headers().firstValue("content-type").orElse(null));
    String page = response.body();
    assertFalse(page.contains("<script>alert"), "no markup from a message survives");
    assertFalse(page.contains("<img src=x"));
    assertFalse(page.contains("<b>bold</b>"));
    assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assertTrue(
        page.contains("Tom &amp; Jerry say &quot;hi&quot; &lt;img src=x onerror=alert(1)&gt;"));
    int sms = page.indexOf("code 42");
    int script = page.indexOf("&lt;script&gt;");
    int first = page.indexOf("First &lt;b&gt;");
    assertTrue(sms >= 0 && sms < script && script < first, "newest first");
    assertTrue(page.contains("+15555550123"));
  }

  @Test
  void theMountPointRedirectsToItsSlashSoRelativeLinksWork() throws Exception {
    HttpResponse<String> response = get("/_local/outbox");
    assertEquals(301, response.statusCode());
    assertEquals("/_local/outbox/", response.headers().firstValue("location").orElse(null));
  }

  @Test
  void theJsonListsAllOrFiltersByRecipient() throws Exception {
    JsonNode all = Exchanges.JSON.readTree(get("/_local/outbox/messages").body());
    assertEquals(3, all.size());
    assertEquals("SMS", all.get(0).get("channel").asText(), "newest first");

    JsonNode toPat =
        Exchanges.JSON.readTree(get("/_local/outbox/messages?to=PAT%40example.org").body());
    assertEquals(2, toPat.size());
    assertEquals("old", toPat.get(1).get("text").asText());
    assertEquals("pat@example.org", toPat.get(0).get("to").get(0).asText());

    JsonNode toPhone =
        Exchanges.JSON.readTree(get("/_local/outbox/messages?to=%2B15555550123").body());
    assertEquals(1, toPhone.size());
    assertEquals("code 42", toPhone.get(0).get("text").asText());
  }

  @Test
  void otherPathsAndMethodsAreRefused() throws Exception {
    assertEquals(404, get("/_local/outbox/nope").statusCode());
    HttpResponse<String> post =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(gateway.url() + "/_local/outbox/messages"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(405, post.statusCode());
  }
}
