package com.dermrelay.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    "8, 2, 3, 0, 2, 0, 0"
  })
  void eachOrientationShowsThePhotoUpright(
      int orientation, int width, int height, int tlX, int tlY, int trX, int trY) {
    for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB}) {
      BufferedImage stored = new BufferedImage(3, 2, type);
      stored.setRGB(0, 0, TOP_LEFT);
      stored.setRGB(2, 0, TOP_RIGHT);

      BufferedImage shown = Orientation.apply(stored, orientation);

      assertEquals(width, shown.getWidth());
      assertEquals(height, shown.getHeight());
      assertEquals(TOP_LEFT, shown.getRGB(tlX, tlY) & 0xFFFFFF);
      assertEquals(TOP_RIGHT, shown.getRGB(trX, trY) & 0xFFFFFF);
    }
  }

  /** Every pixel lands where the EXIF definition puts it, not only the corners. */
  @ParameterizedTest(name = "orientation {0}")
  @org.junit.jupiter.params.provider.ValueSource(ints = {2, 3, 4, 5, 6, 7, 8})
  void everyPixelOfAnOddSizedPhotoIsMoved(int orientation) {
    for (int type :
        new int[] {
          BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_BYTE_GRAY
        }) {
      int w = 37;
      int h = 23;
      BufferedImage stored = new BufferedImage(w, h, type);
      java.util.Random random = new java.util.Random(orientation);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          stored.setRGB(x, y, random.nextInt(0x1000000));
        }
      }

      BufferedImage shown = Orientation.apply(stored, orientation);

      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int[] at = shownAt(orientation, x, y, w, h);
          assertEquals(
              stored.getRGB(x, y),
              shown.getRGB(at[0], at[1]),
              "type " + type + " at " + x + "," + y);
        }
      }
    }
  }

  /** The checks' grey copy is turned exactly as the picture is. */
  @ParameterizedTest(name = "orientation {0}")
  @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void aGreyCopyIsTurnedLikeThePicture(int orientation) {
    int w = 37;
    int h = 23;
    float[] luma = new float[w * h];
    java.util.Random random = new java.util.Random(orientation);
    for (int i = 0; i < luma.length; i++) {
      luma[i] = random.nextInt(256);
    }

    Pixels.Grey shown = Orientation.apply(new Pixels.Grey(w, h, luma), orientation);

    assertEquals(orientation >= 5 ? h : w, shown.width());
    assertEquals(orientation >= 5 ? w : h, shown.height());
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int[] at = orientation == 1 ? new int[] {x, y} : shownAt(orientation, x, y, w, h);
        assertEquals(luma[y * w + x], shown.luma()[at[1] * shown.width() + at[0]], x + "," + y);
      }
    }
  }

  /** Where stored pixel (x, y) of a w x h photo is shown, straight from the EXIF definitions. */
  private static int[] shownAt(int orientation, int x, int y, int w, int h) {
    return switch (orientation) {
      case 2 -> new int[] {w - 1 - x, y};
      case 3 -> new int[] {w - 1 - x, h - 1 - y};
      case 4 -> new int[] {x, h - 1 - y};
      case 5 -> new int[] {y, x};
      case 6 -> new int[] {h - 1 - y, x};
      case 7 -> new int[] {h - 1 - y, w - 1 - x};
      default -> new int[] {y, w - 1 - x};
    };
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
