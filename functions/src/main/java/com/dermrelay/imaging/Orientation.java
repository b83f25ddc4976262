package com.dermrelay.imaging;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;

/**
 * A photo turned and mirrored as its EXIF Orientation (1-8, {@link ExifOrientation}) says it is
 * shown, for the copy kept without the tag and for the checks that measure what a reader sees.
 */
final class Orientation {
  private Orientation() {}

  /**
   * Applies an EXIF Orientation (1-8) to a {@link Pixels#plain} image, so it looks right without
   * the tag (re-encoding drops it). 1 returns the image itself.
   */
  static BufferedImage apply(BufferedImage image, int orientation) {
    if (orientation < 2 || orientation > 8) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    boolean swap = orientation >= 5;
    int dw = swap ? h : w;
    int dh = swap ? w : h;
    // Source x and y as linear functions of destination dx and dy, sx = ax*dx + bx*dy + (w or 0),
    // sy = ay*dx + by*dy + (h or 0), in continuous coordinates: a reversed axis runs from w (or h).
    int ax = 0;
    int bx = 0;
    int ay = 0;
    int by = 0;
    switch (orientation) {
      case 2 -> {
        ax = -1;
        by = 1;
      } // mirrored left-right
      case 3 -> {
        ax = -1;
        by = -1;
      } // upside down
      case 4 -> {
        ax = 1;
        by = -1;
      } // mirrored top-bottom
      case 5 -> {
        bx = 1;
        ay = 1;
      } // transposed
      case 6 -> {
        bx = 1;
        ay = -1;
      } // needs 90 degrees clockwise
      case 7 -> {
        bx = -1;
        ay = -1;
      } // transversed
      default -> {
        bx = -1;
        ay = 1;
      } // 8: needs 90 counter-clockwise
    }
    // Inverted for AffineTransformOp (source to destination): the matrix is a signed
    // permutation, so its inverse is its transpose.
    int cxc = ax < 0 || bx < 0 ? w : 0;
    int cyc = ay < 0 || by < 0 ? h : 0;
    AffineTransform toShown =
        new AffineTransform(ax, bx, ay, by, -(ax * cxc + ay * cyc), -(bx * cxc + by * cyc));
    // Java2D's native loops turn a 12 MP photo about three times faster than a Java loop at C1.
    BufferedImage out = new BufferedImage(dw, dh, image.getType());
    new AffineTransformOp(toShown, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(image, out);
    return out;
  }

  /**
   * Applies an EXIF Orientation (1-8) to a grey copy, as {@link #apply(BufferedImage, int)} does to
   * an image: the checks of a photo kept with its orientation tag measure it as it is shown.
   */
  static Pixels.Grey apply(Pixels.Grey grey, int orientation) {
    if (orientation < 2 || orientation > 8) {
      return grey;
    }
    int w = grey.width();
    int h = grey.height();
    boolean swap = orientation >= 5;
    int dw = swap ? h : w;
    // Where stored (x, y) is shown, from the EXIF definitions, as an index into the turned copy:
    // start + x * stepX + y * stepY. One addition per value keeps it cheap at C1.
    int stepX;
    int stepY;
    int start;
    if (!swap) {
      // 2: (w-1-x, y); 3: (w-1-x, h-1-y); 4: (x, h-1-y)
      boolean mirrorX = orientation == 2 || orientation == 3;
      boolean mirrorY = orientation == 3 || orientation == 4;
      stepX = mirrorX ? -1 : 1;
      stepY = mirrorY ? -dw : dw;
      start = (mirrorX ? w - 1 : 0) + (mirrorY ? (h - 1) * dw : 0);
    } else {
      // 5: (y, x); 6: (h-1-y, x); 7: (h-1-y, w-1-x); 8: (y, w-1-x)
      boolean flipDx = orientation == 6 || orientation == 7;
      boolean flipDy = orientation == 7 || orientation == 8;
      stepX = flipDy ? -dw : dw;
      stepY = flipDx ? -1 : 1;
      start = (flipDx ? h - 1 : 0) + (flipDy ? (w - 1) * dw : 0);
    }
    float[] from = grey.luma();
    float[] to = new float[from.length];
    for (int y = 0; y < h; y++) {
      int at = start + y * stepY;
      int row = y * w;
      for (int x = 0; x < w; x++, at += stepX) {
        to[at] = from[row + x];
      }
    }
    return new Pixels.Grey(dw, swap ? w : h, to);
  }
}
