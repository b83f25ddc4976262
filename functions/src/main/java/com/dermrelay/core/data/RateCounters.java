package com.dermrelay.core.data;

import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Fixed-window counters that belong to no tenant: the public sign-up's rate limits, counted before
 * any clinic or account exists. Only {@code RATE#} partitions, never a tenant's; each count is one
 * atomic UpdateItem ({@code ADD}, which the Enhanced Client does not offer for a caller's amount),
 * on the function's own role.
 */
@Singleton
public final class RateCounters {
  static final String PARTITION_PREFIX = "RATE#";

  private final SingleTable table;

  @Inject
  public RateCounters(SingleTable table) {
    this.table = table;
  }

  /**
   * Adds one to the counter {@code partition} / {@code window}, creating it with {@code expiresAt}
   * (epoch seconds) when it is new, and returns the count now.
   */
  public long increment(String partition, String window, long expiresAt) {
    if (!partition.startsWith(PARTITION_PREFIX)) {
      throw new TenantIsolationException("a counter outside the RATE# partitions");
    }
    Map<String, AttributeValue> updated =
        table
            .client()
            .updateItem(
                r ->
                    r.tableName(table.tableName())
                        .key(
                            Map.of(
                                TableItem.PK,
                                AttributeValue.fromS(partition),
                                TableItem.SK,
                                AttributeValue.fromS(window)))
                        .updateExpression("ADD #count :one SET #exp = if_not_exists(#exp, :exp)")
                        .expressionAttributeNames(
                            Map.of("#count", "count", "#exp", ExpiredItemsExtension.EXPIRES_AT))
                        .expressionAttributeValues(
                            Map.of(
                                ":one",
                                AttributeValue.fromN("1"),
                                ":exp",
                                AttributeValue.fromN(Long.toString(expiresAt))))
                        .returnValues(ReturnValue.UPDATED_NEW))
            .attributes();
    return Long.parseLong(updated.get("count").n());
  }
}
