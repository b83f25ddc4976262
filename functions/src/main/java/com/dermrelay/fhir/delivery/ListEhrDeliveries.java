package com.dermrelay.fhir.delivery;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.PageLimit;
import com.dermrelay.core.http.ProblemTypes;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;

/**
 * The clinic's failed EHR deliveries, most recent attempt first, one page of the sparse FAILED
 * index: what the console lists with "send again". Ids, counts, times and the reason: no health
 * data, but the reason is the EHR's words about a patient's Bundle, so the read is audited.
 */
public final class ListEhrDeliveries {
  static final int DEFAULT_LIMIT = 25;
  static final int MAX_LIMIT = 100;

  private final EhrDeliveryStore deliveries;
  private final AuditTrail audit;

  @Inject
  public ListEhrDeliveries(EhrDeliveryStore deliveries, AuditTrail audit) {
    this.deliveries = deliveries;
    this.audit = audit;
  }

  /** One delivery as listed. */
  public record Item(
      String caseId, int round, String status, int attempts, String lastAttemptAt, String reason) {}

  public record Page(List<Item> items, String nextCursor) {}

  public Page run(
      TenantContext tenant,
      Optional<String> status,
      Optional<String> limit,
      Optional<String> cursor) {
    if (!status.orElse(EhrDelivery.FAILED).equals(EhrDelivery.FAILED)) {
      throw new ApiProblem(
          400,
          ProblemTypes.INVALID_REQUEST,
          "Bad Request",
          "Parameter 'status' must be FAILED: only failed deliveries are listed.",
          List.of(new ApiProblem.FieldError("/status", "FAILED")));
    }
    EhrDeliveryStore.Page page =
        deliveries.failed(tenant, PageLimit.parse(limit, DEFAULT_LIMIT, MAX_LIMIT), cursor);
    audit.read(tenant, AuditResource.of("ehr-deliveries", tenant.tenantId()));
    return new Page(
        page.items().stream()
            .map(
                d ->
                    new Item(
                        d.caseId(),
                        d.round(),
                        d.status(),
                        d.attempts(),
                        d.lastAttemptAt(),
                        d.lastReason()))
            .toList(),
        page.nextCursor().orElse(null));
  }
}
