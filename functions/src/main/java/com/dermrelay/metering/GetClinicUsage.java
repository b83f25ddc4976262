package com.dermrelay.metering;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.inject.Inject;

/**
 * A clinic's usage, for its admin and the platform operator: the current month and the ones before
 * it, newest first, each with its counts and estimated infrastructure cost. Two reads whatever the
 * clinic's size (the months in one Query, the running total in one GetItem). Counts only, no
 * patient or case, so the read is not audited.
 */
public final class GetClinicUsage {
  public static final int DEFAULT_MONTHS = 12;
  public static final int MAX_MONTHS = 36;
  private static final Pattern WHOLE = Pattern.compile("[1-9][0-9]?");
  private static final Map<String, Long> NOTHING = Map.of();

  private final ClinicUsage usage;

  @Inject
  public GetClinicUsage(ClinicUsage usage) {
    this.usage = usage;
  }

  /** The answer: the photo bytes held now and the months, newest first. */
  public record Usage(long storedBytes, List<UsageMonth> months) {}

  public Usage run(TenantContext tenant, int months) {
    YearMonth current = UsageMeter.month(tenant.requestTime());
    YearMonth first = current.minusMonths(months - 1L);
    long held = usage.storedBytes(tenant);
    Map<YearMonth, UsageCounts> counters = usage.months(tenant, first, current);
    List<UsageMonth> shown = new ArrayList<>();
    // Newest first: what a month held at its end is what is held now less what later months added.
    long heldAtEnd = held;
    for (YearMonth month = current; !month.isBefore(first); month = month.minusMonths(1)) {
      UsageCounts counts = counters.getOrDefault(month, new UsageCounts(NOTHING));
      shown.add(UsageMonth.of(month.toString(), counts, Math.max(0, heldAtEnd)));
      heldAtEnd -= counts.get(UsageKind.PHOTO_STORED.bytesCounter());
    }
    return new Usage(held, shown);
  }

  /**
   * The {@code months} parameter: 1 to {@value #MAX_MONTHS}, {@value #DEFAULT_MONTHS} if absent.
   */
  public static int months(Optional<String> value) {
    if (value.isEmpty()) {
      return DEFAULT_MONTHS;
    }
    if (WHOLE.matcher(value.get()).matches() && Integer.parseInt(value.get()) <= MAX_MONTHS) {
      return Integer.parseInt(value.get());
    }
    throw new ApiProblem(
        400,
        ProblemTypes.INVALID_REQUEST,
        "Bad Request",
        "Parameter 'months' must be a whole number from 1 to " + MAX_MONTHS + ".",
        List.of(new ApiProblem.FieldError("/months", "a whole number from 1 to " + MAX_MONTHS)));
  }
}
