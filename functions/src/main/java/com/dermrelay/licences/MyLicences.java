package com.dermrelay.licences;

import com.dermrelay.core.auth.Caller;
import com.dermrelay.core.data.StoredItem;
import com.dermrelay.core.data.VersionConflictException;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.inject.Inject;

/**
 * listMyLicences, putMyLicence and deleteMyLicence: the signed-in dermatologist's own licences to
 * practise (docs/operations.md "Licences"). On the person, whichever clinics they work for; each
 * one valid through its {@code expiresOn} day (UTC), shown as expired after it.
 */
public final class MyLicences {
  /** Long enough for any licensing body's number. */
  static final int MAX_NUMBER = 40;

  private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

  /** A stale read is re-read and written again: only the dermatologist writes their licences. */
  private static final int ATTEMPTS = 3;

  private final Licences licences;

  @Inject
  public MyLicences(Licences licences) {
    this.licences = licences;
  }

  /** putMyLicence's body. */
  public record LicenceRequest(String jurisdiction, String number, String expiresOn) {}

  /** One licence as the API shows it; {@code expired} on the day of the request (UTC). */
  public record MyLicence(String jurisdiction, String number, String expiresOn, boolean expired) {}

  /** listMyLicences' answer, by jurisdiction. */
  public record LicenceList(List<MyLicence> licences) {}

  public LicenceList list(Caller user, Instant now) {
    LocalDate today = today(now);
    return new LicenceList(
        licences.held(user).stream()
            .sorted(Comparator.comparing(LicenceItem::jurisdiction))
            .map(l -> view(l, today))
            .toList());
  }

  /** Adds the licence or replaces the one of its jurisdiction. */
  public MyLicence put(Caller user, LicenceRequest request, Instant now) {
    LicenceItem licence = valid(request, now);
    for (int attempt = 1; ; attempt++) {
      Optional<StoredItem<LicenceItem>> current = licences.get(user, licence.jurisdiction());
      try {
        licences.put(user, licence, current.map(StoredItem::version).orElse(0L));
        return view(licence, today(now));
      } catch (VersionConflictException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** Removes the licence of {@code jurisdiction} (404 when none stands); the ones left. */
  public LicenceList delete(Caller user, String jurisdiction, Instant now) {
    for (int attempt = 1; ; attempt++) {
      StoredItem<LicenceItem> current =
          licences
              .get(user, jurisdiction)
              .filter(l -> !l.record().removed())
              .orElseThrow(() -> ApiProblem.notFound("You hold no licence there."));
      LicenceItem l = current.record();
      try {
        licences.put(
            user,
            new LicenceItem(
                l.jurisdiction(), l.number(), l.expiresOn(), now.toString(), now.toString()),
            current.version());
        return list(user, now);
      } catch (VersionConflictException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** Every field checked at once: 400 naming each wrong one, never echoing what was sent. */
  private static LicenceItem valid(LicenceRequest request, Instant now) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    if (!Jurisdictions.valid(request.jurisdiction())) {
      errors.add(
          new ApiProblem.FieldError(
              "/jurisdiction",
              "required: an ISO 3166-1 alpha-2 country (ES) or a 3166-2 subdivision (US-CA)"));
    }
    String number = request.number() == null ? "" : request.number().strip();
    if (number.isEmpty()
        || number.length() > MAX_NUMBER
        || number.codePoints().anyMatch(Character::isISOControl)) {
      errors.add(
          new ApiProblem.FieldError(
              "/number",
              "required: a text of 1 to " + MAX_NUMBER + " characters without control characters"));
    }
    if (expiry(request.expiresOn()).isEmpty()) {
      errors.add(new ApiProblem.FieldError("/expiresOn", "required: a date (YYYY-MM-DD)"));
    }
    if (!errors.isEmpty()) {
      throw new ApiProblem(
          400, ProblemTypes.INVALID_REQUEST, "Bad Request", "The licence is not valid.", errors);
    }
    return new LicenceItem(
        request.jurisdiction(), number, request.expiresOn(), now.toString(), null);
  }

  private static Optional<LocalDate> expiry(String text) {
    if (text == null || !ISO_DATE.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static LocalDate today(Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC);
  }

  private static MyLicence view(LicenceItem l, LocalDate today) {
    return new MyLicence(
        l.jurisdiction(),
        l.number(),
        l.expiresOn(),
        LocalDate.parse(l.expiresOn()).isBefore(today));
  }
}
