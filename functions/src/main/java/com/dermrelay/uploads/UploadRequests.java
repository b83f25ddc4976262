package com.dermrelay.uploads;

import com.dermrelay.cases.DermoscopyFacts;
import java.util.List;
import java.util.Map;

/** Bodies and answers of requestPhotoUploads and confirmPhoto. */
public final class UploadRequests {
  private UploadRequests() {}

  /** The photos the patient is about to upload, one per view. */
  public record Request(List<Wanted> photos) {}

  /**
   * One photo to upload; {@code dermoscopy}, only with the view {@code dermoscopic}, says how it is
   * taken (any of its facts may be left out when not known).
   */
  public record Wanted(
      String view, String contentType, Long sizeBytes, DermoscopyFacts dermoscopy) {
    public Wanted(String view, String contentType, Long sizeBytes) {
      this(view, contentType, sizeBytes, null);
    }
  }

  /** Where and how to PUT one photo: exactly these headers, before {@code expiresAt}. */
  public record Slot(
      String photoId,
      String view,
      String method,
      String url,
      Map<String, String> headers,
      String expiresAt) {}

  public record Slots(String caseId, long version, List<Slot> uploads) {}

  /** Confirms an upload; {@code keep} keeps a photo with advice as it is. */
  public record Confirm(Boolean keep) {}
}
