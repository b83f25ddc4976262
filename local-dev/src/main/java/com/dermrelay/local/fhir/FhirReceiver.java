package com.dermrelay.local.fhir;

import com.dermrelay.local.http.Exchanges;
import com.dermrelay.local.http.LocalHttpServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack's FHIR server: a stand-in for a clinic's EHR that records what it is sent. Each
 * name under {@code /fhir/{name}} is its own endpoint (created on first use), so clinics and tests
 * do not share records:
 *
 * <ul>
 *   <li>{@code POST /fhir/{name}}: a transaction Bundle ({@link Transactions}), answered with a
 *       transaction-response;
 *   <li>{@code GET /fhir/{name}/{Type}/{id}}, {@code GET /fhir/{name}/{Type}?identifier=sys|val}
 *       and {@code GET /fhir/{name}/_received}: what it holds, for tests;
 *   <li>{@code POST /fhir/{name}/token}: OAuth2 client credentials; once a client or token is
 *       allowed, every call needs a bearer token it knows;
 *   <li>{@code POST /fhir/{name}/_fault}, {@code /_clients}, {@code /_reset}: the test API.
 * </ul>
 *
 * JSON only, no FHIR library: it answers what DermRelay sends, no more.
 */
public final class FhirReceiver implements AutoCloseable {
  public static final int DEFAULT_PORT = 8090;
  private static final Logger LOG = LoggerFactory.getLogger(FhirReceiver.class);
  private static final String FHIR_JSON = "application/fhir+json";
  private static final int MAX_BODY_BYTES = 20 * 1024 * 1024;
  private static final Pattern PATH =
      Pattern.compile(
          "^/fhir/([a-z0-9][a-z0-9-]{0,39})(?:/([A-Za-z_]+)(?:/([A-Za-z0-9.-]{1,64}))?)?/?$");

  private final Map<String, ReceiverEndpoint> endpoints = new ConcurrentHashMap<>();
  private LocalHttpServer server;

  private FhirReceiver() {}

  public static FhirReceiver start(String host, int port) {
    FhirReceiver receiver = new FhirReceiver();
    receiver.server = LocalHttpServer.start("fhir", host, port, receiver::handle);
    return receiver;
  }

  /**
   * e.g. {@code http://127.0.0.1:8090}; an endpoint's base URL is {@code url() + "/fhir/" + name}.
   */
  public String url() {
    return server.url();
  }

  public String baseUrl(String name) {
    return url() + "/fhir/" + name;
  }

  /** The named endpoint, created if new. */
  public ReceiverEndpoint endpoint(String name) {
    return endpoints.computeIfAbsent(name, ReceiverEndpoint::new);
  }

