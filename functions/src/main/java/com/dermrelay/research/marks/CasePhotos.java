package com.dermrelay.research.marks;

import com.dermrelay.cases.CaseRecord;
import java.util.Optional;

/** Finds a checked photo of a case by id, in any round. */
final class CasePhotos {
  private CasePhotos() {}

  static Optional<CaseRecord.PhotoRecord> checked(CaseRecord record, String photoId) {
    return record.photos().values().stream()
        .filter(p -> photoId.equals(p.photoId()) && "CHECKED".equals(p.status()))
        .findFirst();
  }
}
