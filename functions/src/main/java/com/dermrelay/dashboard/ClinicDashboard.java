package com.dermrelay.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The clinic dashboard as answered: counts and durations only, never a case id or anything a
 * patient wrote. Weeks are ISO weeks in UTC, oldest first; the current week is the last one and is
 * still running.
 *
 * @param from start of the first week (inclusive); {@code to} is the time of the request
 * @param casesByStatus current status of the cases started or submitted in the window
 * @param complete false when the clinic had more cases in the window than one request reads
 */
public record ClinicDashboard(
    String from,
    String to,
    int weeks,
    List<StatusCount> casesByStatus,
    List<Week> byWeek,
    boolean complete) {

  public record StatusCount(String status, int count) {}

  /**
   * One ISO week. Turnaround belongs to the week a case was submitted in (a cohort): a recent
   * week's figures cover only the cases already answered ({@code answered}). Photo checks belong to
   * the week their verdict was recorded ({@link PhotoCheckCounts}).
   *
   * @param turnaroundHoursP50 median hours from submission to the first answer; null if none
   * @param photosChecked photos whose check's verdict was recorded this week
   * @param photosNeedingRetake of those, the ones refused or advised to be taken again
   * @param retakeShare photosNeedingRetake / photosChecked (0..1); null if none was checked
   */
  // Every property of a week is required by the contract: a figure without a value is null.
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Week(
      String week,
      String startsOn,
      int submitted,
      int answered,
      Double turnaroundHoursP50,
      Double turnaroundHoursP90,
      int slaBreaches,
      long photosChecked,
      long photosNeedingRetake,
      Double retakeShare) {}
}
