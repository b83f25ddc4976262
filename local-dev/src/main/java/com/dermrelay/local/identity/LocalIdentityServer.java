package com.dermrelay.local.identity;

import com.dermrelay.local.http.Exchanges;
import com.dermrelay.local.http.LocalHttpServer;
import com.dermrelay.local.identity.internal.CognitoHandler;
import com.sun.net.httpserver.HttpHandler;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The local Cognito user pool over HTTP: point the AWS SDK's {@code CognitoIdentityProviderClient}
 * (endpointOverride) or the portal's {@code fetch} at {@link #url()}, and a JWT verifier at {@link
 * #jwksUrl()}.
 */
public final class LocalIdentityServer implements AutoCloseable {
  public static final String DEFAULT_HOST = "127.0.0.1";

  private final LocalHttpServer http;
  private final IdentityService identity;

  private LocalIdentityServer(LocalHttpServer http, IdentityService identity) {
    this.http = http;
    this.identity = identity;
  }

  /** Starts on 127.0.0.1:9229. */
  public static LocalIdentityServer start(IdentityConfig config, CodeDelivery delivery) {
    return start(config, DEFAULT_HOST, IdentityConfig.DEFAULT_PORT, delivery);
  }

  /**
   * Binds {@code host:port} (port 0 picks a free one), then opens the pool with the issuer under
   * the configured advertised base URL, or under the bound address when there is none.
   */
  public static LocalIdentityServer start(
      IdentityConfig config, String host, int port, CodeDelivery delivery) {
    // The issuer needs the bound port, which is known only after binding: requests that race the
    // opening of the pool get a 503 instead of a half-built service.
    AtomicReference<HttpHandler> ready = new AtomicReference<>();
    LocalHttpServer http =
        LocalHttpServer.start(
            "identity",
            host,
            port,
            exchange -> {
              HttpHandler handler = ready.get();
              if (handler == null) {
                Exchanges.sendProblem(exchange, 503, "Service Unavailable", "identity is starting");
              } else {
                handler.handle(exchange);
              }
            },
            // A trigger waits inside ConfirmSignUp for its own admin calls to this server.
            LocalHttpServer.Threads.ON_DEMAND);
    try {
      String base = config.advertisedBaseUrl() != null ? config.advertisedBaseUrl() : http.url();
      IdentityService identity = IdentityService.open(config, base, delivery);
      ready.set(new CognitoHandler(identity, config.corsOrigins()));
      return new LocalIdentityServer(http, identity);
    } catch (RuntimeException e) {
      http.close();
      throw e;
    }
  }

  /** The pool behind the server, for seeding users and reading codes. */
  public IdentityService identity() {
    return identity;
  }

  /** The endpoint for SDK clients and the portal, e.g. {@code http://127.0.0.1:9229}. */
  public String url() {
    return http.url();
  }

  public int port() {
    return http.port();
  }

  public String issuer() {
    return identity.issuer();
  }

  public String jwksUrl() {
    return identity.jwksUrl();
  }

  public String clientId() {
    return identity.clientId();
  }

  public String userPoolId() {
    return identity.userPoolId();
  }

  /** Stops answering, keeping every account, until {@link #resume} (fault tests). */
  public void interrupt() {
    http.interrupt();
  }

  /** Answers again on the same port. */
  public void resume() {
    http.resume();
  }

  @Override
  public void close() {
    http.close();
  }
}
