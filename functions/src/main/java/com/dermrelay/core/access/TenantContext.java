package com.dermrelay.core.access;

import com.dermrelay.core.auth.Role;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who acts for which clinic in one request: the acting tenant, the caller's subject, the role they
 * act in, the request id and time. The data layer takes nothing else to build keys and paths, so
 * only the access layer creates one: {@link AccessControl} from a verified token and the tenant's
 * rules, {@link InternalAccess} for the platform's own steps (workflow tasks, sign-up).
 */
public final class TenantContext {
  /** As tenant.schema.json's tenantId: no '#' or '/', so a key or path cannot escape its prefix. */
  public static final Pattern TENANT_ID = Pattern.compile("^[a-z][a-z0-9-]{2,39}$");

  /** The actor of a platform step that no person started directly. */
  public static final String SYSTEM_ROLE = "system";

  private final String tenantId;
  private final String subject;
  private final Role role;
  private final String actorName;
  private final String requestId;
  private final Instant requestTime;
  private final int retentionYears;

  TenantContext(
      String tenantId,
      String subject,
      Role role,
      String actorName,
      String requestId,
      Instant requestTime,
      int retentionYears) {
    if (tenantId == null || !TENANT_ID.matcher(tenantId).matches()) {
      throw new IllegalArgumentException("not a tenant id");
    }
    this.tenantId = tenantId;
    this.subject = Objects.requireNonNull(subject, "subject");
    this.role = role;
    this.actorName = actorName == null ? "" : actorName;
    this.requestId = requestId == null ? "unknown" : requestId;
    this.requestTime = Objects.requireNonNull(requestTime, "requestTime");
    // Medical records and their audit trail are kept at least six years, whatever a config says.
    this.retentionYears = Math.max(6, retentionYears);
  }

  public String tenantId() {
    return tenantId;
  }

  /** The caller's Cognito subject, or {@code system:<step>} for a platform step. */
  public String subject() {
    return subject;
  }

  /** The role the caller acts in; empty for a platform step. */
  public Optional<Role> role() {
    return Optional.ofNullable(role);
  }

  /** The role's group name, or {@value #SYSTEM_ROLE}. */
  public String roleName() {
    return role == null ? SYSTEM_ROLE : role.group();
  }

  public boolean actsAs(Role candidate) {
    return role == candidate;
  }

  /** A name a patient may see in their access log (the token's name claim), never an id. */
  public String actorName() {
    return actorName;
  }

  public String requestId() {
    return requestId;
  }

  /** When the request arrived; stable across retries of the same request. */
  public Instant requestTime() {
    return requestTime;
  }

  /** The tenant's retention period for records and audit, at least six years. */
  public int retentionYears() {
    return retentionYears;
  }

  @Override
  public String toString() {
    return "TenantContext[tenant="
        + tenantId
        + ", role="
        + roleName()
        + ", request="
        + requestId
        + "]";
  }
}
