package com.dermrelay.review.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dermrelay.review.ReviewItem;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The due time a clinic sees on the worklist, and that the SLA reminders and breaches are judged
 * against, is set once per wait: a reminder re-queues the case without moving it.
 */
class QueueForReviewDueTest {
  private static final Instant NOW = Instant.parse("2026-12-07T10:15:30.250Z");

  @Test
  void aNewWaitIsDueItsTimeFromNowInWholeSeconds() {
    ReviewItem submitted = ReviewItem.forCase("c1", "patient-1");
    assertEquals("2026-12-12T10:15:30Z", QueueForReview.dueAt(submitted, NOW, 5 * 24 * 3600));
  }

  @Test
  void aCaseReQueuedAfterAReminderKeepsTheDueTimeTheEscalationWrote() {
    // Escalate cleared the token and left the due time; the step then ran 7 s later than the
    // escalation computed its plan (a busy machine, a retry): the due time must not follow it.
    ReviewItem reminded =
        ReviewItem.forCase("c1", "patient-1")
            .queued("token-1", "ROUTINE", "2026-12-07T10:16:00Z", null)
            .waiting(ReviewItem.Wait.REVIEW, null);
    assertEquals("2026-12-07T10:16:00Z", QueueForReview.dueAt(reminded, NOW.plusSeconds(7), 29));
  }

  @Test
  void aCaseReturningFromThePatientsReplyGetsAFreshDueTime() {
    ReviewItem replied =
        ReviewItem.forCase("c1", "patient-1")
            .queued("token-1", "ROUTINE", "2026-12-01T00:00:00Z", null)
            .waiting(ReviewItem.Wait.INFO_REPLY, "token-2");
    assertEquals("2026-12-07T10:16:30Z", QueueForReview.dueAt(replied, NOW, 60));
  }
}
