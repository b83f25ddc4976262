package com.dermrelay.imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Pixel work on decoded photos, reading the raster arrays directly: going through
 * {@code getRGB} per pixel costs several times more on a 12 MP photo.
 */
final class Pixels {
  private Pixels() {
  }

  /**
   * The photo as 8-bit RGB or grey in a plain raster the JPEG writer and the loops below accept.
   * Transparent parts (PNG, WebP) are put on white, as a browser shows them.
   */
  static BufferedImage plain(BufferedImage image) {
    if (isPlain(image)) {
      return image;
    }
    BufferedImage rgb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = rgb.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return rgb;
  }

  private static boolean isPlain(BufferedImage image) {
    int w = image.getWidth();
    switch (image.getType()) {
      case BufferedImage.TYPE_3BYTE_BGR:
      case BufferedImage.TYPE_BYTE_GRAY:
        return image.getRaster().getSampleModel() instanceof ComponentSampleModel csm
            && csm.getScanlineStride() == w * csm.getPixelStride()
            && image.getRaster().getSampleModelTranslateX() == 0
            && image.getRaster().getSampleModelTranslateY() == 0
            && image.getRaster().getDataBuffer().getOffset() == 0;
      case BufferedImage.TYPE_INT_RGB:
        return image.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel sm
            && sm.getScanlineStride() == w
            && image.getRaster().getSampleModelTranslateX() == 0
            && image.getRaster().getSampleModelTranslateY() == 0
            && image.getRaster().getDataBuffer().getOffset() == 0;
      default:
        return false;
    }
  }

  /**
   * Applies an EXIF Orientation (1-8) to a {@link #plain} image, so it looks right without the
   * tag (re-encoding drops it). 1 returns the image itself.
   */
  static BufferedImage orient(BufferedImage image, int orientation) {
    if (orientation < 2 || orientation > 8) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    boolean swap = orientation >= 5;
    int dw = swap ? h : w;
    int dh = swap ? w : h;
    // Source x and y as linear functions of destination dx and dy: sx = ax*dx + bx*dy + cx, ...
    int ax = 0;
    int bx = 0;
    int cx = 0;
    int ay = 0;
    int by = 0;
    int cy = 0;
    switch (orientation) {
      case 2 -> { ax = -1; cx = w - 1; by = 1; }                // mirrored left-right
      case 3 -> { ax = -1; cx = w - 1; by = -1; cy = h - 1; }   // upside down
      case 4 -> { ax = 1; by = -1; cy = h - 1; }                // mirrored top-bottom
      case 5 -> { bx = 1; ay = 1; }                             // transposed
      case 6 -> { bx = 1; ay = -1; cy = h - 1; }                // needs 90 degrees clockwise
      case 7 -> { bx = -1; cx = w - 1; ay = -1; cy = h - 1; }   // transversed
      default -> { bx = -1; cx = w - 1; ay = 1; }               // 8: needs 90 counter-clockwise
    }
    int stepX = ax + ay * w;
    int stepY = bx + by * w;
    int base = cx + cy * w;
    BufferedImage out = new BufferedImage(dw, dh, image.getType());
    if (image.getType() == BufferedImage.TYPE_INT_RGB) {
      int[] src = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
      int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
      int i = 0;
      for (int dy = 0; dy < dh; dy++) {
        int s = base + dy * stepY;
        for (int dx = 0; dx < dw; dx++, s += stepX) {
          dst[i++] = src[s];
        }
      }
    } else {
      int ps = image.getType() == BufferedImage.TYPE_BYTE_GRAY ? 1 : 3;
      byte[] src = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
      byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
      int i = 0;
      for (int dy = 0; dy < dh; dy++) {
        int s = base + dy * stepY;
        for (int dx = 0; dx < dw; dx++, s += stepX) {
          System.arraycopy(src, s * ps, dst, i, ps);
          i += ps;
        }
      }
    }
    return out;
  }

  /**
   * A grey copy of a {@link #plain} image whose long side is at most about {@code maxLongSide},
   * each value the mean luma (BT.601, 0-255) of a square block: averaging rather than picking
   * pixels keeps noise and aliasing from looking like detail.
   */
  static Grey grey(BufferedImage image, int maxLongSide) {
    int w = image.getWidth();
    int h = image.getHeight();
    int f = Math.max(1, (Math.max(w, h) + maxLongSide - 1) / maxLongSide);
    int gw = Math.max(1, w / f);
    int gh = Math.max(1, h / f);
    float[] out = new float[gw * gh];
    int[] acc = new int[gw];
    int type = image.getType();
    byte[] bytes = type == BufferedImage.TYPE_INT_RGB
        ? null : ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    int[] ints = type == BufferedImage.TYPE_INT_RGB
        ? ((DataBufferInt) image.getRaster().getDataBuffer()).getData() : null;
    float scale = 1f / (f * f * 256f);
    for (int gy = 0; gy < gh; gy++) {
      java.util.Arrays.fill(acc, 0);
      for (int y = gy * f; y < gy * f + f; y++) {
        int row = y * w;
        for (int gx = 0; gx < gw; gx++) {
          int sum = 0;
          int x0 = row + gx * f;
          for (int p = x0; p < x0 + f; p++) {
            sum += luma256(type, bytes, ints, p);
          }
          acc[gx] += sum;
        }
      }
      for (int gx = 0; gx < gw; gx++) {
        out[gy * gw + gx] = acc[gx] * scale;
      }
    }
    return new Grey(gw, gh, out);
  }

  /** Luma times 256, from integer BT.601 weights (77, 150, 29). */
  private static int luma256(int type, byte[] bytes, int[] ints, int p) {
    if (type == BufferedImage.TYPE_BYTE_GRAY) {
      return (bytes[p] & 0xFF) << 8;
    }
    if (ints != null) {
      int rgb = ints[p];
      return 77 * ((rgb >> 16) & 0xFF) + 150 * ((rgb >> 8) & 0xFF) + 29 * (rgb & 0xFF);
    }
    int i = p * 3; // B, G, R
    return 29 * (bytes[i] & 0xFF) + 150 * (bytes[i + 1] & 0xFF) + 77 * (bytes[i + 2] & 0xFF);
  }

  /** A small grey image, values 0-255, row by row. */
  record Grey(int width, int height, float[] luma) {
  }
}
