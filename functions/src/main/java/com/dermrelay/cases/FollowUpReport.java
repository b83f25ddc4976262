package com.dermrelay.cases;

import java.util.List;

/**
 * The patient's follow-up ({@code FOLLOWUP#<round>}, written once): how it is going and the photos
 * of the follow-up round. The workflow's Triage step reads it by {@code followUpId} (the case's
 * current round holds it).
 *
 * @param progress BETTER, SAME or WORSE
 */
public record FollowUpReport(
    String followUpId,
    int round,
    String progress,
    boolean newSymptoms,
    String notes,
    List<InfoReply.PhotoRef> photos,
    String sentAt) {
  public FollowUpReport {
    photos = photos == null ? List.of() : List.copyOf(photos);
  }

  /** The same follow-up with its round and photo keys as the API shows them; never stored. */
  public FollowUpReport shown() {
    return new FollowUpReport(
        followUpId,
        Rounds.shown(round),
        progress,
        newSymptoms,
        notes,
        InfoReply.PhotoRef.shown(photos),
        sentAt);
  }

  /** submitFollowUp's body. */
  public record Send(String progress, Boolean newSymptoms, String notes) {}
}
