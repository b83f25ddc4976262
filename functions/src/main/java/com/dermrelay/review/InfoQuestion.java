package com.dermrelay.review;

/**
 * The dermatologist's question to the patient ({@code QUESTION#<round>}, written once).
 *
 * @param round the round the question opens: the patient's reply and new photos belong to it
 */
public record InfoQuestion(int round, String question, String dermatologistId,
    String dermatologistName, String askedAt) {

  /** requestMoreInfo's body. */
  public record Ask(String question) {}
}
