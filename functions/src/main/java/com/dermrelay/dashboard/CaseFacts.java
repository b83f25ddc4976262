package com.dermrelay.dashboard;

import com.dermrelay.intake.CaseRecord;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the dashboard needs of one case, and nothing of its health content: its status, when it
 * was started, submitted and first answered, and whether a photo of its intake needed a retake.
 *
 * <p>A photo <em>needed a retake</em> when, for one view of the intake (round 0):
 * <ul>
 *   <li>the patient asked for a new upload of the view after a checked or refused photo of it
 *       (timeline {@code photo requested: <view>} after {@code photo checked|rejected: <view>}): a
 *       replacement. The case keeps only the last photo per view, so the replaced photo's verdict
 *       is gone; a replacement of a photo that passed counts too (rare: the patient portal offers
 *       "retake" with the advice), which makes the share an upper bound; or
 *   <li>the photo kept is one the check advised against ({@code ACCEPTED_WITH_WARNINGS} or
 *       {@code RETAKE_ADVISED}) and the patient chose "keep anyway" ({@code kept}).
 * </ul>
 */
public record CaseFacts(String status, Instant createdAt, Optional<Instant> submittedAt,
    Optional<Instant> answeredAt, boolean photoNeededRetake) {
  private static final String REQUESTED = "photo requested: ";
  private static final String CHECKED = "photo checked: ";
  private static final String REJECTED = "photo rejected: ";
  private static final Set<String> ADVISED_AGAINST = Set.of("ACCEPTED_WITH_WARNINGS", "RETAKE_ADVISED");

  public static CaseFacts of(CaseRecord record) {
    Optional<Instant> answered = record.timeline().stream()
        .filter(e -> "answered".equals(e.event())).map(e -> Instant.parse(e.at())).findFirst();
    return new CaseFacts(record.status(), Instant.parse(record.createdAt()),
        Optional.ofNullable(record.submittedAt()).map(Instant::parse), answered, neededRetake(record));
  }

  static boolean neededRetake(CaseRecord record) {
    boolean keptAgainstAdvice = record.photos().entrySet().stream()
        .filter(e -> !e.getKey().contains("@"))
        .anyMatch(e -> e.getValue().kept() && ADVISED_AGAINST.contains(e.getValue().verdict()));
    if (keptAgainstAdvice) {
      return true;
    }
    Set<String> outcomeSeen = new HashSet<>();
    for (CaseRecord.TimelineEntry entry : record.timeline()) {
      String event = entry.event() == null ? "" : entry.event();
      if (event.startsWith(CHECKED)) {
        outcomeSeen.add(event.substring(CHECKED.length()));
      } else if (event.startsWith(REJECTED)) {
        outcomeSeen.add(event.substring(REJECTED.length()));
      } else if (event.startsWith(REQUESTED) && outcomeSeen.contains(event.substring(REQUESTED.length()))) {
        return true;
      }
    }
    return false;
  }
}