  @Override
  public void close() {
    server.close();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      Matcher path = PATH.matcher(exchange.getRequestURI().getRawPath());
      if (!path.matches()) {
        Exchanges.sendJson(
            exchange,
            404,
            FHIR_JSON,
            Transactions.outcome("error", "not-found", "No such endpoint: use /fhir/{name}."));
        return;
      }
      route(exchange, endpoint(path.group(1)), path.group(2), path.group(3));
    } catch (RuntimeException e) {
      LOG.error("fhir receiver failure", e);
      if (exchange.getResponseCode() < 0) {
        Exchanges.sendJson(
            exchange,
            500,
            FHIR_JSON,
            Transactions.outcome("fatal", "exception", "Internal error."));
      }
    } finally {
      exchange.close();
    }
  }

  private void route(HttpExchange exchange, ReceiverEndpoint endpoint, String segment, String id)
      throws IOException {
    String method = exchange.getRequestMethod();
    if (segment != null && segment.startsWith("_") && method.equals("POST")) {
      testApi(exchange, endpoint, segment);
    } else if ("_received".equals(segment) && method.equals("GET")) {
      ArrayNode bundles = Exchanges.JSON.createArrayNode();
      endpoint.received().forEach(bundles::add);
      Exchanges.sendJson(exchange, 200, bundles);
    } else if ("token".equals(segment) && id == null && method.equals("POST")) {
      token(exchange, endpoint);
    } else if (segment == null && method.equals("POST")) {
      transaction(exchange, endpoint);
    } else if (segment != null && method.equals("GET")) {
      // Reads are open: they are for tests looking at what arrived, not part of the EHR's contract.
      read(exchange, endpoint, segment, id);
    } else if (exchange.getResponseCode() < 0) {
      Exchanges.sendJson(
          exchange,
          405,
          FHIR_JSON,
          Transactions.outcome("error", "not-supported", "Not supported by the local receiver."));
    }
  }

  private void transaction(HttpExchange exchange, ReceiverEndpoint endpoint) throws IOException {
    endpoint.countRequest();
    ReceiverEndpoint.Fault fault = endpoint.fault();
    if (fault.mode() == ReceiverEndpoint.FaultMode.DOWN) {
      return; // closed without an answer: the client sees the connection end
    }
    if (!authorized(exchange, endpoint)) {
      return;
    }
    if (fault.mode() == ReceiverEndpoint.FaultMode.STATUS) {
      Exchanges.sendJson(
          exchange,
          fault.status(),
          FHIR_JSON,
          Transactions.outcome(
              "error", "processing", fault.text() == null ? "Refused." : fault.text()));
      return;
    }
    if (fault.mode() == ReceiverEndpoint.FaultMode.OUTCOME) {
      Exchanges.sendJson(
          exchange, 200, FHIR_JSON, Transactions.outcome("error", "business-rule", fault.text()));
      return;
    }
    JsonNode bundle;
    try {
      bundle = Exchanges.JSON.readTree(Exchanges.readBody(exchange, MAX_BODY_BYTES));
    } catch (IOException e) {
      Exchanges.sendJson(
          exchange,
          400,
          FHIR_JSON,
          Transactions.outcome("error", "structure", "The body is not JSON."));
      return;
    }
    ObjectNode response;
    try {
      response = Transactions.process(endpoint, bundle);
    } catch (Transactions.Refused refused) {
      Exchanges.sendJson(
          exchange,
          refused.status(),
          FHIR_JSON,
          Transactions.outcome("error", "processing", refused.getMessage()));
      return;
    }
    if (fault.mode() == ReceiverEndpoint.FaultMode.SLOW) {
      // Processed, then answered late: what a slow EHR does, so a resend must not duplicate.
      sleep(fault.delay());
    }
    Exchanges.sendJson(exchange, 200, FHIR_JSON, response);
  }

  private boolean authorized(HttpExchange exchange, ReceiverEndpoint endpoint) throws IOException {
    if (!endpoint.protectedByTokens()) {
      return true;
    }
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    String token =
        header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
    if (endpoint.accepts(token)) {
      return true;
    }
    exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    Exchanges.sendJson(
        exchange,
        401,
        FHIR_JSON,
        Transactions.outcome("error", "login", "A valid bearer token is required."));
    return false;
  }

  private void token(HttpExchange exchange, ReceiverEndpoint endpoint) throws IOException {
    Map<String, String> form =
        form(new String(Exchanges.readBody(exchange, 64 * 1024), StandardCharsets.UTF_8));
    String clientId = form.get("client_id");
    String clientSecret = form.get("client_secret");
    String basic = exchange.getRequestHeaders().getFirst("Authorization");
    if (basic != null && basic.startsWith("Basic ")) {
      String pair =
          new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      if (colon > 0) {
        clientId = URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8);
        clientSecret = URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8);
      }
    }
    if (!"client_credentials".equals(form.get("grant_type"))) {
      Exchanges.sendJson(
          exchange, 400, Exchanges.JSON.createObjectNode().put("error", "unsupported_grant_type"));
    } else if (!endpoint.clientMatches(clientId, clientSecret)) {
      Exchanges.sendJson(
          exchange, 401, Exchanges.JSON.createObjectNode().put("error", "invalid_client"));
    } else {
      Exchanges.sendJson(
          exchange,
          200,
          Exchanges.JSON
              .createObjectNode()
              .put("access_token", endpoint.issueToken())
              .put("token_type", "Bearer")
              .put("expires_in", 300));
    }
  }

  private void read(HttpExchange exchange, ReceiverEndpoint endpoint, String type, String id)
      throws IOException {
    if (id != null) {
      Optional<ObjectNode> resource = endpoint.read(type, id);
      if (resource.isPresent()) {
        Exchanges.sendJson(exchange, 200, FHIR_JSON, resource.get());
      } else {
        Exchanges.sendJson(
            exchange,
            404,
            FHIR_JSON,
            Transactions.outcome("error", "not-found", "No such resource."));
      }
      return;
    }
    Map<String, String> query =
        form(Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""));
    List<ObjectNode> found;
    if (query.containsKey("identifier")) {
      String token = query.get("identifier");
      int bar = token.indexOf('|');
      found =
          endpoint.search(
              type,
              bar < 0 ? null : token.substring(0, bar),
              bar < 0 ? token : token.substring(bar + 1));
    } else {
      found = endpoint.all(type);
    }
    ObjectNode bundle =
        Exchanges.JSON
            .createObjectNode()
            .put("resourceType", "Bundle")
            .put("type", "searchset")
            .put("total", found.size());
    ArrayNode entries = bundle.putArray("entry");
    found.forEach(r -> entries.addObject().set("resource", r));
    Exchanges.sendJson(exchange, 200, FHIR_JSON, bundle);
  }

  private void testApi(HttpExchange exchange, ReceiverEndpoint endpoint, String segment)
      throws IOException {
    JsonNode body;
    try {
      byte[] bytes = Exchanges.readBody(exchange, 64 * 1024);
      body = bytes.length == 0 ? Exchanges.JSON.createObjectNode() : Exchanges.JSON.readTree(bytes);
    } catch (IOException e) {
      Exchanges.sendProblem(exchange, 400, "Bad Request", "The body is not JSON.");
      return;
    }
    switch (segment) {
      case "_fault" -> {
        ReceiverEndpoint.FaultMode mode;
        try {
          mode =
              ReceiverEndpoint.FaultMode.valueOf(
                  body.path("mode").asText("NONE").toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
          Exchanges.sendProblem(
              exchange, 400, "Bad Request", "mode is one of none, down, slow, status, outcome.");
          return;
        }
        endpoint.fault(
            new ReceiverEndpoint.Fault(
                mode,
                body.path("status").asInt(400),
                Duration.ofMillis(body.path("delayMs").asLong(5000)),
                body.path("text").asText("Refused.")));
      }
      case "_clients" -> {
        if (body.hasNonNull("token")) {
          endpoint.allowToken(body.get("token").asText());
        } else {
          endpoint.allowClient(body.path("clientId").asText(), body.path("clientSecret").asText());
        }
      }
      case "_reset" -> endpoint.reset();
      default -> {
        Exchanges.sendProblem(exchange, 404, "Not Found", "Test API: _fault, _clients, _reset.");
        return;
      }
    }
    Exchanges.send(exchange, 204, null, new byte[0]);
  }

  private static Map<String, String> form(String text) {
    Map<String, String> values = new HashMap<>();
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
