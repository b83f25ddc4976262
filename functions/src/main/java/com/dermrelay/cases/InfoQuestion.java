package com.dermrelay.cases;

/**
 * The dermatologist's question to the patient ({@code QUESTION#<round>}, written once).
 *
 * @param round the round the question opens: the patient's reply and new photos belong to it
 *     (stored from 0; {@link #shown()} as the API counts, from 1)
 * @param newPhotos true when the dermatologist asks for new photos; absent otherwise
 */
public record InfoQuestion(
    int round,
    String question,
    String dermatologistId,
    String dermatologistName,
    String askedAt,
    Boolean newPhotos) {

  /** The same question with its round as the API shows it; never stored. */
  public InfoQuestion shown() {
    return new InfoQuestion(
        Rounds.shown(round), question, dermatologistId, dermatologistName, askedAt, newPhotos);
  }

  /**
   * Whether the dermatologist asked for the photos to be taken again (a retake requested by the
   * reader, counted for the quality figures); absent on questions asked before it could be said.
   */
  public boolean asksForNewPhotos() {
    return Boolean.TRUE.equals(newPhotos);
  }

  /** requestMoreInfo's body; {@code newPhotos} absent means false. */
  public record Ask(String question, Boolean newPhotos) {
    public boolean asksForNewPhotos() {
      return Boolean.TRUE.equals(newPhotos);
    }
  }
}
