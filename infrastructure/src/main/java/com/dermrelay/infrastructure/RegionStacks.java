package com.dermrelay.infrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Stack;

/**
 * The stack set of one region. A tenant's configured region (tenant-config, {@code region}) decides
 * which set holds its data: its items, photos and accounts never leave that region's stacks.
 */
public record RegionStacks(StageConfig config, DataStack data, IdentityStack identity, WorkflowStack workflow,
                           ApiStack api, PortalStack portal, Optional<EdgeStack> edge) {

  /** In deployment order. */
  public List<Stack> stacks() {
    List<Stack> stacks = new ArrayList<>(List.of(data, identity, workflow, api, portal));
    edge.ifPresent(stacks::add);
    return List.copyOf(stacks);
  }
}
