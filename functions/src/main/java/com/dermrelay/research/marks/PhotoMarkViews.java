package com.dermrelay.research.marks;

import java.util.List;

/** What the photo-mark operations answer: marks without the marker's account id. */
public final class PhotoMarkViews {
  private PhotoMarkViews() {}

  /** One photo's mark as the workbench shows it. */
  public record Mark(String photoId, boolean faceFree, String markedByName, String markedAt) {
    static Mark of(PhotoMark mark) {
      return new Mark(mark.photoId(), mark.faceFree(), mark.markedByName(), mark.markedAt());
    }
  }

  /** listPhotoMarks: the case's marked photos (a photo without a mark is not face-free). */
  public record Marks(List<Mark> marks) {}

  /** setPhotoFaceFree's body. */
  public record Request(Boolean faceFree) {}
}
