package com.dermrelay.local.gateway;

import com.dermrelay.local.functions.InProcessFunctions;
import com.dermrelay.local.gateway.internal.Cors;
import com.dermrelay.local.gateway.internal.EdgeExchange;
import com.dermrelay.local.gateway.internal.HttpApiEvents;
import com.dermrelay.local.gateway.internal.JwtAuthorizer;
import com.dermrelay.local.gateway.internal.RequestTargetGuard;
import com.dermrelay.local.gateway.internal.StaticFiles;
import com.dermrelay.local.http.LocalHttpServer;
import com.sun.net.httpserver.HttpHandler;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The local stand-in for API Gateway HTTP API with a Cognito JWT authorizer, in front of the Lambda
 * handlers run in-process; also serves the portal's static files and the local tools mounted under
 * {@code /_local/}. Like the CloudFront distribution in front of production's API and portal, it
 * sets the security headers on every response, and a request the JDK's server would refuse with an
 * HTML page (a malformed percent-escape) is answered problem+json at the edge ({@link
 * RequestTargetGuard}).
 */
public final class LocalGateway implements AutoCloseable {
  private final RequestTargetGuard edge;
  private final LocalHttpServer server;
  private final GatewayHandler handler;
  private final RouteTable routes;
  private final JwtAuthorizer authorizer;

  private LocalGateway(
      RequestTargetGuard edge,
      LocalHttpServer server,
      GatewayHandler handler,
      RouteTable routes,
      JwtAuthorizer authorizer) {
    this.edge = edge;
    this.server = server;
    this.handler = handler;
    this.routes = routes;
    this.authorizer = authorizer;
  }

  /**
   * Starts the gateway.
   *
   * @throws IllegalStateException if a route needs a JWT but no issuer is configured
   * @throws com.dermrelay.local.functions.HandlerConfigurationException if a handler class is
   *     unusable (unless {@link GatewayConfig#verifyHandlers()} is off)
   */
  public static LocalGateway start(
      GatewayConfig config, RouteTable routes, InProcessFunctions functions) {
    List<Route> guarded = routes.routes().stream().filter(Route::requiresJwt).toList();
    if (!guarded.isEmpty() && config.issuer() == null) {
      throw new IllegalStateException(
          "routes need a JWT (e.g. " + guarded.get(0).routeKey() + ") but no issuer is configured");
    }
    if (config.verifyHandlers()) {
      routes.handlerClasses().forEach(functions::verify);
    }
    JwtAuthorizer authorizer =
        config.issuer() == null
            ? null
            : new JwtAuthorizer(
                config.issuer(),
                config.jwksUrl(),
                config.audiences(),
                config.clockSkew(),
                config.clock());
    GatewayHandler handler =
        new GatewayHandler(
            routes,
            functions,
            authorizer,
            new Cors(
                config.allowedOrigins(), GatewayConfig.CORS_ALLOWED_HEADERS, config.corsMaxAge()),
            config.staticDir() == null ? null : new StaticFiles(config.staticDir()),
            new HttpApiEvents(config.accountId(), config.apiId()),
            config.maxBodyBytes(),
            config.eventClock());
    HttpHandler served =
        config.contractCheck() == null ? handler : config.contractCheck().around(handler, routes);
    // The JDK server listens on a free port behind the edge, which takes the configured one; the
    // edge's address is known once it listens, before any request can come through it.
    AtomicReference<InetSocketAddress> publicAddress = new AtomicReference<>();
    LocalHttpServer server =
        LocalHttpServer.start(
            "gateway",
            config.host(),
            0,
            exchange ->
                served.handle(
                    new EdgeExchange(exchange, config.securityHeaders(), publicAddress.get())));
    InetSocketAddress backend = new InetSocketAddress(server.host(), server.port());
    RequestTargetGuard edge =
        config.listener() != null
            ? RequestTargetGuard.start(config.listener(), backend, config.securityHeaders())
            : RequestTargetGuard.start(
                config.host(), config.port(), backend, config.securityHeaders());
    publicAddress.set(edge.address());
    return new LocalGateway(edge, server, handler, routes, authorizer);
  }

  /**
   * Mounts a local tool, e.g. {@code mount("/_local/outbox", new OutboxViews(outbox))}. May be
   * called while running.
   *
   * @param prefix starts with {@code /_local/}, no trailing slash
   */
  public LocalGateway mount(String prefix, LocalTool tool) {
    handler.mount(prefix, tool);
    return this;
  }

  /**
   * The claims of a bearer token that passes the same checks as the API's routes (signature,
   * issuer, audience, expiry on the gateway's clock), for local tools that act for a signed-in
   * user; empty for a missing or refused token, or when no issuer is configured.
   */
  public Optional<Map<String, String>> verifiedClaims(String authorizationHeader) {
    if (authorizer == null) {
      return Optional.empty();
    }
    return authorizer.authorize(authorizationHeader) instanceof JwtAuthorizer.Authorized ok
        ? Optional.of(ok.claims())
        : Optional.empty();
  }

  public RouteTable routes() {
    return routes;
  }

  public int port() {
    return edge.port();
  }

  /** E.g. {@code http://127.0.0.1:8080}, no trailing slash. */
  public String url() {
    return "http://" + server.host() + ":" + edge.port();
  }

  @Override
  public void close() {
    edge.close();
    server.close();
  }
}
