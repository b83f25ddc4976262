package com.dermrelay.dashboard;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The dashboard's arithmetic on plain facts, so it is tested without a table: ISO-week buckets in
 * UTC, nearest-rank percentiles, counts by status.
 */
public final class DashboardStatistics {
  private DashboardStatistics() {}

  /**
   * Monday 00:00 UTC of the ISO week {@code weeks - 1} weeks before the one holding {@code now}.
   */
  public static Instant windowStart(Instant now, int weeks) {
    LocalDate monday =
        now.atZone(ZoneOffset.UTC)
            .toLocalDate()
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
            .minusWeeks(weeks - 1L);
    return monday.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The ISO week label of an instant in UTC, e.g. {@code 2026-W07}. */
  public static String isoWeek(Instant at) {
    LocalDate date = at.atZone(ZoneOffset.UTC).toLocalDate();
    return String.format(
        "%d-W%02d",
        date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /**
   * The nearest-rank percentile of {@code values} ({@code p} in 1..100): the smallest value with at
   * least p% of the values at or below it; empty for no values.
   */
  public static Optional<Double> percentile(Collection<Double> values, int p) {
    if (values.isEmpty()) {
      return Optional.empty();
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return Optional.of(sorted.get(Math.max(rank, 1) - 1));
  }

  /** The dashboard of {@code cases} and breach times in the {@code weeks} up to {@code now}. */
  public static ClinicDashboard compute(
      Instant now,
      int weeks,
      Collection<CaseFacts> cases,
      Collection<Instant> breaches,
      Map<String, PhotoCheckCounts.Week> photoChecks,
      boolean complete) {
    Instant from = windowStart(now, weeks);
    Map<String, WeekTally> tallies = new TreeMap<>();
    for (int i = 0; i < weeks; i++) {
      Instant start = from.plus(Duration.ofDays(7L * i));
      tallies.put(isoWeek(start), new WeekTally(start));
    }
    Map<String, Integer> byStatus = new TreeMap<>();
    for (CaseFacts c : cases) {
      Instant started = c.submittedAt().orElse(c.createdAt());
      if (!inWindow(started, from, now)) {
        continue;
      }
      byStatus.merge(c.status(), 1, Integer::sum);
      if (c.submittedAt().isEmpty()) {
        continue;
      }
      WeekTally week = tallies.get(isoWeek(c.submittedAt().get()));
      week.submitted++;
      c.answeredAt()
          .ifPresent(
              answered ->
                  week.turnaroundHours.add(
                      hours(Duration.between(c.submittedAt().get(), answered))));
    }
    for (Instant breach : breaches) {
      if (inWindow(breach, from, now)) {
        tallies.get(isoWeek(breach)).breaches++;
      }
    }
    List<ClinicDashboard.StatusCount> statuses =
        byStatus.entrySet().stream()
            .map(e -> new ClinicDashboard.StatusCount(e.getKey(), e.getValue()))
            .toList();
    List<ClinicDashboard.Week> rows =
        tallies.entrySet().stream()
            .map(
                e ->
                    e.getValue()
                        .row(
                            e.getKey(),
                            photoChecks.getOrDefault(e.getKey(), PhotoCheckCounts.Week.NONE)))
            .toList();
    return new ClinicDashboard(from.toString(), now.toString(), weeks, statuses, rows, complete);
  }

  private static boolean inWindow(Instant at, Instant from, Instant to) {
    return !at.isBefore(from) && !at.isAfter(to);
  }

  /** Hours to one decimal; a negative duration (clock skew between steps) counts as zero. */
  private static double hours(Duration duration) {
    return Math.round(Math.max(0, duration.toMillis()) / 360_000.0) / 10.0;
  }

  private static final class WeekTally {
    private final Instant start;
    private final List<Double> turnaroundHours = new ArrayList<>();
    private int submitted;
    private int breaches;

    WeekTally(Instant start) {
      this.start = start;
    }

    ClinicDashboard.Week row(String label, PhotoCheckCounts.Week photos) {
      Double share =
          photos.checked() == 0
              ? null
              : Math.round(1000.0 * photos.needingRetake() / photos.checked()) / 1000.0;
      return new ClinicDashboard.Week(
          label,
          start.atZone(ZoneOffset.UTC).toLocalDate().toString(),
          submitted,
          turnaroundHours.size(),
          percentile(turnaroundHours, 50).orElse(null),
          percentile(turnaroundHours, 90).orElse(null),
          breaches,
          photos.checked(),
          photos.needingRetake(),
          share);
    }
  }
}
