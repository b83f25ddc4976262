package com.dermrelay.dashboard;

import com.dermrelay.audit.AuditQueries;
import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.StoredCase;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditRecord;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.data.ItemPage;
import com.dermrelay.core.data.ItemQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;

/**
 * The clinic dashboard, computed at read time from two queries, no Scan: the clinic's case index
 * ({@code gsi2} {@code TENANT#<id>#CASES}, by creation time) from the window's start less a draft's
 * lifetime (a case submitted in the window was started at most 30 days before it), and the
 * escalation step's audit records in the window (the actor index, filtered to {@code
 * case.sla.breach}); and the weeks' photo-check counters ({@link PhotoCheckCounts}). Reads grow
 * with the clinic's cases in the window: see docs/portal.md for the counter items a large clinic
 * would need instead.
 *
 * <p>Not audited as a read of health data: the answer holds counts and durations only, no patient,
 * case or content, so there is no one whose record was seen (the case documents are read in memory
 * to count, and never leave this class).
 */
public final class GetClinicDashboard {
  /**
   * The subject the workflow's Escalate step records breaches as (InternalAccess.forWorkflowStep).
   */
  static final String ESCALATION_ACTOR = "system:sla-escalation";

  static final String SLA_BREACH = "case.sla.breach";

  /** A draft is dropped 30 days after it was started (docs/intake.md); a day of margin. */
  static final Duration DRAFT_LIFETIME = Duration.ofDays(31);

  /** Bounds one request's reads; past it the answer says it is incomplete. */
  static final int MAX_CASES = 20_000;

  static final int MAX_BREACHES = 5_000;

  private final CaseStore caseStore;
  private final AuditTrail audit;
  private final PhotoCheckCounts photoChecks;

  @Inject
  public GetClinicDashboard(CaseStore caseStore, AuditTrail audit, PhotoCheckCounts photoChecks) {
    this.caseStore = caseStore;
    this.audit = audit;
    this.photoChecks = photoChecks;
  }

  public ClinicDashboard run(TenantContext tenant, int weeks) {
    Instant now = tenant.requestTime();
    Instant from = DashboardStatistics.windowStart(now, weeks);
    List<CaseFacts> cases = new ArrayList<>();
    String createdFrom = from.minus(DRAFT_LIFETIME).toString();
    boolean complete =
        readAll(
            cursor -> {
              CaseStore.Page page =
                  caseStore.ofClinicCreatedSince(tenant, createdFrom, 100, cursor);
              page.cases().stream().map(StoredCase::record).map(CaseFacts::of).forEach(cases::add);
              return new Read(page.cases().size(), page.nextCursor());
            },
            MAX_CASES);
    List<Instant> breaches = new ArrayList<>();
    ItemQuery breachQuery =
        AuditQueries.byActorBetween(ESCALATION_ACTOR, from, now.plusMillis(1)).limit(100);
    complete &=
        readAll(
            cursor -> {
              ItemPage<AuditRecord> page = audit.query(tenant, breachQuery.after(cursor));
              for (AuditRecord record : page.records()) {
                if (SLA_BREACH.equals(record.action())) {
                  breaches.add(Instant.parse(record.time()));
                }
              }
              return new Read(page.items().size(), page.nextCursor());
            },
            MAX_BREACHES);
    return DashboardStatistics.compute(
        now, weeks, cases, breaches, photoChecks.between(tenant, from, now), complete);
  }

  /** One page's worth: how many items it held and the cursor of the next. */
  private record Read(int items, Optional<String> nextCursor) {}

  /**
   * Reads page after page until the end or {@code max} items; false if it stopped at {@code max}.
   */
  private static boolean readAll(
      java.util.function.Function<Optional<String>, Read> readPage, int max) {
    Optional<String> cursor = Optional.empty();
    int read = 0;
    do {
      Read page = readPage.apply(cursor);
      read += page.items();
      cursor = page.nextCursor();
    } while (cursor.isPresent() && read < max);
    return cursor.isEmpty();
  }
}
