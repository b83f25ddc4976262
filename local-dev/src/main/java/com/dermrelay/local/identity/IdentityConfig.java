package com.dermrelay.local.identity;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Settings of the local user pool. Build with {@link #builder()}; every setting has a local
 * default, so {@code IdentityConfig.builder().build()} is a working in-memory pool.
 */
public final class IdentityConfig {
  public static final String DEFAULT_REGION = "us-east-1";
  public static final String DEFAULT_USER_POOL_ID = "us-east-1_DermRelayLocal";
  public static final String DEFAULT_CLIENT_ID = "dermrelay-portal-local";
  public static final int DEFAULT_PORT = 9229;

  private static final Pattern POOL_ID = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");

  private final String region;
  private final String userPoolId;
  private final String clientId;
  private final Duration tokenLifetime;
  private final Duration refreshTokenLifetime;
  private final Duration codeLifetime;
  private final Path dataDir;
  private final Set<String> corsOrigins;
  private final String advertisedBaseUrl;
  private final Set<String> groups;
  private final Clock clock;
  private final int minPasswordLength;
  private final UserPoolTrigger preSignUpTrigger;
  private final UserPoolTrigger postConfirmationTrigger;
  private final Set<String> clientWriteAttributes;

  private IdentityConfig(Builder b) {
    this.region = b.region;
    this.userPoolId = b.userPoolId;
    this.clientId = b.clientId;
    this.tokenLifetime = b.tokenLifetime;
    this.refreshTokenLifetime = b.refreshTokenLifetime;
    this.codeLifetime = b.codeLifetime;
    this.dataDir = b.dataDir;
    this.corsOrigins = Set.copyOf(b.corsOrigins);
    this.advertisedBaseUrl = b.advertisedBaseUrl;
    this.groups = Set.copyOf(b.groups);
    this.clock = b.clock;
    this.minPasswordLength = b.minPasswordLength;
    this.preSignUpTrigger = b.preSignUpTrigger;
    this.postConfirmationTrigger = b.postConfirmationTrigger;
    this.clientWriteAttributes =
        b.clientWriteAttributes == null ? null : Set.copyOf(b.clientWriteAttributes);
  }

  public static Builder builder() {
    return new Builder();
  }

  public String region() {
    return region;
  }

  public String userPoolId() {
    return userPoolId;
  }

  public String clientId() {
    return clientId;
  }

  /** Lifetime of ID and access tokens (Cognito's default: one hour). */
  public Duration tokenLifetime() {
    return tokenLifetime;
  }

  public Duration refreshTokenLifetime() {
    return refreshTokenLifetime;
  }

  /** How long a sign-up confirmation code stays valid (Cognito: 24 hours). */
  public Duration codeLifetime() {
    return codeLifetime;
  }

  /** Where users, groups, refresh tokens and the signing key are kept; null keeps all in memory. */
  public Path dataDir() {
    return dataDir;
  }

  /** Origins a browser may call from; empty answers {@code *} (fine on loopback). */
  public Set<String> corsOrigins() {
    return corsOrigins;
  }

  /**
   * The base URL put in the issuer (e.g. {@code http://localhost:9229}); null means the address the
   * server is bound to.
   */
  public String advertisedBaseUrl() {
    return advertisedBaseUrl;
  }

  /** Groups that exist from the start (AdminAddUserToGroup refuses unknown groups). */
  public Set<String> groups() {
    return groups;
  }

  public Clock clock() {
    return clock;
  }

  /** Cognito's default is 8; the production pool (infrastructure's PortalUserPool) asks 12. */
  public int minPasswordLength() {
    return minPasswordLength;
  }

  /** The pool's pre-sign-up Lambda trigger; null when the pool has none. */
  public UserPoolTrigger preSignUpTrigger() {
    return preSignUpTrigger;
  }

  /** The pool's post-confirmation Lambda trigger; null when the pool has none. */
  public UserPoolTrigger postConfirmationTrigger() {
    return postConfirmationTrigger;
  }

  /**
   * The attributes the app client may write (SignUp's UserAttributes); null lets it write every
   * attribute of the schema. Cognito refuses any other before a trigger runs.
   */
  public Set<String> clientWriteAttributes() {
    return clientWriteAttributes;
  }

  public static final class Builder {
    private String region = DEFAULT_REGION;
    private String userPoolId = DEFAULT_USER_POOL_ID;
    private String clientId = DEFAULT_CLIENT_ID;
    private Duration tokenLifetime = Duration.ofHours(1);
    private Duration refreshTokenLifetime = Duration.ofDays(30);
    private Duration codeLifetime = Duration.ofHours(24);
    private Path dataDir;
    private final Set<String> corsOrigins = new LinkedHashSet<>();
    private String advertisedBaseUrl;
    private final Set<String> groups = new LinkedHashSet<>();
    private Clock clock = Clock.systemUTC();
    private int minPasswordLength = 8;
    private UserPoolTrigger preSignUpTrigger;
    private UserPoolTrigger postConfirmationTrigger;
    private Set<String> clientWriteAttributes;

    private Builder() {}

    /** Runs after ConfirmSignUp and AdminConfirmSignUp confirm an account, as Cognito's does. */
    public Builder postConfirmationTrigger(UserPoolTrigger trigger) {
      this.postConfirmationTrigger = trigger;
      return this;
    }

    /** The app client's write attributes, e.g. {@code Set.of("email")} as in the AWS pool. */
    public Builder clientWriteAttributes(Set<String> attributes) {
      this.clientWriteAttributes = attributes == null ? null : new LinkedHashSet<>(attributes);
      return this;
    }

    /** Runs before SignUp and AdminCreateUser create an account, as Cognito's trigger does. */
    public Builder preSignUpTrigger(UserPoolTrigger trigger) {
      this.preSignUpTrigger = trigger;
      return this;
    }

    public Builder region(String region) {
      this.region = requireText(region, "region");
      return this;
    }

    public Builder userPoolId(String userPoolId) {
      requireText(userPoolId, "userPoolId");
      if (!POOL_ID.matcher(userPoolId).matches()) {
        throw new IllegalArgumentException(
            "userPoolId must look like <region>_<id>, e.g. us-east-1_DermRelayLocal: "
                + userPoolId);
      }
      this.userPoolId = userPoolId;
      return this;
    }

    public Builder clientId(String clientId) {
      this.clientId = requireText(clientId, "clientId");
      return this;
    }

    public Builder tokenLifetime(Duration lifetime) {
      this.tokenLifetime = requirePositive(lifetime, "tokenLifetime");
      return this;
    }

    public Builder refreshTokenLifetime(Duration lifetime) {
      this.refreshTokenLifetime = requirePositive(lifetime, "refreshTokenLifetime");
      return this;
    }

    public Builder codeLifetime(Duration lifetime) {
      this.codeLifetime = requirePositive(lifetime, "codeLifetime");
      return this;
    }

    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    public Builder corsOrigins(Set<String> origins) {
      this.corsOrigins.clear();
      for (String origin : origins) {
        this.corsOrigins.add(stripTrailingSlash(requireText(origin, "CORS origin")));
      }
      return this;
    }

    public Builder advertisedBaseUrl(String baseUrl) {
      if (baseUrl != null && !baseUrl.matches("https?://[^/\\s]+/?")) {
        throw new IllegalArgumentException(
            "advertisedBaseUrl must be scheme://host[:port] without a path: " + baseUrl);
      }
      this.advertisedBaseUrl = baseUrl == null ? null : stripTrailingSlash(baseUrl);
      return this;
    }

    public Builder groups(Set<String> groups) {
      this.groups.clear();
      for (String group : groups) {
        this.groups.add(requireText(group, "group name"));
      }
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder minPasswordLength(int length) {
      if (length < 6 || length > 99) {
        throw new IllegalArgumentException(
            "Cognito allows a minimum password length of 6 to 99: " + length);
      }
      this.minPasswordLength = length;
      return this;
    }

    public IdentityConfig build() {
      return new IdentityConfig(this);
    }

    private static String requireText(String value, String name) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value.trim();
    }

    private static Duration requirePositive(Duration value, String name) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }

    private static String stripTrailingSlash(String url) {
      return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
  }
}
