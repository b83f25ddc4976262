package com.dermrelay.uploads;

import com.dermrelay.cases.CaseRecord;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import java.util.Set;

/**
 * When a case takes photos, and under which key of {@link CaseRecord#photos} they go: a draft's
 * under the view (round 0); after submission only while the clinic waits for the patient (a
 * question asked, a follow-up due), under {@code <view>@<round>} so earlier photos stay as they
 * were seen.
 */
final class PhotoRounds {
  /** Statuses after submission in which the patient is asked for photos. */
  static final Set<String> WAITING_FOR_PHOTOS =
      Set.of(CaseRecord.MORE_INFO_REQUESTED, CaseRecord.FOLLOW_UP_DUE);

  private PhotoRounds() {}

  /** The case's current round, or the 409 to throw when it takes no photos now. */
  static int openRound(CaseRecord c) {
    if (c.isDraft() || WAITING_FOR_PHOTOS.contains(c.status())) {
      return c.round();
    }
    throw new ApiProblem(
        409,
        ProblemTypes.CONFLICT,
        "Conflict",
        "The case is not waiting for photos; its photos cannot change now.");
  }
}
