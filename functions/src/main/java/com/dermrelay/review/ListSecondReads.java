package com.dermrelay.review;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.quality.SecondReads;
import java.util.List;
import javax.inject.Inject;

/**
 * listSecondReads: the clinic's answered rounds waiting for a second read, oldest offered first,
 * for a dermatologist of the clinic; never the rounds they answered themselves. Ids and times only:
 * the list says nothing of the first answer.
 */
public final class ListSecondReads {
  static final int LIMIT = 50;

  private final SecondReads secondReads;

  @Inject
  public ListSecondReads(SecondReads secondReads) {
    this.secondReads = secondReads;
  }

  /** One waiting round. */
  public record Item(String caseId, int round, String offeredAt) {}

  public record SecondReadList(List<Item> items) {}

  public SecondReadList run(TenantContext tenant) {
    return new SecondReadList(
        secondReads.openFor(tenant, LIMIT).stream()
            .map(r -> new Item(r.caseId(), r.round(), r.offeredAt()))
            .toList());
  }
}
