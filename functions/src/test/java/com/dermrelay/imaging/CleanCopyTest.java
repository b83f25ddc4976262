package com.dermrelay.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored copy of an upright JPEG (metadata cut out, pixels untouched) and every thumbnail. */
class CleanCopyTest {
  private final PhotoInspector inspector = new PhotoInspector();

  @Test
  void anUprightJpegKeepsItsPixelsAndLosesGpsCommentsAndWhatFollowsTheImage() {
    byte[] original = TestPhotos.jpeg(TestPhotos.sharp(1600, 1200));
    byte[] comment =
        TestPhotos.segment(0xFE, "taken at 12 Elm Street".getBytes(StandardCharsets.US_ASCII));
    byte[] xmp =
        TestPhotos.segment(
            0xE1, "http://ns.adobe.com/xap/1.0/ GPSLatitude".getBytes(StandardCharsets.US_ASCII));
    byte[] withMetadata =
        TestPhotos.withSegmentAfterSoi(
            original, concat(concat(ExifFixture.app1(1, ByteOrder.LITTLE_ENDIAN), xmp), comment));
    // Phones append motion videos or depth maps after the image's end.
    byte[] upload =
        concat(withMetadata, "ftypmp42 a hidden video".getBytes(StandardCharsets.US_ASCII));

    PhotoCheck check = inspector.inspect(upload, PhotoView.CLOSE_UP);

    byte[] clean = check.clean().jpeg();
    List<Integer> markers = TestPhotos.markersBeforeScan(clean);
    assertEquals(0xE0, markers.get(0), "a JFIF header first");
    assertTrue(
        markers.stream().noneMatch(m -> m >= 0xE1 && m <= 0xEF || m == 0xFE),
        "markers: " + markers);
    for (String secret :
        List.of("Exif", ExifFixture.CAMERA_MAKE, "Elm Street", "GPSLatitude", "hidden video")) {
      assertEquals(
          -1,
          PhotoInspectorTest.indexOf(clean, secret.getBytes(StandardCharsets.US_ASCII)),
          secret);
    }
    assertEquals(
        -1,
        PhotoInspectorTest.indexOf(
            clean, ExifFixture.latitudeSecondsBytes(ByteOrder.LITTLE_ENDIAN)));
    assertEquals(0xD9, clean[clean.length - 1] & 0xFF, "ends with the image's end");
    assertArrayEquals(
        pixels(TestPhotos.decode(original)),
        pixels(TestPhotos.decode(clean)),
        "the compressed pixels are copied, not re-encoded");
    assertEquals(1600, check.clean().width());
    assertEquals(1200, check.clean().height());
  }

  @Test
  void aJpegWhoseStructureIsUnknownIsReEncodedInstead() {
    byte[] original = TestPhotos.jpeg(TestPhotos.sharp(1600, 1200));
    // Adobe's APP14 says how the colours are coded: not ours to drop, so no byte copy.
    byte[] adobe =
        TestPhotos.withSegmentAfterSoi(
            original,
            TestPhotos.segment(0xEE, new byte[] {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 1}));

    assertTrue(JpegMetadataStripper.strip(adobe).isEmpty());
    assertTrue(
        JpegMetadataStripper.strip(Arrays.copyOf(original, original.length - 2)).isEmpty(),
        "no end");
    PhotoCheck check = inspector.inspect(adobe, PhotoView.CONTEXT);
    assertEquals(Verdict.ACCEPTED, check.verdict(), () -> "findings: " + check.findings());
    assertEquals(
        -1,
        PhotoInspectorTest.indexOf(
            check.clean().jpeg(), "Adobe".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void everyCheckedPhotoHasASmallMetadataFreeThumbnailOfThePicture() {
    BufferedImage stored = TestPhotos.sharp(1600, 1200);
    java.awt.Graphics2D g = stored.createGraphics();
    g.setColor(java.awt.Color.RED);
    g.fillRect(0, 0, 400, 400);
    g.dispose();
    byte[] upright =
        TestPhotos.withSegmentAfterSoi(
            TestPhotos.jpeg(stored), ExifFixture.app1(1, ByteOrder.BIG_ENDIAN));
    byte[] rotated =
        TestPhotos.withSegmentAfterSoi(
            TestPhotos.jpeg(stored), ExifFixture.app1(6, ByteOrder.BIG_ENDIAN));

    BufferedImage fromUpright = thumbnailOf(upright, 320, 240);
    BufferedImage fromRotated = thumbnailOf(rotated, 240, 320);
    BufferedImage fromPng = thumbnailOf(TestPhotos.png(stored), 320, 240);

    assertTrue(isRed(fromUpright.getRGB(20, 20)), "red top-left");
    assertTrue(isRed(fromPng.getRGB(20, 20)), "red top-left");
    assertTrue(isRed(fromRotated.getRGB(240 - 20, 20)), "turned like the photo: red top-right");
    assertFalse(isRed(fromRotated.getRGB(20, 20)));
  }

  @Test
  void subsamplingForTheChecksKeepsBlocksOfAtLeastTwoPixels() {
    assertEquals(1, PhotoInspector.analysisSubsampling(1));
    assertEquals(1, PhotoInspector.analysisSubsampling(3));
    assertEquals(2, PhotoInspector.analysisSubsampling(4));
    assertEquals(1, PhotoInspector.analysisSubsampling(5));
    assertEquals(3, PhotoInspector.analysisSubsampling(6));
    assertEquals(4, PhotoInspector.analysisSubsampling(8));
  }

  private BufferedImage thumbnailOf(byte[] upload, int width, int height) {
    PhotoCheck check = inspector.inspect(upload, PhotoView.CONTEXT);
    byte[] thumbnail = check.clean().thumbnailJpeg();
    assertTrue(thumbnail.length < 40_000, "a few kilobytes, was " + thumbnail.length);
    List<Integer> markers = TestPhotos.markersBeforeScan(thumbnail);
    assertTrue(
        markers.stream().noneMatch(m -> m >= 0xE1 && m <= 0xEF || m == 0xFE),
        "markers: " + markers);
    BufferedImage image = TestPhotos.decode(thumbnail);
    assertEquals(width, image.getWidth());
    assertEquals(height, image.getHeight());
    return image;
  }

  private static byte[] pixels(BufferedImage image) {
    return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
  }

  private static boolean isRed(int rgb) {
    return ((rgb >> 16) & 0xFF) > 200 && ((rgb >> 8) & 0xFF) < 60 && (rgb & 0xFF) < 60;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
