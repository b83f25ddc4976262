package com.dermrelay.cases;

import java.util.List;

/**
 * A sent answer as stored ({@code ANSWER#<round>}), and as answerCase answers it ({@link
 * #shown()}). {@code content} is the answer as first sent and is never changed; an amendment
 * (quality programme: after a second read found it less urgent than it should be) is appended to
 * {@code amendments} with one conditional write on the item's version, and the last one is the
 * answer the patient reads now ({@link #current()}).
 *
 * @param round the case's round it answers: stored from 0 (the intake), shown from 1 ({@link
 *     Rounds})
 * @param dermatologistName the name the patient sees (the token's name claim)
 * @param followUpAt when follow-up photos are due (ISO-8601 instant), null for none
 * @param amendments the corrections after it was sent, oldest first; null when never amended
 */
public record CaseAnswer(
    int round,
    String dermatologistId,
    String dermatologistName,
    String answeredAt,
    String followUpAt,
    AnswerContent content,
    List<Amendment> amendments) {

  public CaseAnswer {
    amendments = amendments == null || amendments.isEmpty() ? null : List.copyOf(amendments);
  }

  /** An answer never amended. */
  public CaseAnswer(
      int round,
      String dermatologistId,
      String dermatologistName,
      String answeredAt,
      String followUpAt,
      AnswerContent content) {
    this(round, dermatologistId, dermatologistName, answeredAt, followUpAt, content, null);
  }

  /**
   * A corrected answer.
   *
   * @param version the answer's version it made current: 2 for the first amendment (1 is the answer
   *     as first sent)
   * @param amendedBy the subject of the dermatologist who wrote it
   * @param role why they could: {@code first-reader} or {@code medical-lead}
   * @param patientMessage why it changed, in plain words, shown to the patient above it
   * @param idempotencyKey the request's Idempotency-Key, if it sent one: a retry finds its own
   */
  public record Amendment(
      int version,
      String amendedAt,
      String amendedBy,
      String amendedByName,
      String role,
      String patientMessage,
      String idempotencyKey,
      String followUpAt,
      AnswerContent content) {}

  /** 1 as sent, one more per amendment. */
  public int version() {
    return amendments == null ? 1 : amendments.get(amendments.size() - 1).version();
  }

  /** The latest amendment, if any. */
  public java.util.Optional<Amendment> latestAmendment() {
    return amendments == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(amendments.get(amendments.size() - 1));
  }

  /** The answer the patient reads now: the latest amendment's, or the one first sent. */
  public AnswerContent current() {
    return latestAmendment().map(Amendment::content).orElse(content);
  }

  /** The follow-up date of the current answer. */
  public String currentFollowUpAt() {
    return latestAmendment().map(Amendment::followUpAt).orElse(followUpAt);
  }

  /** The same answer with {@code amendment} made current; the earlier ones kept. */
  public CaseAnswer amendedWith(Amendment amendment) {
    List<Amendment> all = new java.util.ArrayList<>(amendments == null ? List.of() : amendments);
    all.add(amendment);
    return new CaseAnswer(
        round, dermatologistId, dermatologistName, answeredAt, followUpAt, content, all);
  }

  /** The same answer with its round as the API shows it; never stored. */
  public CaseAnswer shown() {
    return new CaseAnswer(
        Rounds.shown(round),
        dermatologistId,
        dermatologistName,
        answeredAt,
        followUpAt,
        content,
        amendments);
  }
}
