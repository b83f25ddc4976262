package com.dermrelay.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.testing.Photos;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * A dermoscopic photo is judged on the dermoscope's lit disc: its black surround is the lens, not
 * crushed shadows, darkness or bad framing; what is wrong inside the disc is still found. The
 * photos are skin with a pigmented lesion seen through a lens with a soft rim and a noisy black
 * surround ({@link Photos#throughDermoscope}), saved as a phone saves them.
 */
class DermoscopicCheckTest {
  private final PhotoInspector inspector = new PhotoInspector();

  /** Made once (a second of pixels); each test draws on its own copy. */
  private static final BufferedImage SKIN = Photos.dermoscopicSkin(1600, 1200, 1);

  private static BufferedImage skin() {
    return PhotoDegradations.bgrCopy(SKIN);
  }

  @Test
  void theRoundVignetteIsNeitherCrushedShadowsNorDarkNorFraming() {
    // A disc inscribed in a 4:3 frame leaves 41% of it black.
    byte[] photo = TestPhotos.jpeg(Photos.throughDermoscope(skin(), 600));

    PhotoCheck asDermoscopic = inspector.inspect(photo, PhotoView.DERMOSCOPIC);
    PhotoCheck asCloseUp = inspector.inspect(photo, PhotoView.CLOSE_UP);

    assertEquals(
        Verdict.ACCEPTED,
        asDermoscopic.verdict(),
        () -> asDermoscopic.findings() + " " + asDermoscopic.scores());
    assertTrue(
        asDermoscopic.scores().shadowClipped() < 0.01,
        () -> "inside the disc: " + asDermoscopic.scores());
    // The same picture called a clinical close-up: 41% of it black is a fault there.
    assertTrue(
        asCloseUp.has(FindingCode.CRUSHED_SHADOWS), () -> "close-up: " + asCloseUp.findings());
    assertEquals(Verdict.RETAKE_ADVISED, asCloseUp.verdict());
  }

  @Test
  void aFieldCutOffAtTopAndBottomIsStillJudgedOnTheDisc() {
    // Phone attachments often show a disc wider than the frame is tall.
    byte[] photo = TestPhotos.jpeg(Photos.throughDermoscope(skin(), 720));

    PhotoCheck check = inspector.inspect(photo, PhotoView.DERMOSCOPIC);

    assertEquals(Verdict.ACCEPTED, check.verdict(), () -> check.findings() + " " + check.scores());
  }

  @Test
  void aDiscInAPortraitPhotoTurnedByItsTagIsJudgedOnTheDisc() {
    // Stored sideways with an EXIF turn, as phones save portrait photos: the mask turns too.
    byte[] photo =
        Photos.withOrientation(
            TestPhotos.jpeg(Photos.throughDermoscope(Photos.dermoscopicSkin(1600, 1200, 2), 600)),
            6);

    PhotoCheck check = inspector.inspect(photo, PhotoView.DERMOSCOPIC);

    assertEquals(1200, check.width());
    assertEquals(Verdict.ACCEPTED, check.verdict(), () -> check.findings() + " " + check.scores());
  }

  @Test
  void blackInsideTheDiscIsStillCrushedShadows() {
    BufferedImage inside = skin();
    Graphics2D g = inside.createGraphics();
    g.setColor(Color.BLACK);
    g.fillRect(0, 360, 1600, 480); // a band through the middle: about half the disc lost to black
    g.dispose();
    byte[] photo = TestPhotos.jpeg(Photos.throughDermoscope(inside, 600));

    PhotoCheck check = inspector.inspect(photo, PhotoView.DERMOSCOPIC);

    assertTrue(
        check.has(FindingCode.CRUSHED_SHADOWS), () -> check.findings() + " " + check.scores());
    assertTrue(
        check.scores().shadowClipped() > 0.40 && check.scores().shadowClipped() < 0.60,
        () -> "the share inside the disc, not of the frame: " + check.scores());
    assertEquals(Verdict.RETAKE_ADVISED, check.verdict());
  }

  @Test
  void aBlurredDiscIsBlurryThoughItsRimIsSharp() {
    byte[] photo =
        TestPhotos.jpeg(Photos.throughDermoscope(PhotoDegradations.gaussianBlur(skin(), 9), 600));

    PhotoCheck check = inspector.inspect(photo, PhotoView.DERMOSCOPIC);

    assertTrue(check.has(FindingCode.BLURRY), () -> check.findings() + " " + check.scores());
  }

  @Test
  void aDarkDiscIsTooDark() {
    byte[] photo =
        TestPhotos.jpeg(Photos.throughDermoscope(PhotoDegradations.exposure(skin(), -2.5), 600));

    PhotoCheck check = inspector.inspect(photo, PhotoView.DERMOSCOPIC);

    assertTrue(
        check.has(FindingCode.TOO_DARK) || check.has(FindingCode.DARK),
        () -> check.findings() + " " + check.scores());
  }

  @Test
  void aDermoscopicPhotoFillingTheFrameIsJudgedWhole() {
    PhotoCheck check = inspector.inspect(TestPhotos.jpeg(skin()), PhotoView.DERMOSCOPIC);

    assertEquals(Verdict.ACCEPTED, check.verdict(), () -> check.findings() + " " + check.scores());
    assertFalse(check.has(FindingCode.OFF_CENTRE));
  }

  @Test
  void aSmallLitSpotInBlackIsNoFieldButDarkness() {
    // A disc a fifth of the frame's area is no dermoscope's field: the whole frame is judged.
    byte[] photo = TestPhotos.jpeg(Photos.throughDermoscope(skin(), 300));

    PhotoCheck check = inspector.inspect(photo, PhotoView.DERMOSCOPIC);

    assertTrue(
        check.has(FindingCode.TOO_DARK) || check.has(FindingCode.CRUSHED_SHADOWS),
        () -> check.findings() + " " + check.scores());
  }
}
