package com.dermrelay.patients;

import com.dermrelay.core.http.ApiProblem;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a profile may hold: a date of birth (ISO date, before today, at most 130 years ago: the
 * oldest people documented reached 122) and sex as FHIR's administrative gender codes. Problems
 * name fields, never values.
 */
public final class ProfileRules {
  public static final Set<String> SEXES = Set.of("female", "male", "other", "unknown");
  static final int MAX_AGE_YEARS = 130;
  private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

  private ProfileRules() {}

  static List<ApiProblem.FieldError> problems(ProfileRequests.Update update, LocalDate today) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    Optional<LocalDate> born = parse(update.dateOfBirth());
    if (born.isEmpty()) {
      errors.add(new ApiProblem.FieldError("/dateOfBirth", "must be a date as YYYY-MM-DD"));
    } else if (!born.get().isBefore(today)) {
      errors.add(new ApiProblem.FieldError("/dateOfBirth", "must be in the past"));
    } else if (born.get().isBefore(today.minusYears(MAX_AGE_YEARS))) {
      errors.add(
          new ApiProblem.FieldError(
              "/dateOfBirth", "must be at most " + MAX_AGE_YEARS + " years ago"));
    }
    if (update.sex() == null || !SEXES.contains(update.sex())) {
      errors.add(new ApiProblem.FieldError("/sex", "must be female, male, other or unknown"));
    }
    if (update.version() != null && update.version() < 0) {
      errors.add(
          new ApiProblem.FieldError(
              "/version", "must be the version read, or 0 for a new profile"));
    }
    return errors;
  }

  /** Age in whole years on {@code today}, for a stored (valid) date of birth. */
  public static int ageOn(String dateOfBirth, LocalDate today) {
    return Period.between(LocalDate.parse(dateOfBirth), today).getYears();
  }

  private static Optional<LocalDate> parse(String text) {
    if (text == null || !ISO_DATE.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty(); // e.g. 2001-02-30
    }
  }
}
