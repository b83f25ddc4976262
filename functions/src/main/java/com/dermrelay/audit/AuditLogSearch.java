package com.dermrelay.audit;

import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The filters of searchAuditLog, checked: a patient's and an actor's subject, an action, a time
 * range ({@code from} inclusive, {@code to} exclusive, ISO-8601 with an offset), a page size and
 * the cursor of the previous page. A bad value answers 400 naming the parameter, never quoting it.
 */
public record AuditLogSearch(
    Optional<String> patient,
    Optional<String> user,
    Optional<String> action,
    Optional<Instant> from,
    Optional<Instant> to,
    int limit,
    Optional<String> cursor) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 100;

  /**
   * Cognito subjects (UUIDs) and platform steps ({@code system:triage}); never '#', a key
   * separator.
   */
  private static final Pattern SUBJECT = Pattern.compile("^[A-Za-z0-9:_.-]{1,128}$");

  /** Actions are dotted names, or {@code access.<route key>} for a refused route. */
  private static final Pattern ACTION = Pattern.compile("^[\\x21-\\x7e][\\x20-\\x7e]{0,199}$");

  /** Sort keys hold a four-digit year; outside it a range could not be expressed. */
  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  /** Reads the filters from the query string; {@code parameter} answers a missing one as empty. */
  public static AuditLogSearch fromQuery(Function<String, Optional<String>> parameter) {
    Optional<String> patient = matching(parameter, "patient", SUBJECT);
    Optional<String> user = matching(parameter, "user", SUBJECT);
    Optional<String> action = matching(parameter, "action", ACTION);
    Optional<Instant> from = parameter.apply("from").map(v -> instant("from", v));
    Optional<Instant> to = parameter.apply("to").map(v -> instant("to", v));
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw invalid("from", "must be before 'to'");
    }
    return new AuditLogSearch(
        patient, user, action, from, to, limit(parameter), parameter.apply("cursor"));
  }

  /** The page size: {@value #DEFAULT_LIMIT} unless asked, at most {@value #MAX_LIMIT}. */
  public static int limit(Function<String, Optional<String>> parameter) {
    Optional<String> value = parameter.apply("limit");
    if (value.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value.get());
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
  }

  private static Optional<String> matching(
      Function<String, Optional<String>> parameter, String name, Pattern pattern) {
    Optional<String> value = parameter.apply(name);
    if (value.isPresent() && !pattern.matcher(value.get()).matches()) {
      throw invalid(name, "is not a valid value");
    }
    return value;
  }

  private static Instant instant(String name, String value) {
    Instant instant;
    try {
      instant = OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid(
          name, "must be an ISO-8601 date-time with an offset, e.g. 2026-01-31T09:00:00Z");
    }
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw invalid(name, "is out of range");
    }
    return instant;
  }

  private static ApiProblem invalid(String name, String why) {
    return ApiProblem.badRequest(
        ProblemTypes.INVALID_REQUEST, "Parameter '" + name + "' " + why + ".");
  }
}
