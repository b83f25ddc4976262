package com.dermrelay.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OrientationTest {
  private static final int TOP_LEFT = 0xFF0000;
  private static final int TOP_RIGHT = 0x00FF00;

  /** Where the stored top-left and top-right pixels of a 3 x 2 image are shown, per EXIF value. */
  @ParameterizedTest(name = "orientation {0}")
  @CsvSource({
      "1, 3, 2, 0, 0, 2, 0",
      "2, 3, 2, 2, 0, 0, 0",
      "3, 3, 2, 2, 1, 0, 1",
      "4, 3, 2, 0, 1, 2, 1",
      "5, 2, 3, 0, 0, 0, 2",
      "6, 2, 3, 1, 0, 1, 2",
      "7, 2, 3, 1, 2, 1, 0",
      "8, 2, 3, 0, 2, 0, 0"})
  void eachOrientationShowsThePhotoUpright(
      int orientation, int width, int height, int tlX, int tlY, int trX, int trY) {
    for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB}) {
      BufferedImage stored = new BufferedImage(3, 2, type);
      stored.setRGB(0, 0, TOP_LEFT);
      stored.setRGB(2, 0, TOP_RIGHT);

      BufferedImage shown = Pixels.orient(stored, orientation);

      assertEquals(width, shown.getWidth());
      assertEquals(height, shown.getHeight());
      assertEquals(TOP_LEFT, shown.getRGB(tlX, tlY) & 0xFFFFFF);
      assertEquals(TOP_RIGHT, shown.getRGB(trX, trY) & 0xFFFFFF);
    }
  }

  @Test
  void theOrientationTagIsReadInBothByteOrders() {
    byte[] jpeg = TestPhotos.jpeg(TestPhotos.sharp(64, 64));
    for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
      for (int orientation = 1; orientation <= 8; orientation++) {
        byte[] tagged = TestPhotos.withSegmentAfterSoi(jpeg, ExifFixture.app1(orientation, order));
        assertEquals(orientation, ExifOrientation.ofJpeg(tagged), order + " " + orientation);
      }
    }
  }

  @Test
  void aMissingOrBrokenExifBlockMeansUpright() {
    byte[] jpeg = TestPhotos.jpeg(TestPhotos.sharp(64, 64));
    byte[] tagged = TestPhotos.withSegmentAfterSoi(jpeg, ExifFixture.app1(6, ByteOrder.BIG_ENDIAN));
    byte[] badOffset = tagged.clone();
    badOffset[2 + 4 + 6 + 7] = (byte) 0x7F; // IFD0 offset far past the segment

    assertEquals(1, ExifOrientation.ofJpeg(jpeg));
    assertEquals(1, ExifOrientation.ofJpeg(badOffset));
    assertEquals(1, ExifOrientation.ofJpeg(Arrays.copyOf(tagged, 20)));
    assertEquals(1, ExifOrientation.ofJpeg(new byte[] {(byte) 0xFF, (byte) 0xD8}));
  }
}
