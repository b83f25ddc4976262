package com.dermrelay.core.data;

import java.util.Objects;

/**
 * Where an item lives inside the acting tenant's key space: a partition relative to {@code
 * TENANT#<tenantId>} ("" for the tenant's own partition, e.g. {@code AUDIT} for {@code
 * TENANT#<tenantId>#AUDIT}) and a sort key. The tenant prefix is added by {@link TenantTable} from
 * the tenant context, never taken from here.
 */
public record ItemKey(String partition, String sort) {
  public ItemKey {
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(sort, "sort");
    if (sort.isEmpty()) {
      throw new IllegalArgumentException("empty sort key");
    }
  }

  /** An item of the tenant's own partition {@code TENANT#<tenantId>}. */
  public static ItemKey inTenant(String sort) {
    return new ItemKey("", sort);
  }

  public static ItemKey of(String partition, String sort) {
    return new ItemKey(partition, sort);
  }
}
