package com.dermrelay.core.access;

import com.dermrelay.core.auth.Role;
import java.time.Instant;

/** Tenant contexts for unit tests of use cases that take one (only core.access makes them). */
public final class TestTenantContexts {
  private TestTenantContexts() {}

  public static TenantContext patient(String tenantId, String subject) {
    return new TenantContext(
        tenantId, subject, Role.PATIENT, "Test Patient", "test-request", Instant.now(), 6);
  }
}
