package com.dermrelay.local.gateway;

import com.dermrelay.local.functions.InProcessFunctions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** The test OpenAPI fixture and a client for a running gateway. */
final class GatewayFixture {
  static final Instant NOW = Instant.parse("2026-03-14T10:15:30Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String ALLOWED_ORIGIN = "http://localhost:5173";

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private GatewayFixture() {}

  static RouteTable routes() {
    try (InputStream in = GatewayFixture.class.getResourceAsStream("/gateway/test-openapi.yaml")) {
      return OpenApiRoutes.fromYaml(in, "test-openapi.yaml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static GatewayConfig.Builder config(TestIssuer issuer) {
    return GatewayConfig.builder()
        .port(0)
        .issuer(TestIssuer.ISSUER)
        .jwksUrl(issuer.jwksUrl())
        .audiences(java.util.List.of(TestIssuer.CLIENT_ID))
        .allowedOrigins(java.util.List.of(ALLOWED_ORIGIN))
        .clock(CLOCK);
  }

  static LocalGateway start(GatewayConfig config) {
    return LocalGateway.start(config, routes(), new InProcessFunctions(Map.of()));
  }

  static HttpResponse<byte[]> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpRequest.Builder get(LocalGateway gateway, String path) {
    return HttpRequest.newBuilder(URI.create(gateway.url() + path)).GET();
  }

  static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
  }
}
