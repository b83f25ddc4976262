package com.dermrelay.dashboard;

import com.dermrelay.audit.AuditQueries;
import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.IntakeVersions;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.IndexKey;
import com.dermrelay.core.data.ItemPage;
import com.dermrelay.core.data.ItemQuery;
import com.dermrelay.core.data.TenantItems;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The clinic dashboard, computed at read time from two queries, no Scan: the clinic's case index
 * ({@code gsi2} {@code TENANT#<id>#CASES}, by creation time) from the window's start less a
 * draft's lifetime (a case submitted in the window was started at most 30 days before it), and
 * the escalation step's audit records in the window (the actor index, filtered to
 * {@code case.sla.breach}); and the weeks' photo-check counters ({@link PhotoCheckCounts}). Reads grow with the clinic's cases in the window: see
 * docs/portal.md for the counter items a large clinic would need instead.
 *
 * <p>Not audited as a read of health data: the answer holds counts and durations only, no
 * patient, case or content, so there is no one whose record was seen (the case documents are
 * read in memory to count, and never leave this class).
 */
public final class GetClinicDashboard {
  /** The subject the workflow's Escalate step records breaches as (InternalAccess.forWorkflowStep). */
  static final String ESCALATION_ACTOR = "system:sla-escalation";
  static final String SLA_BREACH = "case.sla.breach";
  /** A draft is dropped 30 days after it was started (docs/intake.md); a day of margin. */
  static final Duration DRAFT_LIFETIME = Duration.ofDays(31);
  /** Bounds one request's reads; past it the answer says it is incomplete. */
  static final int MAX_CASES = 20_000;
  static final int MAX_BREACHES = 5_000;

  private final TenantItems items;
  private final ObjectMapper json;
  private final PhotoCheckCounts photoChecks;

  @Inject
  public GetClinicDashboard(TenantItems items, ObjectMapper json, PhotoCheckCounts photoChecks) {
    this.items = items;
    this.json = json;
    this.photoChecks = photoChecks;
  }

  public ClinicDashboard run(TenantContext tenant, int weeks) {
    Instant now = tenant.requestTime();
    Instant from = DashboardStatistics.windowStart(now, weeks);
    List<CaseFacts> cases = new ArrayList<>();
    boolean complete = readAll(tenant, ItemQuery.partition(CaseStore.CLINIC_CASES).onIndex(IndexKey.Index.GSI2)
        .sortBetween(from.minus(DRAFT_LIFETIME).toString(), "9"), MAX_CASES,
        item -> cases.add(CaseFacts.of(caseOf(item))));
    List<Instant> breaches = new ArrayList<>();
    complete &= readAll(tenant, AuditQueries.byActorBetween(ESCALATION_ACTOR, from, now.plusMillis(1)),
        MAX_BREACHES, item -> {
          if (SLA_BREACH.equals(text(item, "action"))) {
            breaches.add(Instant.parse(text(item, "time")));
          }
        });
    return DashboardStatistics.compute(now, weeks, cases, breaches, photoChecks.between(tenant, from, now), complete);
  }

  /** Feeds every item of the query to {@code sink}; false if it stopped at {@code max}. */
  private boolean readAll(TenantContext tenant, ItemQuery query, int max,
      java.util.function.Consumer<Map<String, AttributeValue>> sink) {
    Optional<String> cursor = Optional.empty();
    int read = 0;
    do {
      ItemPage page = items.query(tenant, query.limit(100).after(cursor));
      for (Map<String, AttributeValue> item : page.items()) {
        sink.accept(item);
      }
      read += page.items().size();
      cursor = page.nextCursor();
    } while (cursor.isPresent() && read < max);
    return cursor.isEmpty();
  }

  private CaseRecord caseOf(Map<String, AttributeValue> item) {
    return IntakeVersions.readCase(json, item.get("doc").s());
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.s() == null ? "" : value.s();
  }
}
