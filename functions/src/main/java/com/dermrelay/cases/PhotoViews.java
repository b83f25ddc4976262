package com.dermrelay.cases;

import com.dermrelay.imaging.PhotoView;
import com.dermrelay.imaging.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The views a case has photos of, as the API names them, and which count for submission. */
public final class PhotoViews {
  public static final List<String> REQUIRED = List.of("close_up", "context");

  /** Through a dermatoscope: the view whose photo carries {@link DermoscopyFacts}. */
  public static final String DERMOSCOPIC = "dermoscopic";

  private PhotoViews() {}

  public static String name(PhotoView view) {
    return view.name().toLowerCase(Locale.ROOT);
  }

  public static Optional<PhotoView> parse(String name) {
    for (PhotoView view : PhotoView.values()) {
      if (name(view).equals(name)) {
        return Optional.of(view);
      }
    }
    return Optional.empty();
  }

  /** Checked and passed, or checked with advice that the patient chose to keep anyway. */
  public static boolean usable(CaseRecord.PhotoRecord photo) {
    if (!"CHECKED".equals(photo.status())) {
      return false;
    }
    return Verdict.ACCEPTED.name().equals(photo.verdict()) || photo.kept();
  }
}
