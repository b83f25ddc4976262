package com.dermrelay.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dermrelay.core.access.OpenApiContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every route under /clinics/{tenantId} can answer the 429 of repeated refusals (the access layer
 * answers it before any handler runs), so the contract must declare it on each, a new one too.
 */
class RepeatedDenialsContractTest {
  @Test
  void everyTenantScopedOperationDeclaresThe429() {
    List<String> missing =
        OpenApiContract.operations().stream()
            .filter(OpenApiContract.Operation::tenantScoped)
            .filter(
                op ->
                    !op.node()
                        .path("responses")
                        .path("429")
                        .path("$ref")
                        .asText()
                        .equals("#/components/responses/TooManyRequests"))
            .map(OpenApiContract.Operation::routeKey)
            .toList();
    assertEquals(List.of(), missing);
  }
}
