package com.dermrelay.cases;

/**
 * The dermatologist's question to the patient ({@code QUESTION#<round>}, written once).
 *
 * @param round the round the question opens: the patient's reply and new photos belong to it
 *     (stored from 0; {@link #shown()} as the API counts, from 1)
 */
public record InfoQuestion(
    int round, String question, String dermatologistId, String dermatologistName, String askedAt) {

  /** The same question with its round as the API shows it; never stored. */
  public InfoQuestion shown() {
    return new InfoQuestion(
        Rounds.shown(round), question, dermatologistId, dermatologistName, askedAt);
  }

  /** requestMoreInfo's body. */
  public record Ask(String question) {}
}
