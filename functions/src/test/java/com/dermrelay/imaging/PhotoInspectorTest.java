package com.dermrelay.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.testing.Photos;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PhotoInspectorTest {
  private final PhotoInspector inspector = new PhotoInspector();

  @Test
  void aSharpWellExposedJpegIsAcceptedAndCleaned() {
    PhotoCheck check =
        inspector.inspect(TestPhotos.jpeg(TestPhotos.sharp(1600, 1200)), PhotoView.CLOSE_UP);

    assertEquals(Verdict.ACCEPTED, check.verdict(), () -> "findings: " + check.findings());
    assertEquals(PhotoFormat.JPEG, check.format());
    assertEquals(1600, check.width());
    assertEquals(1200, check.height());
    assertEquals(List.of(), check.findings());
    BufferedImage clean = TestPhotos.decode(check.clean().jpeg());
    assertEquals(1600, clean.getWidth());
    assertEquals(1200, clean.getHeight());
  }

  @Test
  void theSameCheckerboardBlurredIsCalledBlurry() {
    PhotoCheck sharp =
        inspector.inspect(TestPhotos.jpeg(TestPhotos.sharp(1600, 1200)), PhotoView.CONTEXT);
    PhotoCheck blurred =
        inspector.inspect(TestPhotos.jpeg(Photos.blurred(1600, 1200)), PhotoView.CONTEXT);

    assertEquals(
        Verdict.RETAKE_ADVISED,
        blurred.verdict(),
        () -> "scores: " + blurred.scores() + " sharp: " + sharp.scores());
    assertTrue(blurred.has(FindingCode.BLURRY), () -> "findings: " + blurred.findings());
    assertTrue(sharp.scores().sharpness() > 10 * blurred.scores().sharpness());
    assertNotNull(blurred.clean(), "a retake is advised, but the patient may keep the photo");
  }

  @Test
  void aDarkPhotoIsTooDarkAndABrightOneTooBright() {
    PhotoCheck dark =
        inspector.inspect(
            TestPhotos.jpeg(Photos.checkerboard(1600, 1200, 16, 5, 60)), PhotoView.CONTEXT);
    PhotoCheck bright =
        inspector.inspect(
            TestPhotos.jpeg(Photos.checkerboard(1600, 1200, 16, 200, 255)), PhotoView.CONTEXT);
    PhotoCheck dim =
        inspector.inspect(
            TestPhotos.jpeg(Photos.checkerboard(1600, 1200, 16, 40, 110)), PhotoView.CONTEXT);

    assertTrue(dark.has(FindingCode.TOO_DARK), () -> "dark: " + dark.findings());
    assertEquals(Verdict.RETAKE_ADVISED, dark.verdict());
    assertTrue(bright.has(FindingCode.TOO_BRIGHT), () -> "bright: " + bright.findings());
    assertEquals(Verdict.RETAKE_ADVISED, bright.verdict());
    assertTrue(dim.has(FindingCode.DARK), () -> "dim: " + dim.findings());
    assertEquals(Verdict.ACCEPTED_WITH_WARNINGS, dim.verdict());
  }

  @Test
  void aSmallBlownOutPatchWarnsAndALargeOneAsksForARetake() {
    PhotoCheck patch =
        inspector.inspect(TestPhotos.jpeg(withStrip(Color.WHITE, 84)), PhotoView.CONTEXT);
    PhotoCheck blown =
        inspector.inspect(TestPhotos.jpeg(withStrip(Color.WHITE, 240)), PhotoView.CONTEXT);

    assertTrue(patch.has(FindingCode.BRIGHT_PATCHES), () -> "7% white: " + patch.findings());
    assertEquals(Verdict.ACCEPTED_WITH_WARNINGS, patch.verdict());
    assertTrue(blown.has(FindingCode.BLOWN_HIGHLIGHTS), () -> "20% white: " + blown.findings());
    assertFalse(blown.has(FindingCode.BRIGHT_PATCHES), "one piece of advice about the white part");
    assertFalse(
        blown.has(FindingCode.TOO_BRIGHT), () -> "the mean alone would pass: " + blown.scores());
    assertEquals(Verdict.RETAKE_ADVISED, blown.verdict());
  }

  @Test
  void aLargeBlackAreaAsksForARetakeThoughTheRestIsWellLit() {
    PhotoCheck shadow =
        inspector.inspect(TestPhotos.jpeg(withStrip(Color.BLACK, 336)), PhotoView.CONTEXT);
    PhotoCheck crushed =
        inspector.inspect(TestPhotos.jpeg(withStrip(Color.BLACK, 480)), PhotoView.CONTEXT);

    assertTrue(shadow.has(FindingCode.DARK_PATCHES), () -> "28% black: " + shadow.findings());
    assertEquals(Verdict.ACCEPTED_WITH_WARNINGS, shadow.verdict());
    assertTrue(crushed.has(FindingCode.CRUSHED_SHADOWS), () -> "40% black: " + crushed.findings());
    assertFalse(
        crushed.has(FindingCode.TOO_DARK), () -> "the mean alone would pass: " + crushed.scores());
    assertEquals(Verdict.RETAKE_ADVISED, crushed.verdict());
  }

  @Test
  void scatteredClippedPixelsCountAsMuchAsAPatch() {
    // One white pixel in five, spread evenly: every block of the grey copy stays grey, but a fifth
    // of the photo is blown all the same.
    BufferedImage image = TestPhotos.sharp(1600, 1200);
    for (int y = 0; y < 1200; y++) {
      for (int x = (y * 2) % 5; x < 1600; x += 5) {
        image.setRGB(x, y, 0xFFFFFF);
      }
    }
    PhotoCheck check = inspector.inspect(TestPhotos.png(image), PhotoView.CONTEXT);

    assertTrue(
        check.has(FindingCode.BLOWN_HIGHLIGHTS),
        () -> "findings: " + check.findings() + " " + check.scores());
  }

  /**
   * The sharp checkerboard with a strip of {@code colour} {@code height} px high across its top.
   */
  private static BufferedImage withStrip(Color colour, int height) {
    BufferedImage image = TestPhotos.sharp(1600, 1200);
    java.awt.Graphics2D g = image.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, 1600, height);
    g.dispose();
    return image;
  }

  @Test
  void aPngIsAcceptedAndStoredAsJpeg() {
    PhotoCheck check =
        inspector.inspect(TestPhotos.png(TestPhotos.sharp(1200, 1000)), PhotoView.CONTEXT);

    assertEquals(PhotoFormat.PNG, check.format());
    assertEquals(Verdict.ACCEPTED, check.verdict(), () -> "findings: " + check.findings());
    assertEquals(PhotoFormat.JPEG, PhotoFormat.sniff(check.clean().jpeg()));
  }

  @Test
  void aTransparentPngIsPutOnWhite() {
    BufferedImage argb = new BufferedImage(1000, 800, BufferedImage.TYPE_INT_ARGB);
    argb.createGraphics()
        .drawImage(TestPhotos.sharp(1000, 400), 0, 400, null); // top half transparent

    PhotoCheck check = inspector.inspect(TestPhotos.png(argb), PhotoView.CONTEXT);

    assertFalse(check.verdict() == Verdict.REJECTED, () -> "findings: " + check.findings());
    int topLeft = TestPhotos.decode(check.clean().jpeg()).getRGB(10, 10) & 0xFFFFFF;
    assertTrue(
        (topLeft & 0xFF) > 245 && ((topLeft >> 16) & 0xFF) > 245,
        "white, was " + Integer.toHexString(topLeft));
  }

  @Test
  void aSmallWebPIsReadByItsMagicBytes() {
    PhotoCheck check =
        inspector.inspect(WebPFixture.solid(1000, 800, 200, 150, 120), PhotoView.CONTEXT);

    assertEquals(PhotoFormat.WEBP, check.format());
    assertEquals(1000, check.width());
    assertEquals(800, check.height());
    assertFalse(check.verdict() == Verdict.REJECTED, () -> "findings: " + check.findings());
    // One flat colour has no detail at all: it decodes, and it is (rightly) called blurry.
    assertTrue(check.has(FindingCode.BLURRY));
    int rgb = TestPhotos.decode(check.clean().jpeg()).getRGB(500, 400);
    assertEquals(200, (rgb >> 16) & 0xFF, 3);
    assertEquals(150, (rgb >> 8) & 0xFF, 3);
    assertEquals(120, rgb & 0xFF, 3);
  }

  @Test
  void heicGetsItsOwnHelpfulRejection() {
    byte[] heic = new byte[64];
    System.arraycopy(
        new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'}, 0, heic, 0, 12);

    PhotoCheck check = inspector.inspect(heic, PhotoView.CLOSE_UP);

    assertEquals(Verdict.REJECTED, check.verdict());
    assertEquals(PhotoFormat.HEIC, check.format());
    assertEquals(List.of(Finding.of(FindingCode.HEIC_NOT_SUPPORTED)), check.findings());
    assertTrue(check.findings().get(0).advice().contains("Most Compatible"));
    assertNull(check.clean());
  }

  @Test
  void randomBytesAndOtherFormatsAreNotAPhoto() {
    byte[] random = new byte[4096];
    new Random(42).nextBytes(random);
    random[0] = 0; // not by chance a JPEG
    byte[] gif = "GIF89a.....".getBytes(StandardCharsets.US_ASCII);

    for (byte[] bytes : List.of(random, gif, new byte[0])) {
      PhotoCheck check = inspector.inspect(bytes, PhotoView.CONTEXT);
      assertEquals(Verdict.REJECTED, check.verdict());
      assertEquals(PhotoFormat.UNKNOWN, check.format());
      assertTrue(check.has(FindingCode.NOT_A_PHOTO));
    }
  }

  @Test
  void aTruncatedJpegIsDamagedNotHalfGrey() {
    byte[] whole = TestPhotos.jpeg(TestPhotos.sharp(1600, 1200));
    byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

    PhotoCheck check = inspector.inspect(truncated, PhotoView.CLOSE_UP);

    assertEquals(Verdict.REJECTED, check.verdict());
    assertTrue(check.has(FindingCode.DAMAGED), () -> "findings: " + check.findings());
    assertNull(check.clean());
  }

  @Test
  void aJpegCutInsideItsHeaderIsDamaged() {
    byte[] whole = TestPhotos.jpeg(TestPhotos.sharp(1600, 1200));

    PhotoCheck check = inspector.inspect(Arrays.copyOf(whole, 40), PhotoView.CLOSE_UP);

    assertTrue(check.has(FindingCode.DAMAGED), () -> "findings: " + check.findings());
  }

  @Test
  void decompressionBombsAreRefusedFromTheHeaderBeforeDecoding() {
    // 100,000 x 100,000 would need 30 GB decoded: refused without allocating it.
    PhotoCheck png =
        inspector.inspect(TestPhotos.pngHeaderClaiming(100_000, 100_000), PhotoView.CONTEXT);
    PhotoCheck jpeg =
        inspector.inspect(
            TestPhotos.jpegClaiming(TestPhotos.jpeg(TestPhotos.sharp(1600, 1200)), 60_000, 60_000),
            PhotoView.CONTEXT);

    for (PhotoCheck check : List.of(png, jpeg)) {
      assertEquals(Verdict.REJECTED, check.verdict());
      assertTrue(check.has(FindingCode.TOO_MANY_PIXELS), () -> "findings: " + check.findings());
    }
    assertEquals(100_000, png.width());
  }

  @Test
  void aTinyPhotoIsRejectedAndASmallCloseUpGetsARetakeAdvice() {
    PhotoCheck tiny =
        inspector.inspect(TestPhotos.jpeg(TestPhotos.sharp(400, 300)), PhotoView.CONTEXT);
    byte[] small = TestPhotos.jpeg(TestPhotos.sharp(960, 720));
    PhotoCheck smallCloseUp = inspector.inspect(small, PhotoView.CLOSE_UP);
    PhotoCheck smallContext = inspector.inspect(small, PhotoView.CONTEXT);

    assertEquals(Verdict.REJECTED, tiny.verdict());
    assertTrue(tiny.has(FindingCode.TOO_SMALL));
    assertEquals(Verdict.RETAKE_ADVISED, smallCloseUp.verdict());
    assertTrue(smallCloseUp.has(FindingCode.LOW_RESOLUTION));
    assertEquals(
        Verdict.ACCEPTED, smallContext.verdict(), () -> "findings: " + smallContext.findings());
  }

  @Test
  void aFileOverTheByteLimitIsRefusedBeforeAnythingElse() {
    PhotoLimits defaults = PhotoLimits.defaults();
    PhotoLimits tight =
        new PhotoLimits(
            10_000,
            defaults.maxPixels(),
            defaults.minLongSide(),
            defaults.minShortSide(),
            defaults.closeUpMinShortSide(),
            defaults.storedMaxPixels(),
            defaults.analysisLongSide(),
            defaults.jpegQuality(),
            defaults.thumbnailLongSide(),
            defaults.quality());

    PhotoCheck check =
        new PhotoInspector(tight)
            .inspect(TestPhotos.jpeg(TestPhotos.sharp(1600, 1200)), PhotoView.CONTEXT);

    assertEquals(Verdict.REJECTED, check.verdict());
    assertTrue(check.has(FindingCode.FILE_TOO_LARGE));
  }

  @Test
  void photosAboveTheStoredLimitAreKeptAtHalfSize() {
    PhotoLimits defaults = PhotoLimits.defaults();
    PhotoLimits lowStore =
        new PhotoLimits(
            defaults.maxBytes(),
            defaults.maxPixels(),
            defaults.minLongSide(),
            defaults.minShortSide(),
            defaults.closeUpMinShortSide(),
            1_000_000,
            defaults.analysisLongSide(),
            defaults.jpegQuality(),
            defaults.thumbnailLongSide(),
            defaults.quality());

    PhotoCheck check =
        new PhotoInspector(lowStore)
            .inspect(TestPhotos.jpeg(TestPhotos.sharp(1600, 1200)), PhotoView.CONTEXT);

    assertEquals(1600, check.width());
    assertEquals(800, check.clean().width());
    assertEquals(600, check.clean().height());
    assertEquals(800, TestPhotos.decode(check.clean().jpeg()).getWidth());
  }

  @Test
  void aCloseUpWithTheSubjectAtTheEdgeIsOffCentre() {
    // Detail only in the left 15% of the frame, plain elsewhere.
    BufferedImage image = TestPhotos.plainWithDetailAt(1600, 1200, 0, 0, 240, 1200);

    PhotoCheck closeUp = inspector.inspect(TestPhotos.jpeg(image), PhotoView.CLOSE_UP);
    PhotoCheck context = inspector.inspect(TestPhotos.jpeg(image), PhotoView.CONTEXT);

    assertTrue(closeUp.has(FindingCode.OFF_CENTRE), () -> "findings: " + closeUp.findings());
    assertEquals(Verdict.ACCEPTED_WITH_WARNINGS, closeUp.verdict());
    assertFalse(context.has(FindingCode.OFF_CENTRE), "framing is judged for close-ups only");
  }

  @Test
  void aCloseUpThatIsAlmostAllPlainBackgroundIsMostlyPlain() {
    BufferedImage image = TestPhotos.plainWithDetailAt(1600, 1200, 700, 500, 200, 200);

    PhotoCheck check = inspector.inspect(TestPhotos.jpeg(image), PhotoView.CLOSE_UP);

    assertTrue(check.has(FindingCode.MOSTLY_PLAIN), () -> "findings: " + check.findings());
  }

  @Test
  void aCentredSubjectOnPlainSkinIsWellFramed() {
    BufferedImage image = TestPhotos.plainWithDetailAt(1600, 1200, 400, 300, 800, 600);

    PhotoCheck check = inspector.inspect(TestPhotos.jpeg(image), PhotoView.CLOSE_UP);

    assertEquals(Verdict.ACCEPTED, check.verdict(), () -> "findings: " + check.findings());
  }

  @Test
  void theSamePhotoSentTwiceHasANearIdenticalHashAndADifferentOneDoesNot() {
    BufferedImage image = TestPhotos.plainWithDetailAt(1600, 1200, 400, 300, 800, 600);
    long original =
        inspector.inspect(TestPhotos.jpeg(image), PhotoView.CLOSE_UP).clean().perceptualHash();
    long asPng =
        inspector.inspect(TestPhotos.png(image), PhotoView.CONTEXT).clean().perceptualHash();
    long other =
        inspector
            .inspect(
                TestPhotos.jpeg(TestPhotos.plainWithDetailAt(1600, 1200, 0, 0, 240, 1200)),
                PhotoView.CONTEXT)
            .clean()
            .perceptualHash();

    assertTrue(CleanPhoto.distance(original, asPng) <= 4);
    assertTrue(CleanPhoto.distance(original, other) > 10);
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
