package com.dermrelay.cases;

/**
 * One numbering of a case's rounds for everyone who sees one: the API, the portals and the FHIR
 * records count from 1. Round 1 is the intake and the answer to it; a question's reply or a
 * follow-up opens the next round, and an answer carries the round it answers. The case item, the
 * exchange keys ({@code ANSWER#000}) and the photo keys ({@code close_up@1}) count from 0, as they
 * were always stored: convert here, at the edge, and nowhere else.
 */
public final class Rounds {
  private Rounds() {}

  /** The round as shown, from a stored (0-based) one. */
  public static int shown(int stored) {
    return stored + 1;
  }

  /** The stored (0-based) round of a shown one. */
  public static int stored(int shown) {
    return shown - 1;
  }

  /**
   * A photo key as shown: a later round's {@code <view>@<round>} with the round as shown (stored
   * {@code close_up@1} is {@code close_up@2}); the intake's keys are the bare view.
   */
  public static String shownPhotoKey(String storedKey) {
    int at = storedKey.indexOf('@');
    if (at < 0) {
      return storedKey;
    }
    return storedKey.substring(0, at + 1) + shown(Integer.parseInt(storedKey.substring(at + 1)));
  }
}
