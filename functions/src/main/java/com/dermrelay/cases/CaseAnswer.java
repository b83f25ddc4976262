package com.dermrelay.cases;

/**
 * A sent answer as stored ({@code ANSWER#<round>}, written once), and as answerCase answers it
 * ({@link #shown()}).
 *
 * @param round the case's round it answers: stored from 0 (the intake), shown from 1 ({@link
 *     Rounds})
 * @param dermatologistName the name the patient sees (the token's name claim)
 * @param followUpAt when follow-up photos are due (ISO-8601 instant), null for none
 */
public record CaseAnswer(
    int round,
    String dermatologistId,
    String dermatologistName,
    String answeredAt,
    String followUpAt,
    AnswerContent content) {

  /** The same answer with its round as the API shows it; never stored. */
  public CaseAnswer shown() {
    return new CaseAnswer(
        Rounds.shown(round), dermatologistId, dermatologistName, answeredAt, followUpAt, content);
  }
}
