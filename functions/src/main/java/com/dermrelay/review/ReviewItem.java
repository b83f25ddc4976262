package com.dermrelay.review;

import java.util.Objects;

/**
 * The workflow's side of one case: what the case waits for, the task token that ends the wait, its
 * place on the clinic's worklist and who holds the claim. One item per case next to the case itself
 * ({@code TENANT#<id>#CASE#<caseId>} / {@code REVIEW}), so the workflow never races the patient's
 * writes to the case document. See {@link ReviewStore} for the indexes.
 *
 * @param waitingFor what the case's execution waits for now
 * @param taskToken the current wait's token (each entry into a waiting state issues a new one; an
 *     older token answers TaskTimedOut), null when nothing waits
 * @param priority {@code URGENT}, {@code SOON}, {@code ROUTINE}; null before triage
 * @param dueAt when the review is due (ISO-8601 instant), null before triage
 * @param claimedBy the dermatologist (subject) holding the claim, null when unclaimed
 * @param claimedUntil when the claim's lease ends (epoch seconds); an expired lease is no claim
 * @param preferredDermatologistId who the case goes back to first (asked a question, answered
 *     before a follow-up), null otherwise
 */
public record ReviewItem(
    String caseId,
    String patientSubject,
    Wait waitingFor,
    String taskToken,
    String priority,
    String dueAt,
    String claimedBy,
    long claimedUntil,
    String preferredDermatologistId) {

  /** What the execution waits for. */
  public enum Wait {
    NONE,
    PHOTO_CHECKS,
    REVIEW,
    INFO_REPLY,
    FOLLOW_UP
  }

  public ReviewItem {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(patientSubject, "patientSubject");
    Objects.requireNonNull(waitingFor, "waitingFor");
  }

  /** A new item for a submitted case, waiting for nothing yet. */
  public static ReviewItem forCase(String caseId, String patientSubject) {
    return new ReviewItem(caseId, patientSubject, Wait.NONE, null, null, null, null, 0, null);
  }

  /** Whether {@code subject} holds an unexpired claim at {@code nowEpochSecond}. */
  public boolean claimedBy(String subject, long nowEpochSecond) {
    return subject.equals(claimedBy) && claimedUntil > nowEpochSecond;
  }

  /** Whether anyone holds an unexpired claim at {@code nowEpochSecond}. */
  public boolean claimed(long nowEpochSecond) {
    return claimedBy != null && claimedUntil > nowEpochSecond;
  }

  /** The execution now waits for {@code wait} with {@code token}. */
  public ReviewItem waiting(Wait wait, String token) {
    return new ReviewItem(
        caseId,
        patientSubject,
        wait,
        token,
        priority,
        dueAt,
        claimedBy,
        claimedUntil,
        preferredDermatologistId);
  }

  /** Queued for review with this priority and due time (the claim, if any, is kept). */
  public ReviewItem queued(String token, String newPriority, String newDueAt, String preferred) {
    return new ReviewItem(
        caseId,
        patientSubject,
        Wait.REVIEW,
        token,
        newPriority,
        newDueAt,
        claimedBy,
        claimedUntil,
        preferred);
  }

  public ReviewItem withClaim(String subject, long untilEpochSecond) {
    return new ReviewItem(
        caseId,
        patientSubject,
        waitingFor,
        taskToken,
        priority,
        dueAt,
        subject,
        untilEpochSecond,
        preferredDermatologistId);
  }

  public ReviewItem withoutClaim() {
    return new ReviewItem(
        caseId,
        patientSubject,
        waitingFor,
        taskToken,
        priority,
        dueAt,
        null,
        0,
        preferredDermatologistId);
  }
}
