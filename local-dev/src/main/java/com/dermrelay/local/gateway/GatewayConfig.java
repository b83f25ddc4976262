package com.dermrelay.local.gateway;

import com.dermrelay.local.gateway.contract.ContractCheck;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the local gateway. The JWT settings mirror the Cognito JWT authorizer's: an issuer
 * (e.g. {@code http://127.0.0.1:9229/us-east-1_local}), its JWKS URL (by default Cognito's {@code
 * <issuer>/.well-known/jwks.json}) and the accepted audiences (app client ids).
 */
public final class GatewayConfig {
  public static final int DEFAULT_PORT = 8080;
  public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
  public static final List<String> CORS_ALLOWED_HEADERS =
      List.of("authorization", "content-type", "idempotency-key", "x-requested-with");

  private final String host;
  private final int port;
  private final ServerSocket listener;
  private final String issuer;
  private final URI jwksUrl;
  private final List<String> audiences;
  private final Duration clockSkew;
  private final List<String> allowedOrigins;
  private final Duration corsMaxAge;
  private final int maxBodyBytes;
  private final Path staticDir;
  private final boolean verifyHandlers;
  private final String accountId;
  private final String apiId;
  private final Clock clock;
  private final Clock eventClock;
  private final Map<String, String> securityHeaders;
  private final ContractCheck contractCheck;

  private GatewayConfig(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.listener = b.listener;
    this.issuer = b.issuer;
    this.jwksUrl =
        b.jwksUrl != null || b.issuer == null
            ? b.jwksUrl
            : URI.create(b.issuer.replaceAll("/+$", "") + "/.well-known/jwks.json");
    this.audiences = List.copyOf(b.audiences);
    this.clockSkew = b.clockSkew;
    this.allowedOrigins = List.copyOf(b.allowedOrigins);
    this.corsMaxAge = b.corsMaxAge;
    this.maxBodyBytes = b.maxBodyBytes;
    this.staticDir = b.staticDir;
    this.verifyHandlers = b.verifyHandlers;
    this.accountId = b.accountId;
    this.apiId = b.apiId;
    this.clock = b.clock;
    this.eventClock = b.eventClock == null ? b.clock : b.eventClock;
    this.securityHeaders = Map.copyOf(b.securityHeaders);
    this.contractCheck = b.contractCheck;
    if (issuer != null && audiences.isEmpty()) {
      throw new IllegalArgumentException("a JWT issuer needs at least one audience (client id)");
    }
    if (maxBodyBytes <= 0) {
      throw new IllegalArgumentException("maxBodyBytes must be positive");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  /** A socket already bound for the edge, or null to bind {@link #port()} at start. */
  public ServerSocket listener() {
    return listener;
  }

  /** Null when no JWT authorizer is configured (then no route may require one). */
  public String issuer() {
    return issuer;
  }

  public URI jwksUrl() {
    return jwksUrl;
  }

  public List<String> audiences() {
    return audiences;
  }

  public Duration clockSkew() {
    return clockSkew;
  }

  /** Empty: CORS is not configured, as on an API without a CORS configuration. */
  public List<String> allowedOrigins() {
    return allowedOrigins;
  }

  public Duration corsMaxAge() {
    return corsMaxAge;
  }

  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /** Null when no static files are served. */
  public Path staticDir() {
    return staticDir;
  }

  public boolean verifyHandlers() {
    return verifyHandlers;
  }

  public String accountId() {
    return accountId;
  }

  public String apiId() {
    return apiId;
  }

  public Clock clock() {
    return clock;
  }

  /** The request time handlers see in their events ({@link #clock()} unless set apart). */
  public Clock eventClock() {
    return eventClock;
  }

  /** Set on every response but the local tools'; empty unless configured. */
  public Map<String, String> securityHeaders() {
    return securityHeaders;
  }

  /** Null when exchanges are not checked against the contract. */
  public ContractCheck contractCheck() {
    return contractCheck;
  }

  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = DEFAULT_PORT;
    private ServerSocket listener;
    private String issuer;
    private URI jwksUrl;
    private List<String> audiences = List.of();
    private Duration clockSkew = Duration.ofSeconds(60);
    private List<String> allowedOrigins = List.of();
    private Duration corsMaxAge = Duration.ofMinutes(10);
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private Path staticDir;
    private boolean verifyHandlers = true;
    private String accountId = "000000000000";
    private String apiId = "local";
    private Clock clock = Clock.systemUTC();
    private Clock eventClock;
    private Map<String, String> securityHeaders = Map.of();
    private ContractCheck contractCheck;

    private Builder() {}

    public Builder host(String host) {
      this.host = Objects.requireNonNull(host);
      return this;
    }

    /** 0 picks a free port. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * Listens on a socket bound before the other services started, so none of their free ports (or
     * outgoing connections) can take the port chosen for the gateway in the meantime.
     */
    public Builder listener(ServerSocket listener) {
      this.listener = Objects.requireNonNull(listener);
      this.port = listener.getLocalPort();
      return this;
    }

    public Builder issuer(String issuer) {
      this.issuer = issuer;
      return this;
    }

    public Builder jwksUrl(URI jwksUrl) {
      this.jwksUrl = jwksUrl;
      return this;
    }

    public Builder audiences(List<String> audiences) {
      this.audiences = Objects.requireNonNull(audiences);
      return this;
    }

    public Builder clockSkew(Duration clockSkew) {
      this.clockSkew = Objects.requireNonNull(clockSkew);
      return this;
    }

    /** Exact origins such as {@code http://localhost:5173}, or {@code *}. */
    public Builder allowedOrigins(List<String> allowedOrigins) {
      this.allowedOrigins = Objects.requireNonNull(allowedOrigins);
      return this;
    }

    public Builder corsMaxAge(Duration corsMaxAge) {
      this.corsMaxAge = Objects.requireNonNull(corsMaxAge);
      return this;
    }

    public Builder maxBodyBytes(int maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    public Builder staticDir(Path staticDir) {
      this.staticDir = staticDir;
      return this;
    }

    /** Whether start-up checks that every {@code x-handler} class exists (default true). */
    public Builder verifyHandlers(boolean verifyHandlers) {
      this.verifyHandlers = verifyHandlers;
      return this;
    }

    public Builder accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId);
      return this;
    }

    public Builder apiId(String apiId) {
      this.apiId = Objects.requireNonNull(apiId);
      return this;
    }

    /** The clock for token expiry checks and event times. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * A separate clock for the events' request time: the local stack's functions run on the
     * interpreter's (possibly driven) clock, while tokens expire in real time.
     */
    public Builder eventClock(Clock eventClock) {
      this.eventClock = Objects.requireNonNull(eventClock);
      return this;
    }

    /**
     * The headers production's CloudFront sets on every response, e.g. from {@link
     * SecurityHeaders#local}; they replace any a handler set.
     */
    public Builder securityHeaders(Map<String, String> securityHeaders) {
      this.securityHeaders = Objects.requireNonNull(securityHeaders);
      return this;
    }

    /** Checks every API exchange against the contract (null: no check, the default). */
    public Builder contractCheck(ContractCheck contractCheck) {
      this.contractCheck = contractCheck;
      return this;
    }

    public GatewayConfig build() {
      return new GatewayConfig(this);
    }
  }
}
