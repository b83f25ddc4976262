package com.dermrelay.local.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.functions.FunctionClocks;
import com.dermrelay.local.functions.InProcessFunctions;
import com.dermrelay.local.gateway.GatewayConfig;
import com.dermrelay.local.gateway.LocalGateway;
import com.dermrelay.local.gateway.RouteTable;
import com.dermrelay.local.identity.IdentityConfig;
import com.dermrelay.local.identity.LocalIdentityServer;
import com.dermrelay.local.stepfunctions.ShiftableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The started stack's clock: real time that can be moved forward, with the timers that fall due run
 * at once, tokens that age with it, and {@code /_local/clock} that moves it for a platform operator
 * only (the stack's wiring, as LocalStack does it, minus the AWS emulators).
 */
class LocalClockTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ShiftableClock clock;
  private String clockName;
  private LocalIdentityServer identity;
  private LocalGateway gateway;

  @BeforeEach
  void start() {
    clock = new ShiftableClock();
    clockName = FunctionClocks.register(clock);
    java.time.Clock tokens = FunctionClocks.named(clockName);
    identity =
        LocalIdentityServer.start(
            IdentityConfig.builder()
                .clock(tokens)
                .groups(Set.of("patient", "platform_operator"))
                .build(),
            "127.0.0.1",
            0,
            message -> {});
    gateway =
        LocalGateway.start(
            GatewayConfig.builder()
                .port(0)
                .issuer(identity.issuer())
                .jwksUrl(URI.create(identity.jwksUrl()))
                .audiences(List.of(identity.clientId()))
                .clock(tokens)
                .build(),
            new RouteTable(List.of()),
            new InProcessFunctions(Map.of()));
    gateway.mount("/_local/clock", new ClockControl(clock, gateway::verifiedClaims));
    identity
        .identity()
        .createConfirmedUser(
            "op@example.org",
            "Operator-Pass-1",
            Map.of("email", "op@example.org"),
            Set.of("platform_operator"));
    identity
        .identity()
        .createConfirmedUser(
            "pat@example.org",
            "Patient-Pass-1",
            Map.of("email", "pat@example.org"),
            Set.of("patient"));
  }

  @AfterEach
  void stop() {
    gateway.close();
    identity.close();
    FunctionClocks.unregister(clockName);
    clock.close();
  }

  @Test
  void movingTheClockRunsTheTimersThatFellDueAndNoOthers() {
    List<String> ran = new CopyOnWriteArrayList<>();
    clock.schedule(Duration.ofDays(3), () -> ran.add("in three days"));
    clock.schedule(Duration.ofDays(10), () -> ran.add("in ten days"));
    var cancelled = clock.schedule(Duration.ofDays(1), () -> ran.add("cancelled"));
    cancelled.cancel();
    Instant before = clock.now();

    clock.advance(Duration.ofDays(4));

    assertEquals(List.of("in three days"), ran);
    assertTrue(!clock.now().isBefore(before.plus(Duration.ofDays(4))), "now moved four days");
    assertEquals(Duration.ofDays(4), clock.offset());
  }

  @Test
  void tokensAgeWithTheClockSoASessionOfYesterdayHasEnded() {
    String before = identity.identity().signIn("pat@example.org", "Patient-Pass-1").idToken();
    assertTrue(gateway.verifiedClaims("Bearer " + before).isPresent());

    clock.advance(Duration.ofHours(2));

    assertFalse(
        gateway.verifiedClaims("Bearer " + before).isPresent(),
        "an hour-long token issued 2 h ago expired");
    String after = identity.identity().signIn("pat@example.org", "Patient-Pass-1").idToken();
    assertTrue(
        gateway.verifiedClaims("Bearer " + after).isPresent(),
        "a new one lasts an hour of the moved clock");
  }

  @Test
  void onlyAPlatformOperatorMovesTheClockAndOnlyForward() throws IOException, InterruptedException {
    String operator = identity.identity().signIn("op@example.org", "Operator-Pass-1").idToken();
    String patient = identity.identity().signIn("pat@example.org", "Patient-Pass-1").idToken();

    assertEquals(401, post(null, "{\"advanceBy\":\"P1D\"}").statusCode());
    assertEquals(403, post(patient, "{\"advanceBy\":\"P1D\"}").statusCode());
    for (String bad :
        List.of(
            "{\"advanceBy\":\"-P1D\"}",
            "{\"advanceBy\":\"PT0S\"}",
            "{\"advanceBy\":1}",
            "{\"advanceBy\":\"one day\"}",
            "{\"advanceBy\":\"P401D\"}",
            "{}",
            "not json")) {
      HttpResponse<String> refused = post(operator, bad);
      assertEquals(400, refused.statusCode(), bad);
      assertEquals(
          "/advanceBy", JSON.readTree(refused.body()).at("/errors/0/pointer").asText(), bad);
    }
    assertEquals(Duration.ZERO, clock.offset(), "nothing moved it yet");

    HttpResponse<String> moved = post(operator, "{\"advanceBy\":\"P7D\"}");

    assertEquals(200, moved.statusCode(), moved.body());
    assertEquals(Duration.ofDays(7), clock.offset());
    JsonNode state =
        JSON.readTree(
            HTTP.send(
                    HttpRequest.newBuilder(URI.create(gateway.url() + "/_local/clock")).build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    assertEquals("PT168H", state.get("aheadBy").asText());
  }

  private HttpResponse<String> post(String token, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gateway.url() + "/_local/clock"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
