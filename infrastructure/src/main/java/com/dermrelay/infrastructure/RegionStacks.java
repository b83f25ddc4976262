package com.dermrelay.infrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Stack;

/**
 * The stack set of one region. A tenant's configured region (tenant-config, {@code region}) decides
 * which set holds its data: its items, photos and accounts never leave that region's stacks.
 *
 * @param workflows the workflow stacks, the first ({@code -workflow}, with the alarm topic) first
 * @param operations the API's capability stacks ({@code -api-<capability>}), in capability order
 */
public record RegionStacks(
    StageConfig config,
    DataStack data,
    IdentityStack identity,
    List<WorkflowStack> workflows,
    ApiStack api,
    List<ApiFunctionsStack> operations,
    PortalStack portal,
    Optional<EdgeStack> edge) {

  public RegionStacks {
    workflows = List.copyOf(workflows);
    operations = List.copyOf(operations);
    if (workflows.isEmpty()) {
      throw new IllegalArgumentException("A region has at least the first workflow stack");
    }
  }

  /**
   * The first workflow stack, {@code -workflow}: the case and EHR delivery workflows and the alarm
   * topic.
   */
  public WorkflowStack workflow() {
    return workflows.get(0);
  }

  /** The stack of one capability's operations. */
  public ApiFunctionsStack operationsOf(String capability) {
    return operations.stream()
        .filter(stack -> stack.capability().equals(capability))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("No operations of the capability " + capability));
  }

  /** In deployment order. */
  public List<Stack> stacks() {
    List<Stack> stacks = new ArrayList<>(List.of(data, identity));
    stacks.addAll(workflows);
    stacks.add(api);
    stacks.addAll(operations);
    stacks.add(portal);
    edge.ifPresent(stacks::add);
    return List.copyOf(stacks);
  }
}
