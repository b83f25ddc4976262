package com.dermrelay.infrastructure;

import java.util.List;
import software.amazon.awscdk.Stack;

/**
 * The stack set of one region. A tenant's configured region (tenant-config, {@code region}) decides
 * which set holds its data: its items, photos and accounts never leave that region's stacks.
 */
public record RegionStacks(StageConfig config, DataStack data, IdentityStack identity, ApiStack api,
                           PortalStack portal) {

  public List<Stack> stacks() {
    return List.of(data, identity, api, portal);
  }
}
