package com.dermrelay.core.data;

import com.dermrelay.core.access.TenantContext;
import java.util.Map;
import java.util.OptionalLong;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * A clinic's API token bucket, one item {@code TENANT#<id>#LIMITS} / {@code REQUESTS}, kept as the
 * generic cell rate algorithm keeps it: one number, the theoretical arrival time {@code tat} (epoch
 * microseconds) of the next request if requests came exactly at the plan's rate. A request at
 * {@code now} is allowed when {@code tat <= now + tolerance} ({@code tolerance = (burst - 1) x
 * interval}), and then moves {@code tat} to {@code max(tat, now) + interval}.
 *
 * <p>DynamoDB cannot compute {@code max} in an update, so there are two conditional updates, and a
 * request needs one of them: {@link Path#BUSY} ({@code tat} in {@code [now, now + tolerance]}:
 * {@code tat += interval}) while the clinic is busy, {@link Path#IDLE} ({@code tat} absent or past:
 * {@code tat = now + interval}) after a quiet spell. The caller says which to try first (what it
 * last saw); the other is tried only when the first's condition fails. A request refused by both
 * reads {@code tat} once, so the caller can say when to retry. Writes on the clinic's own session,
 * like every tenant item (TenantCredentials).
 */
@Singleton
public final class RequestBuckets {
  static final String PARTITION = "LIMITS";
  static final String SORT = "REQUESTS";
  private static final String TAT = "tat";

  private final SingleTable table;

  @Inject
  public RequestBuckets(SingleTable table) {
    this.table = table;
  }

  /** Which update a request tries first. */
  public enum Path {
    BUSY,
    IDLE
  }

  /**
   * The outcome: allowed with the bucket's new {@code tat}, or refused with the {@code tat} read.
   */
  public record Outcome(boolean allowed, long tat) {}

  /**
   * Takes one request from the bucket at {@code nowMicros}.
   *
   * @param first the update to try first; the other follows only if its condition fails
   */
  public Outcome take(
      TenantContext tenant, long nowMicros, long intervalMicros, long toleranceMicros, Path first) {
    Path second = first == Path.BUSY ? Path.IDLE : Path.BUSY;
    for (Path path : new Path[] {first, second}) {
      OptionalLong tat = update(tenant, path, nowMicros, intervalMicros, toleranceMicros);
      if (tat.isPresent()) {
        return new Outcome(true, tat.getAsLong());
      }
    }
    return new Outcome(false, read(tenant).orElse(nowMicros + toleranceMicros + intervalMicros));
  }

  private OptionalLong update(
      TenantContext tenant, Path path, long now, long interval, long tolerance) {
    Map<String, AttributeValue> values =
        path == Path.BUSY
            ? Map.of(
                ":now",
                number(now),
                ":ceiling",
                number(now + tolerance),
                ":interval",
                number(interval))
            : Map.of(":now", number(now), ":next", number(now + interval));
    String update = path == Path.BUSY ? "SET #tat = #tat + :interval" : "SET #tat = :next";
    String condition =
        path == Path.BUSY
            ? "#tat >= :now AND #tat <= :ceiling"
            : "attribute_not_exists(#tat) OR #tat < :now";
    try {
      Map<String, AttributeValue> updated =
          table
              .client()
              .updateItem(
                  r ->
                      r.tableName(table.tableName())
                          .overrideConfiguration(table.credentials().requestOverride(tenant))
                          .key(key(tenant))
                          .updateExpression(update)
                          .conditionExpression(condition)
                          .expressionAttributeNames(Map.of("#tat", TAT))
                          .expressionAttributeValues(values)
                          .returnValues(ReturnValue.UPDATED_NEW))
              .attributes();
      return OptionalLong.of(Long.parseLong(updated.get(TAT).n()));
    } catch (ConditionalCheckFailedException e) {
      return OptionalLong.empty();
    }
  }

  private OptionalLong read(TenantContext tenant) {
    AttributeValue tat =
        table
            .client()
            .getItem(
                r ->
                    r.tableName(table.tableName())
                        .overrideConfiguration(table.credentials().requestOverride(tenant))
                        .key(key(tenant))
                        .consistentRead(true)
                        .projectionExpression("#tat")
                        .expressionAttributeNames(Map.of("#tat", TAT)))
            .item()
            .get(TAT);
    return tat == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(tat.n()));
  }

  private static Map<String, AttributeValue> key(TenantContext tenant) {
    return Map.of(
        TableItem.PK,
        AttributeValue.fromS(TenantTable.partitionKey(tenant, PARTITION)),
        TableItem.SK,
        AttributeValue.fromS(SORT));
  }

  private static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
