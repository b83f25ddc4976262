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
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;

/**
 * The credentials the data layer uses for one tenant. In AWS the function's environment names the
 * tenant data role ({@code DERMRELAY_TENANT_ROLE_ARN}, infrastructure's TenantDataAccess): each
 * tenant gets a session of that role tagged {@code tenantId=<id>}, whose policy reaches only that
 * tenant's keys ({@code dynamodb:LeadingKeys}) and objects (its prefix). Sessions are cached per
 * tenant and renewed {@link #RENEW_BEFORE} before they expire, so a warm container asks STS about
 * once an hour per tenant. Without the variable (the local stack, a function whose role may not
 * assume it) the function's own credentials are used, as before.
 *
 * <p>The same sessions sign the tenant's S3 calls and pre-signed URLs ({@link #requestOverride},
 * {@link #presignOverride}), so a URL handed to a browser or an EHR reaches only the tenant's
 * prefix. A pre-signed URL stops working when the session that signed it expires, so a link is
 * signed by a session with at least its lifetime left (up to {@link #LONGEST_LINK_GUARANTEE}).
 */
public final class TenantCredentials {
  public static final String ROLE_ARN_ENV = "DERMRELAY_TENANT_ROLE_ARN";

  /** The session tag the role's policy and trust read (TenantScopedAccessPolicy.TENANT_TAG). */
  public static final String TENANT_TAG = "tenantId";

  static final Duration SESSION = Duration.ofHours(1);
  static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

  /**
   * The longest remaining validity a link may ask of a session: longer links (FHIR media, up to 7
   * days) get a session with at least this much left, and work that long at the least. Half the
   * session, so such links cost at most two sessions an hour per tenant.
   */
  public static final Duration LONGEST_LINK_GUARANTEE = SESSION.dividedBy(2);

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

  /**
   * The override every DynamoDB and S3 request acting for {@code tenant} carries: the tenant's
   * session in AWS, nothing (the client's own credentials) locally.
   */
  public AwsRequestOverrideConfiguration requestOverride(TenantContext tenant) {
    return override(forTenantId(tenant.tenantId(), RENEW_BEFORE));
  }

  /**
   * The override of a pre-signing for {@code tenant}: signed by a session that is still valid when
   * a link of {@code linkLifetime} expires (see {@link #LONGEST_LINK_GUARANTEE} for longer ones).
   */
  public AwsRequestOverrideConfiguration presignOverride(
      TenantContext tenant, Duration linkLifetime) {
    Duration needed =
        linkLifetime.compareTo(LONGEST_LINK_GUARANTEE) > 0 ? LONGEST_LINK_GUARANTEE : linkLifetime;
    return override(
        forTenantId(tenant.tenantId(), needed.compareTo(RENEW_BEFORE) > 0 ? needed : RENEW_BEFORE));
  }

  private static AwsRequestOverrideConfiguration override(
      Optional<AwsCredentialsProvider> session) {
    AwsRequestOverrideConfiguration.Builder override = AwsRequestOverrideConfiguration.builder();
    session.ifPresent(override::credentialsProvider);
    return override.build();
  }

  /** Only from a verified tenant context; package-private for the cache test. */
  Optional<AwsCredentialsProvider> forTenantId(String tenantId) {
    return forTenantId(tenantId, RENEW_BEFORE);
  }

  private Optional<AwsCredentialsProvider> forTenantId(String tenantId, Duration stillValidFor) {
    if (roleArn.isEmpty()) {
      return Optional.empty();
    }
    // compute: one STS call per tenant at a time, however many threads ask. A renewed session
    // replaces the cached one for every later call, so renewals do not pile up.
    StsAssumeRole.Session session =
        sessions.compute(
            tenantId,
            (id, cached) ->
                cached != null && clock.instant().isBefore(cached.expiration().minus(stillValidFor))
                    ? cached
                    : sts.assumeRole(request(roleArn.get(), id)));
    return Optional.of(StaticCredentialsProvider.create(session.credentials()));
  }

  static StsAssumeRole.Request request(String roleArn, String tenantId) {
    // Session names show in CloudTrail: which tenant a call acted for, at a glance.
    String name = ("dermrelay-" + tenantId).replaceAll("[^\\w+=,.@-]", "-");
    return new StsAssumeRole.Request(
        roleArn,
        name.length() > 64 ? name.substring(0, 64) : name,
        Map.of(TENANT_TAG, tenantId),
        Optional.empty(),
        SESSION);
  }

  /** For the cache test: when the cached session of a tenant expires, if there is one. */
  Optional<Instant> cachedUntil(String tenantId) {
    return Optional.ofNullable(sessions.get(tenantId)).map(StsAssumeRole.Session::expiration);
  }
}
