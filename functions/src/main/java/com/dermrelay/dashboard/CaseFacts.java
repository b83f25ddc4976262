package com.dermrelay.dashboard;

import com.dermrelay.cases.CaseRecord;
import java.time.Instant;
import java.util.Optional;

/**
 * What the dashboard needs of one case, and nothing of its health content: its status and when it
 * was started, submitted and first answered. (Photo checks are counted apart, in {@link
 * PhotoCheckCounts}.)
 */
public record CaseFacts(
    String status, Instant createdAt, Optional<Instant> submittedAt, Optional<Instant> answeredAt) {
  public static CaseFacts of(CaseRecord record) {
    Optional<Instant> answered =
        record.timeline().stream()
            .filter(e -> "answered".equals(e.event()))
            .map(e -> Instant.parse(e.at()))
            .findFirst();
    return new CaseFacts(
        record.status(),
        Instant.parse(record.createdAt()),
        Optional.ofNullable(record.submittedAt()).map(Instant::parse),
        answered);
  }
}
