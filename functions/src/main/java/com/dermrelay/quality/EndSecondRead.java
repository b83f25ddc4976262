package com.dermrelay.quality;

import com.dermrelay.core.access.TenantContext;
import javax.inject.Inject;

/**
 * The second-read workflow's ExpireSecondRead and RecordSecondReadFailure steps: a round still
 * waiting leaves the open list as EXPIRED or FAILED; one that ended already stays as it is (a
 * retry). The patient's answer is never affected.
 */
public final class EndSecondRead {
  private final SecondReadStore store;

  @Inject
  public EndSecondRead(SecondReadStore store) {
    this.store = store;
  }

  public void expire(TenantContext tenant, String caseId, int round) {
    end(tenant, caseId, round, SecondRead.EXPIRED);
  }

  public void fail(TenantContext tenant, String caseId, int round) {
    end(tenant, caseId, round, SecondRead.FAILED);
  }

  private void end(TenantContext tenant, String caseId, int round, String status) {
    store
        .find(tenant, caseId, round)
        .filter(stored -> stored.read().waiting())
        .ifPresent(
            stored ->
                store.save(
                    tenant,
                    stored.read().ended(status, tenant.requestTime().toString()),
                    stored.version()));
  }
}
