package com.dermrelay.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DashboardStatisticsTest {
  // A Wednesday; its ISO week 2026-W07 starts on Monday 9 February.
  private static final Instant NOW = Instant.parse("2026-02-11T15:00:00Z");

  @Test
  void percentilesAreNearestRank() {
    List<Double> ten = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      ten.add((double) i);
    }
    assertEquals(Optional.of(5.0), DashboardStatistics.percentile(ten, 50));
    assertEquals(Optional.of(9.0), DashboardStatistics.percentile(ten, 90));
    assertEquals(Optional.of(7.0), DashboardStatistics.percentile(List.of(7.0), 90));
    assertEquals(
        Optional.of(4.0),
        DashboardStatistics.percentile(List.of(30.0, 2.0, 4.0), 50),
        "unsorted input");
    assertEquals(Optional.empty(), DashboardStatistics.percentile(List.of(), 50));
  }

  @Test
  void weeksAreIsoWeeksInUtcAcrossAYearEnd() {
    assertEquals("2026-W07", DashboardStatistics.isoWeek(NOW));
    assertEquals(Instant.parse("2026-02-09T00:00:00Z"), DashboardStatistics.windowStart(NOW, 1));
    assertEquals(Instant.parse("2025-12-29T00:00:00Z"), DashboardStatistics.windowStart(NOW, 7));
    assertEquals(
        "2026-W01",
        DashboardStatistics.isoWeek(Instant.parse("2025-12-29T00:00:00Z")),
        "29 December 2025 is in the first ISO week of 2026");
    assertEquals("2025-W52", DashboardStatistics.isoWeek(Instant.parse("2025-12-28T23:59:59Z")));
    assertEquals(
        Instant.parse("2026-02-09T00:00:00Z"),
        DashboardStatistics.windowStart(Instant.parse("2026-02-09T00:00:00Z"), 1),
        "Monday midnight starts a week");
  }

  @Test
  void casesFallIntoTheWeekTheyWereSubmittedIn() {
    List<CaseFacts> cases =
        List.of(
            answered("2026-02-02T10:00:00Z", 2), // W06, 2 h
            answered("2026-02-08T23:00:00Z", 10), // Sunday night: still W06, 10 h
            answered("2026-02-09T00:00:00Z", 30), // W07
            submitted("2026-02-10T09:00:00Z"), // W07, not answered yet
            submitted("2026-01-20T09:00:00Z"), // before the window of two weeks
            draft("2026-02-10T08:00:00Z"));
    ClinicDashboard dashboard =
        DashboardStatistics.compute(
            NOW,
            2,
            cases,
            List.of(Instant.parse("2026-02-03T12:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")),
            Map.of(
                "2026-W07",
                new PhotoCheckCounts.Week(4, 1),
                "2026-W01",
                new PhotoCheckCounts.Week(9, 9)),
            true);

    assertEquals("2026-02-02T00:00:00Z", dashboard.from());
    assertEquals(
        List.of("2026-W06", "2026-W07"),
        dashboard.byWeek().stream().map(ClinicDashboard.Week::week).toList());
    ClinicDashboard.Week w06 = dashboard.byWeek().get(0);
    assertEquals("2026-02-02", w06.startsOn());
    assertEquals(2, w06.submitted());
    assertEquals(2, w06.answered());
    assertEquals(2.0, w06.turnaroundHoursP50());
    assertEquals(10.0, w06.turnaroundHoursP90());
    assertEquals(1, w06.slaBreaches(), "the breach of January is outside the window");
    assertEquals(0, w06.photosChecked());
    assertNull(w06.retakeShare(), "no photo checked that week: no share, rather than 0%");
    ClinicDashboard.Week w07 = dashboard.byWeek().get(1);
    assertEquals(2, w07.submitted());
    assertEquals(1, w07.answered());
    assertEquals(30.0, w07.turnaroundHoursP50());
    assertEquals(4, w07.photosChecked());
    assertEquals(1, w07.photosNeedingRetake());
    assertEquals(0.25, w07.retakeShare(), "photos needing a retake / photos checked");
    assertEquals(
        List.of(
            new ClinicDashboard.StatusCount("ANSWERED", 3),
            new ClinicDashboard.StatusCount("DRAFT", 1),
            new ClinicDashboard.StatusCount("QUEUED", 1)),
        dashboard.casesByStatus(),
        "the January case is left out");
  }

  @Test
  void aWeekWithoutCasesHasNoTurnaroundAndNoShare() {
    ClinicDashboard empty =
        DashboardStatistics.compute(NOW, 12, List.of(), List.of(), Map.of(), true);
    assertEquals(12, empty.byWeek().size());
    assertTrue(empty.casesByStatus().isEmpty());
    ClinicDashboard.Week week = empty.byWeek().get(11);
    assertEquals("2026-W07", week.week());
    assertNull(week.turnaroundHoursP50());
    assertNull(week.retakeShare());
  }

  private static CaseFacts answered(String submittedAt, int hours) {
    Instant at = Instant.parse(submittedAt);
    return new CaseFacts(
        "ANSWERED",
        at.minusSeconds(600),
        Optional.of(at),
        Optional.of(at.plusSeconds(hours * 3600L)));
  }

  private static CaseFacts submitted(String submittedAt) {
    Instant at = Instant.parse(submittedAt);
    return new CaseFacts("QUEUED", at.minusSeconds(600), Optional.of(at), Optional.empty());
  }

  private static CaseFacts draft(String createdAt) {
    return new CaseFacts("DRAFT", Instant.parse(createdAt), Optional.empty(), Optional.empty());
  }
}
