package com.dermrelay.operator;

import com.dermrelay.core.access.InternalAccess;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.auth.Caller;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import com.dermrelay.core.tenancy.TenantDirectory;
import com.dermrelay.core.tenancy.TenantRecord;
import com.dermrelay.metering.GetClinicUsage;
import com.dermrelay.review.QueueCounts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.inject.Inject;

/**
 * The operator console's clinic list: every clinic from the platform's clinic directory ({@link
 * TenantDirectory#clinicIds()}, one keys-only Query, never a Scan), in id order, one page at a
 * time. Per clinic on the page: its configuration (the directory's cache), this month's usage (two
 * reads, as getClinicUsage) and one Query of its review queue of at most {@value #QUEUE_READ}
 * items: the reads grow with the page size, never with a clinic's cases. Not audited as a read of
 * health data: counts only.
 */
public final class ListClinicsForOperator {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 50;

  /** One Query of a clinic's queue; past it the queue's figures are "at least". */
  static final int QUEUE_READ = 200;

  private static final Pattern WHOLE = Pattern.compile("[1-9][0-9]?");

  private final TenantDirectory directory;
  private final InternalAccess access;
  private final GetClinicUsage usage;
  private final QueueCounts queues;

  @Inject
  public ListClinicsForOperator(
      TenantDirectory directory, InternalAccess access, GetClinicUsage usage, QueueCounts queues) {
    this.directory = directory;
    this.access = access;
    this.usage = usage;
    this.queues = queues;
  }

  /** What the operator asks for: the page size and the previous page's cursor. */
  public record Query(Optional<String> limit, Optional<String> cursor) {}

  /** One page; {@code nextCursor} absent on the last. */
  public record Page(List<ClinicOverview> clinics, String nextCursor) {}

  public Page run(Caller caller, String name, String requestId, Instant time, Query query) {
    int limit = limit(query.limit());
    String after = query.cursor().map(ListClinicsForOperator::decode).orElse("");
    List<String> ids =
        directory.clinicIds().stream().filter(id -> id.compareTo(after) > 0).sorted().toList();
    List<ClinicOverview> clinics = new ArrayList<>();
    for (String id : ids.subList(0, Math.min(limit, ids.size()))) {
      Optional<TenantRecord> clinic = directory.find(id);
      Optional<TenantContext> tenant =
          access.forPlatformOperator(caller, name, id, requestId, time);
      if (clinic.isPresent() && tenant.isPresent()) {
        clinics.add(overview(clinic.get(), tenant.get()));
      }
    }
    String next = ids.size() > limit ? encode(ids.get(limit - 1)) : null;
    return new Page(clinics, next);
  }

  private ClinicOverview overview(TenantRecord clinic, TenantContext tenant) {
    GetClinicUsage.Usage month = usage.run(tenant, 1);
    QueueCounts.Counts queue = queues.count(tenant, QUEUE_READ);
    return new ClinicOverview(
        clinic.tenantId(),
        clinic.displayName(),
        clinic.slug(),
        ClinicOverview.status(clinic),
        clinic.plan(),
        month.months().get(0),
        month.storedBytes(),
        new ClinicOverview.ReviewQueue(queue.waiting(), queue.overdue(), queue.complete()));
  }

  static int limit(Optional<String> value) {
    if (value.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    if (WHOLE.matcher(value.get()).matches() && Integer.parseInt(value.get()) <= MAX_LIMIT) {
      return Integer.parseInt(value.get());
    }
    throw new ApiProblem(
        400,
        ProblemTypes.INVALID_REQUEST,
        "Bad Request",
        "Parameter 'limit' must be a whole number from 1 to " + MAX_LIMIT + ".",
        List.of(new ApiProblem.FieldError("/limit", "a whole number from 1 to " + MAX_LIMIT)));
  }

  private static String encode(String tenantId) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(tenantId.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String cursor) {
    try {
      String id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (TenantContext.TENANT_ID.matcher(id).matches()) {
        return id;
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw new ApiProblem(
        400,
        ProblemTypes.INVALID_REQUEST,
        "Bad Request",
        "Parameter 'cursor' is not a cursor this list gave.",
        List.of(new ApiProblem.FieldError("/cursor", "not a cursor this list gave")));
  }
}
