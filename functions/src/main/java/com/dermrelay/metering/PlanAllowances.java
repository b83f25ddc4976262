package com.dermrelay.metering;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.TooManyRequests;
import com.dermrelay.core.tenancy.ClinicPlan;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import javax.inject.Inject;

/**
 * The plan's monthly and storage limits, read from the meter's counters (one GetItem each): cases
 * received this month against {@code casesPerMonth}, photo bytes stored against {@code storageMb}.
 * Only what starts something new is refused: a new draft, a draft's photos. A sent case's answers,
 * replies and follow-up photos never are (docs/operations.md).
 */
public final class PlanAllowances {
  public static final String MONTHLY_CASES_PROBLEM = "urn:dermrelay:problem:clinic-monthly-cases";
  public static final String STORAGE_PROBLEM = "urn:dermrelay:problem:clinic-storage-full";

  private final ClinicUsage usage;

  @Inject
  public PlanAllowances(ClinicUsage usage) {
    this.usage = usage;
  }

  /**
   * @throws TooManyRequests when the clinic received its plan's cases this month; {@code
   *     Retry-After} is the start of the next month (UTC)
   */
  public void requireCaseAllowance(TenantContext tenant, ClinicPlan plan) {
    Instant now = tenant.requestTime();
    long received =
        usage
            .months(tenant, UsageMeter.month(now), UsageMeter.month(now))
            .getOrDefault(UsageMeter.month(now), new UsageCounts(Map.of()))
            .get(UsageKind.CASE_SUBMITTED.counter());
    if (received < plan.casesPerMonth()) {
      return;
    }
    Instant nextMonth =
        UsageMeter.month(now).plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    long seconds = Math.max(1, Duration.between(now, nextMonth).toSeconds());
    throw new TooManyRequests(
        MONTHLY_CASES_PROBLEM,
        "The clinic received the "
            + plan.casesPerMonth()
            + " cases its plan allows this month; new cases can be started next month.",
        seconds);
  }

  /**
   * @throws ApiProblem 409 when storing {@code bytes} more would pass the plan's storage
   */
  public void requireStorageFor(TenantContext tenant, ClinicPlan plan, long bytes) {
    if (usage.storedBytes(tenant) + bytes <= plan.storageBytes()) {
      return;
    }
    throw new ApiProblem(
        409,
        STORAGE_PROBLEM,
        "Storage full",
        "The clinic stores the "
            + plan.storageMb()
            + " MB of photos its plan allows; new cases cannot take photos until the plan grows.");
  }
}
