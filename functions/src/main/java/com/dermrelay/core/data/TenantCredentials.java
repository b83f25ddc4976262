package com.dermrelay.core.data;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.aws.StsAssumeRole;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The credentials the data layer uses for one tenant. In AWS the function's environment names the
 * tenant data role ({@code DERMRELAY_TENANT_ROLE_ARN}, infrastructure's TenantDataAccess): each
 * tenant gets a session of that role tagged {@code tenantId=<id>}, whose policy reaches only that
 * tenant's keys ({@code dynamodb:LeadingKeys}) and objects (its prefix). Sessions are cached per
 * tenant and renewed {@link #RENEW_BEFORE} before they expire, so a warm container asks STS about
 * once an hour per tenant. Without the variable (the local stack, a function whose role may not
 * assume it) the function's own credentials are used, as before.
 */
public final class TenantCredentials {
  public static final String ROLE_ARN_ENV = "DERMRELAY_TENANT_ROLE_ARN";
  /** The session tag the role's policy and trust read (TenantScopedAccessPolicy.TENANT_TAG). */
  public static final String TENANT_TAG = "tenantId";
  static final Duration SESSION = Duration.ofHours(1);
  static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

  private final Optional<String> roleArn;
  private final StsAssumeRole sts;
  private final Clock clock;
  private final Map<String, StsAssumeRole.Session> sessions = new ConcurrentHashMap<>();

  public TenantCredentials(Optional<String> roleArn, StsAssumeRole sts, Clock clock) {
    this.roleArn = roleArn.filter(arn -> !arn.isBlank());
    this.sts = sts;
    this.clock = clock;
  }

  /** The function's own credentials for every tenant: the local stack, and tools reading it. */
  public static TenantCredentials functionsOwn() {
    return new TenantCredentials(Optional.empty(), null, Clock.systemUTC());
  }

  /** Whether calls run on tenant sessions (true in AWS for functions granted the role). */
  public boolean scoped() {
    return roleArn.isPresent();
  }

  /** The tenant's session credentials; empty means "the function's own". */
  public Optional<AwsCredentialsProvider> forTenant(TenantContext tenant) {
    return forTenantId(tenant.tenantId());
  }

  /** Only from a verified tenant context; package-private for the cache test. */
  Optional<AwsCredentialsProvider> forTenantId(String tenantId) {
    if (roleArn.isEmpty()) {
      return Optional.empty();
    }
    // compute: one STS call per tenant at a time, however many threads ask.
    StsAssumeRole.Session session = sessions.compute(tenantId, (id, cached) ->
        cached != null && clock.instant().isBefore(cached.expiration().minus(RENEW_BEFORE))
            ? cached
            : sts.assumeRole(request(roleArn.get(), id)));
    return Optional.of(StaticCredentialsProvider.create(session.credentials()));
  }

  static StsAssumeRole.Request request(String roleArn, String tenantId) {
    // Session names show in CloudTrail: which tenant a call acted for, at a glance.
    String name = ("dermrelay-" + tenantId).replaceAll("[^\\w+=,.@-]", "-");
    return new StsAssumeRole.Request(roleArn, name.length() > 64 ? name.substring(0, 64) : name,
        Map.of(TENANT_TAG, tenantId), Optional.empty(), SESSION);
  }

  /** For the cache test: when the cached session of a tenant expires, if there is one. */
  Optional<Instant> cachedUntil(String tenantId) {
    return Optional.ofNullable(sessions.get(tenantId)).map(StsAssumeRole.Session::expiration);
  }
}
