package com.dermrelay.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.imaging.LabelledPhotoSet.Degradation;
import com.dermrelay.imaging.LabelledPhotoSet.Label;
import com.dermrelay.imaging.LabelledPhotoSet.Original;
import com.dermrelay.imaging.LabelledPhotoSet.Sample;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The photo check on real photographs (the labelled set, {@link LabelledPhotoSet}), photo by photo:
 * good ones are not asked for a retake, bad ones as taken are, and every good one spoiled clearly
 * in each way is asked for a retake for what was done to it. The shares over the whole set, milder
 * strengths included, are in docs/intake.md ({@link PhotoSetReport}).
 */
class LabelledPhotoSetTest {
  private static final PhotoInspector INSPECTOR = new PhotoInspector();

  /**
   * Good photos of subjects far darker than skin (a dark-green forest, moss from above): the
   * mean-brightness rule calls them too dark, as it must a dim photo, since it cannot tell a dark
   * subject from a dark exposure. Nothing else may ask for their retake.
   */
  private static final Set<String> DARK_SUBJECTS = Set.of("kde-path.jpg", "kde-one-stands-out.jpg");

  /**
   * Bad photos the check misses, with the warning it gives instead. The storm photo's lower half is
   * smeared by motion along the road, whose horizontal edges stay sharp and carry the score. The
   * forest made 15% pure white has its white in specks between the trunks, which the JPEG softens
   * to 8% clipped, while its mean (206) stays under "too bright".
   */
  private static final Map<String, FindingCode> MISSED_WITH_A_WARNING =
      Map.of(
          "mate-storm.jpg", FindingCode.SLIGHTLY_BLURRY,
          "kde-path.jpg blown-15", FindingCode.BRIGHT_PATCHES);

  /** The clear strength of each kind of fault, and the findings that name what was done. */
  private static final Map<String, Set<FindingCode>> CLEAR_FAULTS =
      Map.of(
          "blur-8px", Set.of(FindingCode.BLURRY),
          "under-3ev", Set.of(FindingCode.TOO_DARK),
          "blown-15", Set.of(FindingCode.BLOWN_HIGHLIGHTS, FindingCode.TOO_BRIGHT),
          "crushed-40", Set.of(FindingCode.CRUSHED_SHADOWS, FindingCode.TOO_DARK),
          "small-640px", Set.of(FindingCode.TOO_SMALL));

  static Stream<Original> goodPhotos() {
    return LabelledPhotoSet.originals().stream().filter(o -> o.label() == Label.GOOD);
  }

  static Stream<Original> photosBadAsTaken() {
    return LabelledPhotoSet.originals().stream()
        .filter(o -> o.label() != Label.GOOD && o.label() != Label.BORDERLINE);
  }

  static Stream<Sample> clearlySpoiledPhotos() {
    List<Degradation> clear =
        LabelledPhotoSet.DEGRADATIONS.stream()
            .filter(d -> CLEAR_FAULTS.containsKey(d.name()))
            .toList();
    assertEquals(
        CLEAR_FAULTS.size(), clear.size(), "every clear fault is one of the set's degradations");
    return clear.stream().flatMap(d -> goodPhotos().map(o -> new Sample(o, d)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goodPhotos")
  void aGoodPhotoIsNotAskedForARetake(Original photo) {
    PhotoCheck check = check(new Sample(photo, null));

    if (DARK_SUBJECTS.contains(photo.file())) {
      assertEquals(
          Set.of(FindingCode.TOO_DARK), retakeReasons(check), () -> describe(photo.file(), check));
    } else {
      assertTrue(
          check.verdict().compareTo(Verdict.RETAKE_ADVISED) < 0,
          () -> describe(photo.file(), check));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("photosBadAsTaken")
  void aPhotoBadAsTakenIsAskedForARetakeOrRefused(Original photo) {
    PhotoCheck check = check(new Sample(photo, null));

    FindingCode warning = MISSED_WITH_A_WARNING.get(photo.file());
    if (warning != null) {
      assertTrue(check.has(warning), () -> describe(photo.file(), check));
    } else {
      assertTrue(
          check.verdict().compareTo(Verdict.RETAKE_ADVISED) >= 0,
          () -> describe(photo.file(), check));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clearlySpoiledPhotos")
  void aClearlySpoiledPhotoIsAskedForARetakeForWhatWasDone(Sample photo) {
    PhotoCheck check = check(photo);

    FindingCode warning = MISSED_WITH_A_WARNING.get(photo.name());
    if (warning != null) {
      assertTrue(check.has(warning), () -> describe(photo.name(), check));
      return;
    }
    Set<FindingCode> reasons = CLEAR_FAULTS.get(photo.degradation().name());
    assertTrue(
        check.verdict().compareTo(Verdict.RETAKE_ADVISED) >= 0,
        () -> describe(photo.name(), check));
    assertTrue(
        check.findings().stream().anyMatch(f -> reasons.contains(f.code())),
        () -> "expected one of " + reasons + ": " + describe(photo.name(), check));
  }

  private static PhotoCheck check(Sample sample) {
    return INSPECTOR.inspect(sample.bytes(), PhotoView.CONTEXT);
  }

  private static Set<FindingCode> retakeReasons(PhotoCheck check) {
    return check.findings().stream()
        .filter(f -> f.verdict().compareTo(Verdict.RETAKE_ADVISED) >= 0)
        .map(Finding::code)
        .collect(Collectors.toSet());
  }

  private static String describe(String name, PhotoCheck check) {
    return name
        + ": "
        + check.verdict()
        + " "
        + check.findings().stream().map(f -> f.code().code()).toList()
        + " "
        + check.scores();
  }
}
