package com.dermrelay.quality;

import java.util.List;

/**
 * One answered round's second-read decision and, when it was sampled, its second read: {@code
 * TENANT#<id>#CASE#<caseId>} / {@code SECOND_READ#<round>} ({@link SecondReadStore}). Written once,
 * with a put-if-absent, when the answer is delivered, so the random draw and the reasons are kept
 * and a retried step decides the same way. Its life when sampled: PENDING (its workflow starting)
 * -> OPEN (offered to the clinic's other dermatologists, the workflow waiting with the task token)
 * -> EXPIRED (nobody read it in time) or FAILED (its workflow failed). NOT_SAMPLED: the decision
 * was no.
 *
 * @param round the answer round as the patient sees it (1-based, {@code cases.Rounds.shown})
 * @param draw the round's uniform random draw in [0, 1)
 * @param reasons why the round is read twice ({@link SecondReadSampling.Reason} names); never shown
 *     to the second reader
 * @param firstReaderId the subject of the dermatologist who answered: never offered the round
 * @param secondRead the second reader's read; null until READ
 * @param comparison the two reads compared; null until COMPARED
 * @param resolution how a flagged round was dealt with (amended, or reviewed with no change); null
 *     while the flag is open, and for a round never flagged
 */
public record SecondRead(
    String caseId,
    int round,
    String status,
    double draw,
    List<String> reasons,
    String firstReaderId,
    String decidedAt,
    String taskToken,
    String offeredAt,
    String endedAt,
    Read secondRead,
    Comparison comparison,
    Resolution resolution) {

  public static final String NOT_SAMPLED = "NOT_SAMPLED";
  public static final String PENDING = "PENDING";
  public static final String OPEN = "OPEN";
  public static final String READ = "READ";
  public static final String COMPARED = "COMPARED";
  public static final String EXPIRED = "EXPIRED";
  public static final String FAILED = "FAILED";

  public SecondRead {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }

  /** The round as first written, before any flag. */
  public SecondRead(
      String caseId,
      int round,
      String status,
      double draw,
      List<String> reasons,
      String firstReaderId,
      String decidedAt,
      String taskToken,
      String offeredAt,
      String endedAt,
      Read secondRead,
      Comparison comparison) {
    this(
        caseId,
        round,
        status,
        draw,
        reasons,
        firstReaderId,
        decidedAt,
        taskToken,
        offeredAt,
        endedAt,
        secondRead,
        comparison,
        null);
  }

  /** A flag's outcome: {@link #AMENDED} or {@link #NO_CHANGE}. */
  public static final String AMENDED = "AMENDED";

  public static final String NO_CHANGE = "NO_CHANGE";

  /**
   * How a flagged round was dealt with.
   *
   * @param outcome {@link #AMENDED} or {@link #NO_CHANGE}
   * @param role {@code first-reader} or {@code medical-lead}
   * @param reason why nothing changed (NO_CHANGE only), the lead's words
   * @param answerVersion the answer's version after it (1: never amended)
   */
  public record Resolution(
      String outcome,
      String resolvedBy,
      String resolvedByName,
      String role,
      String resolvedAt,
      String reason,
      int answerVersion) {}

  /** Flagged and not yet dealt with: on the clinic's flagged list. */
  public boolean flagOpen() {
    return flagged() && resolution == null;
  }

  public SecondRead resolved(Resolution result) {
    return new SecondRead(
        caseId,
        round,
        status,
        draw,
        reasons,
        firstReaderId,
        decidedAt,
        taskToken,
        offeredAt,
        endedAt,
        secondRead,
        comparison,
        result);
  }

  /**
   * A second reader's read.
   *
   * @param diagnosisCode a code of the diagnosis list
   * @param management a management category code (cases.ManagementCategory)
   */
  public record Read(String readerId, String diagnosisCode, String management, String readAt) {}

  /**
   * The first answer and the second read compared: diagnosis by group (DiagnosisGroups), management
   * by category.
   *
   * @param unsafe the first answer's management category is less urgent than the second read's
   */
  public record Comparison(
      String firstDiagnosisCode,
      String firstManagement,
      boolean diagnosisAgrees,
      boolean managementAgrees,
      boolean unsafe,
      String comparedAt) {}

  /** Compared, and the first answer was less urgent than the second read: the case is flagged. */
  public boolean flagged() {
    return COMPARED.equals(status) && comparison != null && comparison.unsafe();
  }

  public SecondRead compared(Comparison result) {
    return new SecondRead(
        caseId,
        round,
        COMPARED,
        draw,
        reasons,
        firstReaderId,
        decidedAt,
        null,
        offeredAt,
        result.comparedAt(),
        secondRead,
        result);
  }

  public boolean sampled() {
    return !NOT_SAMPLED.equals(status);
  }

  /** Waiting for a second reader, or about to be. */
  public boolean waiting() {
    return PENDING.equals(status) || OPEN.equals(status);
  }

  public SecondRead offered(String token, String at) {
    return new SecondRead(
        caseId,
        round,
        OPEN,
        draw,
        reasons,
        firstReaderId,
        decidedAt,
        token,
        at,
        endedAt,
        null,
        null);
  }

  /** Read by a second reader; the token stays until the workflow has taken the read. */
  public SecondRead readBy(Read read) {
    return new SecondRead(
        caseId,
        round,
        READ,
        draw,
        reasons,
        firstReaderId,
        decidedAt,
        taskToken,
        offeredAt,
        endedAt,
        read,
        null);
  }

  /** Ended unread: {@link #EXPIRED} or {@link #FAILED}; the token is of no further use. */
  public SecondRead ended(String endStatus, String at) {
    return new SecondRead(
        caseId,
        round,
        endStatus,
        draw,
        reasons,
        firstReaderId,
        decidedAt,
        null,
        offeredAt,
        at,
        secondRead,
        comparison);
  }
}
