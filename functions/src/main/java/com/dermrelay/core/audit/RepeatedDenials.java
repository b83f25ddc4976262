package com.dermrelay.core.audit;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.IndexKey;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.StoredItem;
import com.dermrelay.core.data.TenantTable;
import com.dermrelay.core.data.VersionConflictException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refused attempts at a clinic by callers who do not belong to it, in that clinic's trail as one
 * record per caller, action, resource and {@link #WINDOW}: who, what, the first attempt's time and
 * request, how many attempts ({@value #ATTEMPTS}) and when the last one was ({@value #LAST_TIME}).
 * One record per refusal let anyone with an account write without limit into any clinic's trail;
 * the evidence is the same, the trail grows by at most one record per route a caller tries in a
 * window. The count is also the caller's rate limit: past {@link #LIMIT} in a window the access
 * layer answers 429 until the window ends (docs/security.md gives the numbers and why).
 *
 * <p>The key is deterministic ({@code <window start>#repeated#<caller>#<action>#<resource>}), and
 * the count grows by reading the record and writing it back only if its version is unchanged: IAM
 * refuses UpdateItem on audit partitions (infrastructure's AuditAppendOnly), and only the count,
 * the last time and the last request change. A retry of the same request is not counted twice.
 * Should writers keep colliding, the attempt is recorded on its own as any refusal was, so no
 * attempt goes unrecorded.
 */
@Singleton
public final class RepeatedDenials {
  private static final Logger LOG = LoggerFactory.getLogger(RepeatedDenials.class);

  /** Fixed windows from the epoch, as Cognito resets its lockout after 15 quiet minutes. */
  public static final Duration WINDOW = Duration.ofMinutes(15);

  /** Refused attempts at one route of one clinic a caller makes in a window before 429s. */
  public static final int LIMIT = 20;

  static final String ATTEMPTS = "attempts";
  public static final String LAST_TIME = "lastTime";
  private static final int MAX_WRITES = 5;

  private final TenantTable<AuditItem> records;
  private final AuditTrail audit;

  @Inject
  public RepeatedDenials(SingleTable table, AuditTrail audit) {
    this.records = table.tenantTable(AuditItem.SCHEMA);
    this.audit = audit;
  }

  /** The attempts of one caller at one resource in the current window, this one included. */
  public record Count(long attempts, Instant windowEnds) {
    public boolean overLimit() {
      return attempts > LIMIT;
    }

    /** Whole seconds until the window ends, at least one. */
    public long retryAfterSeconds(Instant now) {
      return Math.max(1, Duration.between(now, windowEnds).toSeconds());
    }
  }

  /** Records one refused attempt by {@code attempt}'s caller, in its clinic's trail. */
  public Count record(TenantContext attempt, String action, AuditResource resource) {
    Instant time = attempt.requestTime();
    long window = WINDOW.getSeconds();
    Instant start = Instant.ofEpochSecond(Math.floorDiv(time.getEpochSecond(), window) * window);
    Instant ends = start.plus(WINDOW);
    String sort =
        AuditTrail.SORTABLE.format(start)
            + "#repeated#"
            + attempt.subject()
            + "#"
            + action
            + "#"
            + resource.type()
            + "#"
            + resource.id();
    ItemKey key = ItemKey.of(AuditTrail.PARTITION, sort);
    IndexKey byActor =
        IndexKey.of(IndexKey.Index.GSI2, AuditTrail.BY_ACTOR + attempt.subject(), sort);
    for (int write = 0; write < MAX_WRITES; write++) {
      Optional<StoredItem<AuditItem>> stored = records.get(attempt, key);
      AuditItem record = AuditTrail.item(attempt, action, resource, AuditOutcome.DENIED);
      long attempts = 1;
      long version = 0;
      if (stored.isPresent()) {
        AuditItem item = stored.get().record();
        long counted = item.attempts() == null ? 0 : item.attempts();
        if (attempt.requestId() != null && attempt.requestId().equals(item.lastRequestId())) {
          return new Count(counted, ends); // a retry of a request already counted
        }
        // Who and what stay as first recorded: the first attempt's time, request and expiry.
        record =
            new AuditItem(
                item.time(),
                record.actorSubject(),
                item.actorRole(),
                item.actorName(),
                record.action(),
                record.resourceType(),
                record.resourceId(),
                record.patientSubject(),
                record.outcome(),
                item.requestId(),
                item.expiresAt(),
                null,
                null,
                null);
        attempts = counted + 1;
        version = stored.get().version();
      }
      try {
        records.putVersioned(
            attempt,
            key,
            record.counted(
                attempts,
                AuditTrail.SORTABLE.format(time),
                AuditTrail.orEmpty(attempt.requestId())),
            version,
            byActor);
        return new Count(attempts, ends);
      } catch (VersionConflictException e) {
        LOG.debug("repeated-denial record changed meanwhile; reading it again");
      }
    }
    // Writers this many at once are a flood: the attempt gets a record of its own, and a 429.
    LOG.warn("repeated-denial record kept changing; recording this refusal on its own");
    audit.record(attempt, action, resource, AuditOutcome.DENIED);
    return new Count(LIMIT + 1L, ends);
  }
}
