package com.dermrelay.dashboard;

import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import java.util.Optional;

/** The dashboard's one parameter: how many ISO weeks, 1 to {@value #MAX_WEEKS}, default 12. */
public final class DashboardQuery {
  public static final int DEFAULT_WEEKS = 12;
  public static final int MAX_WEEKS = 52;

  private DashboardQuery() {}

  public static int weeks(Optional<String> value) {
    if (value.isEmpty()) {
      return DEFAULT_WEEKS;
    }
    try {
      int weeks = Integer.parseInt(value.get());
      if (weeks >= 1 && weeks <= MAX_WEEKS) {
        return weeks;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiProblem.badRequest(
        ProblemTypes.INVALID_REQUEST,
        "Parameter 'weeks' must be a whole number from 1 to " + MAX_WEEKS + ".");
  }
}
