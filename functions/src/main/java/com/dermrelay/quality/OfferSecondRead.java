package com.dermrelay.quality;

import com.dermrelay.core.access.TenantContext;
import javax.inject.Inject;

/**
 * The second-read workflow's OfferSecondRead step (a callback): the round goes on the clinic's open
 * second-read list with the wait's task token, for any active dermatologist of the clinic but the
 * first reader. A retry stores the newer token.
 */
public final class OfferSecondRead {
  private final SecondReadStore store;

  @Inject
  public OfferSecondRead(SecondReadStore store) {
    this.store = store;
  }

  public void run(TenantContext tenant, String caseId, int round, String taskToken) {
    SecondReadStore.Stored stored =
        store
            .find(tenant, caseId, round)
            .orElseThrow(() -> new IllegalStateException("no second read for the round"));
    if (!stored.read().waiting()) {
      throw new IllegalStateException("the second read is not waiting to be offered");
    }
    store.save(
        tenant,
        stored.read().offered(taskToken, tenant.requestTime().toString()),
        stored.version());
  }
}
