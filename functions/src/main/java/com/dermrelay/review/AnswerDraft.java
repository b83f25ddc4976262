package com.dermrelay.review;

import com.dermrelay.cases.AnswerContent;

/**
 * A dermatologist's unsent answer to a case ({@code ANSWER_DRAFT#<sub>}), so the workbench keeps
 * work across reloads; versioned like every changing item.
 *
 * @param version the version read (0 before the first save); a save is conditioned on it
 */
public record AnswerDraft(long version, AnswerContent answer, String savedAt) {

  /** saveAnswerDraft's body. */
  public record Save(Long version, AnswerContent answer) {}

  record Stored(AnswerContent answer, String savedAt) {}
}
