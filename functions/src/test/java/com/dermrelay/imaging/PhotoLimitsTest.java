package com.dermrelay.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PhotoLimitsTest {

  @Test
  void withoutOverridesADeploymentGetsTheDefaults() {
    assertEquals(PhotoLimits.defaults(), PhotoLimits.fromEnvironment(Map.of("AWS_REGION", "eu-west-2")));
  }

  @Test
  void aDeploymentCanBeStricterAboutBlurAndResolution() {
    byte[] photo = TestPhotos.jpeg(TestPhotos.sharp(1600, 1200));
    PhotoLimits strict = PhotoLimits.fromEnvironment(Map.of(
        "DERMRELAY_PHOTO_BLUR_RETAKE_BELOW", "1000000",
        "DERMRELAY_PHOTO_BLUR_WARN_BELOW", "1000000",
        "DERMRELAY_PHOTO_CLOSE_UP_MIN_SHORT_SIDE", "1500",
        "DERMRELAY_PHOTO_DUPLICATE_MAX_DISTANCE", "4"));

    PhotoCheck usual = new PhotoInspector().inspect(photo, PhotoView.CLOSE_UP);
    PhotoCheck strictCheck = new PhotoInspector(strict).inspect(photo, PhotoView.CLOSE_UP);

    assertEquals(Verdict.ACCEPTED, usual.verdict(), () -> "findings: " + usual.findings());
    assertTrue(strictCheck.has(FindingCode.BLURRY), () -> "findings: " + strictCheck.findings());
    assertTrue(strictCheck.has(FindingCode.LOW_RESOLUTION), () -> "findings: " + strictCheck.findings());
    assertEquals(4, strict.quality().duplicateMaxDistance());
    assertEquals(PhotoLimits.defaults().maxBytes(), strict.maxBytes(), "hard limits are not overridable");
  }

  @Test
  void aBadValueStopsTheDeploymentAndNamesTheVariable() {
    IllegalArgumentException notNumber = assertThrows(IllegalArgumentException.class,
        () -> PhotoLimits.fromEnvironment(Map.of("DERMRELAY_PHOTO_TOO_DARK_BELOW", "dark")));
    assertTrue(notNumber.getMessage().contains("DERMRELAY_PHOTO_TOO_DARK_BELOW"));
    assertThrows(IllegalArgumentException.class,
        () -> PhotoLimits.fromEnvironment(Map.of("DERMRELAY_PHOTO_MIN_SHORT_SIDE", "-1")));
    IllegalArgumentException contradiction = assertThrows(IllegalArgumentException.class,
        () -> PhotoLimits.fromEnvironment(Map.of("DERMRELAY_PHOTO_BLUR_RETAKE_BELOW", "100")));
    assertFalse(contradiction.getMessage().isBlank());
  }
}
