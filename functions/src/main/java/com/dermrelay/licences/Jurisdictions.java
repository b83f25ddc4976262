package com.dermrelay.licences;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a licence (or a patient) is: an ISO 3166-1 alpha-2 country ({@code ES}) or an ISO 3166-2
 * subdivision of one ({@code US-CA}). Countries are checked against the JDK's ISO list; a
 * subdivision's own code is checked for its ISO shape only (1-3 letters or digits), as the JDK
 * ships no list of them.
 */
public final class Jurisdictions {
  /** The shape the contract states for a jurisdiction (also its path parameter's pattern). */
  public static final Pattern SHAPE = Pattern.compile("^[A-Z]{2}(-[A-Z0-9]{1,3})?$");

  private static final Set<String> COUNTRIES =
      Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

  private Jurisdictions() {}

  public static boolean valid(String jurisdiction) {
    return jurisdiction != null
        && SHAPE.matcher(jurisdiction).matches()
        && COUNTRIES.contains(jurisdiction.substring(0, 2));
  }

  /** The country of a jurisdiction: {@code US} for {@code US-CA}. */
  public static String country(String jurisdiction) {
    return jurisdiction.substring(0, 2);
  }
}
