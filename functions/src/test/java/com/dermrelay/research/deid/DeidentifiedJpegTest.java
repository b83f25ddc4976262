package com.dermrelay.research.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.testing.Photos;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A photo as a research export releases it: rewritten, only decoding segments, read back. */
class DeidentifiedJpegTest {
  private static final String NAME = "Jane Q. Patient";

  @Test
  void releasedPhotoHoldsNoMetadataSegmentNorTrailingBytesAndStaysUpright() throws Exception {
    byte[] landscape = Photos.jpeg(Photos.skinWithLesion(320, 200));
    // EXIF (orientation 6), a comment and a Photoshop APP13 with a name, and bytes after EOI.
    byte[] dirty =
        trailing(
            withSegment(
                withSegment(Photos.withOrientation(landscape, 6), 0xFE, NAME),
                0xED,
                "Photoshop 3.0 " + NAME),
            NAME);
    assertTrue(
        JpegSegments.unexpected(dirty)
            .containsAll(List.of("APP1", "APP13", "COM", "data after end of image")),
        "the fixture carries what must go: " + JpegSegments.unexpected(dirty));

    byte[] released = DeidentifiedJpeg.of(dirty);

    assertEquals(List.of(), JpegSegments.unexpected(released));
    String text = new String(released, StandardCharsets.ISO_8859_1);
    assertFalse(text.contains("Exif"), "no EXIF header");
    assertFalse(text.contains("JFIF"), "no APP0 either");
    assertFalse(text.contains("Jane"), "no name anywhere in the bytes");
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(released));
    // Orientation 6 turned the pixels: the released photo is upright without any tag.
    assertEquals(200, back.getWidth());
    assertEquals(320, back.getHeight());
  }

  @Test
  void somethingThatIsNotAPhotoIsRefused() {
    assertThrows(
        DeidentifiedJpeg.Refused.class,
        () -> DeidentifiedJpeg.of("%PDF-1.7 Jane".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void theCheckNamesWhatAReleasedPhotoMustNotHold() throws Exception {
    byte[] clean = DeidentifiedJpeg.of(Photos.jpeg(Photos.skinWithLesion(64, 48)));
    assertEquals(List.of(), DeidentifiedJpeg.check(clean, 64, 48));
    assertEquals(List.of("COM"), DeidentifiedJpeg.check(withSegment(clean, 0xFE, "x"), 64, 48));
    assertEquals(List.of("size changed"), DeidentifiedJpeg.check(clean, 48, 64));
  }

  /** The JPEG with one more segment right after SOI. */
  static byte[] withSegment(byte[] jpeg, int marker, String payload) {
    byte[] data = payload.getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    out.write(0xFF);
    out.write(marker);
    out.write((data.length + 2) >> 8);
    out.write((data.length + 2) & 0xFF);
    out.write(data, 0, data.length);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  private static byte[] trailing(byte[] jpeg, String payload) {
    byte[] data = payload.getBytes(StandardCharsets.ISO_8859_1);
    byte[] out = new byte[jpeg.length + data.length];
    System.arraycopy(jpeg, 0, out, 0, jpeg.length);
    System.arraycopy(data, 0, out, jpeg.length, data.length);
    return out;
  }
}
