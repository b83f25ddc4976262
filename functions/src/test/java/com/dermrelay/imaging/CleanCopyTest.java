package com.dermrelay.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stored copy of a JPEG (metadata cut out, pixels untouched; a sideways one keeps only its
 * orientation tag) and every thumbnail.
 */
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
  void aSidewaysPhoneJpegKeepsItsPixelsAndNoMetadataButItsOrientation() {
    // 1600 x 1200 as the camera stored it, a red block top-left; EXIF 6 says "turn 90 degrees
    // clockwise to show", so the patient saw it 1200 wide, the red block top-right.
    BufferedImage stored = TestPhotos.sharp(1600, 1200);
    java.awt.Graphics2D g = stored.createGraphics();
    g.setColor(java.awt.Color.RED);
    g.fillRect(0, 0, 300, 300);
    g.dispose();
    byte[] original = TestPhotos.jpeg(stored);
    byte[] comment =
        TestPhotos.segment(0xFE, "taken at 12 Elm Street".getBytes(StandardCharsets.US_ASCII));
    byte[] upload =
        TestPhotos.withSegmentAfterSoi(
            original, concat(ExifFixture.app1(6, ByteOrder.BIG_ENDIAN), comment));
    assertTrue(
        PhotoInspectorTest.indexOf(upload, ExifFixture.latitudeSecondsBytes(ByteOrder.BIG_ENDIAN))
            >= 0);

    PhotoCheck check = inspector.inspect(upload, PhotoView.CLOSE_UP);

    assertEquals(Verdict.ACCEPTED, check.verdict(), () -> "findings: " + check.findings());
    assertEquals(List.of(1200, 1600), List.of(check.width(), check.height()));
    assertEquals(List.of(1200, 1600), List.of(check.clean().width(), check.clean().height()));
    byte[] clean = check.clean().jpeg();
    // Read back every segment before the scan: one metadata segment, the EXIF one, whose TIFF
    // structure is one IFD with one entry, Orientation 6, and nothing else.
    List<byte[]> metadata = new ArrayList<>();
    List<Integer> markers = new ArrayList<>();
    for (int pos = 2; ; ) {
      int marker = clean[pos + 1] & 0xFF;
      int length = ((clean[pos + 2] & 0xFF) << 8) | (clean[pos + 3] & 0xFF);
      markers.add(marker);
      if (marker >= 0xE0 && marker <= 0xEF || marker == 0xFE) {
        metadata.add(Arrays.copyOfRange(clean, pos + 4, pos + 2 + length));
      }
      if (marker == 0xDA) {
        break;
      }
      pos += 2 + length;
    }
    assertEquals(0xE1, markers.get(0), "EXIF straight after the start of image: " + markers);
    assertEquals(1, metadata.size(), "one metadata segment: " + markers);
    ByteBuffer exif = ByteBuffer.wrap(metadata.get(0));
    byte[] header = new byte[6];
    exif.get(header);
    assertArrayEquals(new byte[] {'E', 'x', 'i', 'f', 0, 0}, header);
    exif = exif.slice().order(exif.get(6) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    assertEquals(42, exif.getShort(2));
    int ifd = exif.getInt(4);
    assertEquals(1, exif.getShort(ifd), "one IFD entry");
    assertEquals(0x0112, exif.getShort(ifd + 2), "Orientation");
    assertEquals(3, exif.getShort(ifd + 4), "SHORT");
    assertEquals(1, exif.getInt(ifd + 6));
    assertEquals(6, exif.getShort(ifd + 10));
    assertEquals(0, exif.getInt(ifd + 14), "no further IFD");
    assertEquals(ifd + 18, exif.limit(), "nothing else in the segment");
    for (String secret : List.of(ExifFixture.CAMERA_MAKE, "Elm Street", "GPS")) {
      assertEquals(
          -1,
          PhotoInspectorTest.indexOf(clean, secret.getBytes(StandardCharsets.US_ASCII)),
          secret);
    }
    assertEquals(
        -1,
        PhotoInspectorTest.indexOf(clean, ExifFixture.latitudeSecondsBytes(ByteOrder.BIG_ENDIAN)));
    assertArrayEquals(
        pixels(TestPhotos.decode(original)),
        pixels(TestPhotos.decode(clean)),
        "the compressed pixels are copied, not turned and re-encoded");
    // As a viewer shows it, honouring the tag.
    BufferedImage shown =
        Orientation.apply(TestPhotos.decode(clean), ExifOrientation.ofJpeg(clean));
    assertEquals(List.of(1200, 1600), List.of(shown.getWidth(), shown.getHeight()));
    assertTrue(isRed(shown.getRGB(1200 - 100, 100)), "red block top-right");
    assertFalse(isRed(shown.getRGB(100, 100)), "and not top-left");
  }

  @Test
  void theChecksOfASidewaysPhotoSeeItUpright() {
    // As the patient saw it: portrait, blown white across the top, black across the bottom, a
    // detailed middle. The phone stored it turned a quarter to the left, with EXIF 6.
    BufferedImage shown = TestPhotos.sharp(1200, 1600);
    java.awt.Graphics2D g = shown.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, 1200, 340);
    g.setColor(java.awt.Color.BLACK);
    g.fillRect(0, 1000, 1200, 600);
    g.dispose();
    BufferedImage sideways = Orientation.apply(shown, 8); // the inverse of 6
    byte[] rotated =
        TestPhotos.withSegmentAfterSoi(
            TestPhotos.jpeg(sideways), ExifFixture.app1(6, ByteOrder.LITTLE_ENDIAN));

    PhotoCheck upright = inspector.inspect(TestPhotos.jpeg(shown), PhotoView.CONTEXT);
    PhotoCheck turned = inspector.inspect(rotated, PhotoView.CONTEXT);

    assertTrue(turned.has(FindingCode.BLOWN_HIGHLIGHTS), () -> "findings " + turned.findings());
    assertTrue(turned.has(FindingCode.CRUSHED_SHADOWS), () -> "findings " + turned.findings());
    assertEquals(
        upright.findings().stream().map(Finding::code).toList(),
        turned.findings().stream().map(Finding::code).toList());
    assertEquals(upright.scores().highlightClipped(), turned.scores().highlightClipped(), 0.01);
    assertEquals(upright.scores().shadowClipped(), turned.scores().shadowClipped(), 0.01);
    assertEquals(upright.scores().edgeDetailShare(), turned.scores().edgeDetailShare(), 0.02);
    // The hash compares neighbouring columns: only the upright picture gives the upright hash.
    assertTrue(
        CleanPhoto.distance(upright.clean().perceptualHash(), turned.clean().perceptualHash()) <= 4,
        "the duplicate check sees the same picture");
    assertTrue(
        CleanPhoto.distance(
                upright.clean().perceptualHash(),
                inspector
                    .inspect(TestPhotos.jpeg(sideways), PhotoView.CONTEXT)
                    .clean()
                    .perceptualHash())
            > 10,
        "and a sideways one is another picture");
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
