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
    assertEquals(
        PhotoLimits.defaults(), PhotoLimits.fromEnvironment(Map.of("AWS_REGION", "eu-west-2")));
  }

  @Test
  void aDeploymentCanBeStricterAboutBlurAndResolution() {
    byte[] photo = TestPhotos.jpeg(TestPhotos.sharp(1600, 1200));
    PhotoLimits strict =
        PhotoLimits.fromEnvironment(
            Map.of(
                "DERMRELAY_PHOTO_BLUR_RETAKE_BELOW", "1000000",
                "DERMRELAY_PHOTO_BLUR_WARN_BELOW", "1000000",
                "DERMRELAY_PHOTO_CLOSE_UP_MIN_SHORT_SIDE", "1500",
                "DERMRELAY_PHOTO_DUPLICATE_MAX_DISTANCE", "4"));

    PhotoCheck usual = new PhotoInspector().inspect(photo, PhotoView.CLOSE_UP);
    PhotoCheck strictCheck = new PhotoInspector(strict).inspect(photo, PhotoView.CLOSE_UP);

    assertEquals(Verdict.ACCEPTED, usual.verdict(), () -> "findings: " + usual.findings());
    assertTrue(strictCheck.has(FindingCode.BLURRY), () -> "findings: " + strictCheck.findings());
    assertTrue(
        strictCheck.has(FindingCode.LOW_RESOLUTION), () -> "findings: " + strictCheck.findings());
    assertEquals(4, strict.quality().duplicateMaxDistance());
    assertEquals(
        PhotoLimits.defaults().maxBytes(), strict.maxBytes(), "hard limits are not overridable");
  }

  @Test
  void aDeploymentCanTolerateLargerClippedAreas() {
    java.awt.image.BufferedImage image = TestPhotos.sharp(1600, 1200);
    java.awt.Graphics2D g = image.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, 1600, 240); // 20% blown out
    g.setColor(java.awt.Color.BLACK);
    g.fillRect(0, 960, 1600, 240); // and 20% black
    g.dispose();
    byte[] photo = TestPhotos.jpeg(image);
    PhotoLimits tolerant =
        PhotoLimits.fromEnvironment(
            Map.of(
                "DERMRELAY_PHOTO_HIGHLIGHT_RETAKE_SHARE", "0.3",
                "DERMRELAY_PHOTO_SHADOW_WARN_SHARE", "0.1",
                "DERMRELAY_PHOTO_SHADOW_RETAKE_SHARE", "0.15"));

    PhotoCheck usual = new PhotoInspector().inspect(photo, PhotoView.CONTEXT);
    PhotoCheck tolerantCheck = new PhotoInspector(tolerant).inspect(photo, PhotoView.CONTEXT);

    assertTrue(usual.has(FindingCode.BLOWN_HIGHLIGHTS), () -> "findings: " + usual.findings());
    assertFalse(usual.has(FindingCode.CRUSHED_SHADOWS), () -> "findings: " + usual.findings());
    assertTrue(
        tolerantCheck.has(FindingCode.BRIGHT_PATCHES),
        () -> "findings: " + tolerantCheck.findings());
    assertFalse(
        tolerantCheck.has(FindingCode.BLOWN_HIGHLIGHTS),
        () -> "findings: " + tolerantCheck.findings());
    assertTrue(
        tolerantCheck.has(FindingCode.CRUSHED_SHADOWS),
        () -> "findings: " + tolerantCheck.findings());
  }

  @Test
  void aBadValueStopsTheDeploymentAndNamesTheVariable() {
    IllegalArgumentException notNumber =
        assertThrows(
            IllegalArgumentException.class,
            () -> PhotoLimits.fromEnvironment(Map.of("DERMRELAY_PHOTO_TOO_DARK_BELOW", "dark")));
    assertTrue(notNumber.getMessage().contains("DERMRELAY_PHOTO_TOO_DARK_BELOW"));
    assertThrows(
        IllegalArgumentException.class,
        () -> PhotoLimits.fromEnvironment(Map.of("DERMRELAY_PHOTO_MIN_SHORT_SIDE", "-1")));
    IllegalArgumentException contradiction =
        assertThrows(
            IllegalArgumentException.class,
            () -> PhotoLimits.fromEnvironment(Map.of("DERMRELAY_PHOTO_BLUR_RETAKE_BELOW", "100")));
    assertFalse(contradiction.getMessage().isBlank());
    assertThrows(
        IllegalArgumentException.class,
        () -> PhotoLimits.fromEnvironment(Map.of("DERMRELAY_PHOTO_HIGHLIGHT_WARN_SHARE", "0.2")),
        "a share that only warns above the one that asks for a retake");
    assertThrows(
        IllegalArgumentException.class,
        () -> PhotoLimits.fromEnvironment(Map.of("DERMRELAY_PHOTO_SHADOW_RETAKE_SHARE", "0.2")));
  }
}
