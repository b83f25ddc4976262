package com.dermrelay.core.http;

import java.util.List;
import java.util.Optional;

/**
 * The {@code limit} query parameter of a paged list: absent means the default; out of range is a
 * 400.
 */
public final class PageLimit {
  private PageLimit() {}

  public static int parse(Optional<String> text, int defaultLimit, int maxLimit) {
    if (text.isEmpty()) {
      return defaultLimit;
    }
    try {
      int value = Integer.parseInt(text.get());
      if (value >= 1 && value <= maxLimit) {
        return value;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new ApiProblem(
        400,
        ProblemTypes.INVALID_REQUEST,
        "Bad Request",
        "Parameter 'limit' must be an integer from 1 to " + maxLimit + ".",
        List.of(new ApiProblem.FieldError("/limit", "an integer from 1 to " + maxLimit)));
  }
}
