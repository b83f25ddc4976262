package com.dermrelay.imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Pixel work on decoded photos, reading the raster arrays directly: going through {@code getRGB}
 * per pixel costs several times more on a 12 MP photo.
 */
final class Pixels {
  private Pixels() {}

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
   * A grey copy of a {@link #plain} image whose long side is at most about {@code maxLongSide},
   * each value the mean luma (BT.601, 0-255) of a square block: averaging rather than picking
   * pixels keeps noise and aliasing from looking like detail.
   */
  static Grey grey(BufferedImage image, int maxLongSide) {
    return greyOfBlocks(
        image, blockFactor(Math.max(image.getWidth(), image.getHeight()), maxLongSide));
  }

  /**
   * The block size {@link #grey} averages to bring {@code longSide} to at most about {@code
   * maxLongSide}.
   */
  static int blockFactor(int longSide, int maxLongSide) {
    return Math.max(1, (longSide + maxLongSide - 1) / maxLongSide);
  }

  /**
   * A grey copy of a {@link #plain} image, each value the mean luma of an {@code f} x {@code f}
   * block.
   */
  static Grey greyOfBlocks(BufferedImage image, int f) {
    return reduce(image, f).grey();
  }

  /** {@link #reduce(BufferedImage, int, int, int)} without counting extreme pixels. */
  static Reduced reduce(BufferedImage image, int f) {
    return reduce(image, f, 256, -1);
  }

  /**
   * The block means of a {@link #plain} image in one pass: the grey copy the checks measure (mean
   * luma as a float, exactly as if each pixel's luma were averaged) and a colour copy of the same
   * size (bytes, for the thumbnail), so the full-size pixels are read once for both. The same pass
   * counts the pixels whose own luma is at or above {@code highlightLevel} or at or below {@code
   * shadowLevel}: clipped areas are counted pixel by pixel, since a block mean blends scattered
   * clipped pixels with their neighbours and hides them.
   */
  static Reduced reduce(BufferedImage image, int f, int highlightLevel, int shadowLevel) {
    return reduce(image, f, highlightLevel, shadowLevel, false);
  }

  /**
   * {@link #reduce(BufferedImage, int, int, int)}, and with {@code perBlock} the clipped counts of
   * each block as well ({@link Extremes#perBlock()}), so a check can count only the pixels of a
   * region of the grey copy (a dermoscope's lit field).
   */
  static Reduced reduce(
      BufferedImage image, int f, int highlightLevel, int shadowLevel, boolean perBlock) {
    int w = image.getWidth();
    int h = image.getHeight();
    int gw = Math.max(1, w / f);
    int gh = Math.max(1, h / f);
    int type = image.getType();
    boolean mono = type == BufferedImage.TYPE_BYTE_GRAY;
    int channels = mono ? 1 : 3;
    float[] luma = new float[gw * gh];
    BufferedImage colour =
        new BufferedImage(
            gw, gh, mono ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
    byte[] small = ((DataBufferByte) colour.getRaster().getDataBuffer()).getData();
    byte[] bytes =
        type == BufferedImage.TYPE_INT_RGB
            ? null
            : ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    int[] ints =
        type == BufferedImage.TYPE_INT_RGB
            ? ((DataBufferInt) image.getRaster().getDataBuffer()).getData()
            : null;
    int[] acc = new int[gw * channels]; // per block: B, G, R sums (or grey)
    // Luma x 256 with the weights below: at or above hiMin is a highlight, at or below shMax a
    // shadow.
    // Green weighs most, so a pixel whose green is between greenLow and greenHigh can be neither:
    // most pixels are ruled out by two comparisons before any luma is computed.
    int hiMin = highlightLevel << 8;
    int shMax = (shadowLevel << 8) | 0xFF;
    int greenHigh = Math.max(0, Math.floorDiv(hiMin - 255 * (29 + 77) + 149, 150));
    int greenLow = Math.floorDiv(shMax, 150);
    long highlights = 0;
    long shadows = 0;
    // Counted per block of the current block row, then added up (and kept per block when asked).
    int[] rowHighlights = new int[gw];
    int[] rowShadows = new int[gw];
    BlockCounts blocks =
        perBlock ? new BlockCounts(gw, gh, new int[gw * gh], new int[gw * gh]) : null;
    int area = Math.min(f, h) * Math.min(f, w);
    float scale = 1f / (area * 256f);
    for (int gy = 0; gy < gh; gy++) {
      java.util.Arrays.fill(acc, 0);
      java.util.Arrays.fill(rowHighlights, 0);
      java.util.Arrays.fill(rowShadows, 0);
      for (int y = gy * f; y < Math.min(h, gy * f + f); y++) {
        int row = y * w;
        for (int gx = 0; gx < gw; gx++) {
          int a = gx * channels;
          int x0 = row + gx * f;
          int x1 = Math.min(row + w, x0 + f);
          if (ints != null) {
            for (int p = x0; p < x1; p++) {
              int rgb = ints[p];
              int b = rgb & 0xFF;
              int g = (rgb >> 8) & 0xFF;
              int r = (rgb >> 16) & 0xFF;
              acc[a] += b;
              acc[a + 1] += g;
              acc[a + 2] += r;
              if (g >= greenHigh || g <= greenLow) {
                int y256 = 29 * b + 150 * g + 77 * r;
                if (y256 >= hiMin) {
                  rowHighlights[gx]++;
                } else if (y256 <= shMax) {
                  rowShadows[gx]++;
                }
              }
            }
          } else if (mono) {
            for (int p = x0; p < x1; p++) {
              int v = bytes[p] & 0xFF;
              acc[a] += v;
              int y256 = v << 8;
              if (y256 >= hiMin) {
                rowHighlights[gx]++;
              } else if (y256 <= shMax) {
                rowShadows[gx]++;
              }
            }
          } else {
            for (int i = x0 * 3; i < x1 * 3; i += 3) {
              int b = bytes[i] & 0xFF;
              int g = bytes[i + 1] & 0xFF;
              int r = bytes[i + 2] & 0xFF;
              acc[a] += b;
              acc[a + 1] += g;
              acc[a + 2] += r;
              if (g >= greenHigh || g <= greenLow) {
                int y256 = 29 * b + 150 * g + 77 * r;
                if (y256 >= hiMin) {
                  rowHighlights[gx]++;
                } else if (y256 <= shMax) {
                  rowShadows[gx]++;
                }
              }
            }
          }
        }
      }
      for (int gx = 0; gx < gw; gx++) {
        int a = gx * channels;
        int o = gy * gw + gx;
        highlights += rowHighlights[gx];
        shadows += rowShadows[gx];
        if (blocks != null) {
          blocks.highlights()[o] = rowHighlights[gx];
          blocks.shadows()[o] = rowShadows[gx];
        }
        if (mono) {
          luma[o] = (acc[a] << 8) * scale;
          small[o] = (byte) ((acc[a] + area / 2) / area);
        } else {
          // BT.601 with integer weights (77, 150, 29) over B, G, R sums: the mean of the lumas
          luma[o] = (29 * acc[a] + 150 * acc[a + 1] + 77 * acc[a + 2]) * scale;
          for (int k = 0; k < 3; k++) {
            small[o * 3 + k] = (byte) ((acc[a + k] + area / 2) / area);
          }
        }
      }
    }
    long counted = (long) Math.min(h, gh * f) * Math.min(w, gw * f);
    return new Reduced(
        new Grey(gw, gh, luma), colour, new Extremes(counted, highlights, shadows, blocks, area));
  }

  /**
   * The block means of a photo: grey for the checks, colour for the thumbnail, and how many of the
   * pixels read were highlights or shadows.
   */
  record Reduced(Grey grey, BufferedImage colour, Extremes extremes) {}

  /**
   * Of {@code pixels} read, how many were at or above the highlight level and at or below the
   * shadow level.
   */
  record Extremes(long pixels, long highlights, long shadows, BlockCounts perBlock, int blockArea) {
    Extremes(long pixels, long highlights, long shadows) {
      this(pixels, highlights, shadows, null, 0);
    }

    /**
     * The clipped counts of the blocks {@code region} marks (non-zero values, a mask of the grey
     * copy's size as it came out of the reduction, before any turn), or these when not counted per
     * block.
     */
    Extremes within(Grey region) {
      if (perBlock == null) {
        return this;
      }
      long inHighlights = 0;
      long inShadows = 0;
      long blocksIn = 0;
      float[] marks = region.luma();
      for (int i = 0; i < marks.length; i++) {
        if (marks[i] != 0) {
          inHighlights += perBlock.highlights()[i];
          inShadows += perBlock.shadows()[i];
          blocksIn++;
        }
      }
      return new Extremes(blocksIn * blockArea, inHighlights, inShadows, null, blockArea);
    }

    double highlightShare() {
      return pixels == 0 ? 0 : (double) highlights / pixels;
    }

    double shadowShare() {
      return pixels == 0 ? 0 : (double) shadows / pixels;
    }
  }

  /**
   * A small copy of a {@link #plain} image whose long side is {@code longSide} (or the image itself
   * when it is no larger), each pixel the mean of the source area it covers: no aliasing, one pass
   * over the source, nothing allocated but the result and two rows of sums.
   */
  static BufferedImage thumbnail(BufferedImage image, int longSide) {
    int w = image.getWidth();
    int h = image.getHeight();
    int longest = Math.max(w, h);
    if (longest <= longSide) {
      return image;
    }
    int tw = Math.max(1, (int) ((long) w * longSide / longest));
    int th = Math.max(1, (int) ((long) h * longSide / longest));
    int type = image.getType();
    boolean grey = type == BufferedImage.TYPE_BYTE_GRAY;
    int channels = grey ? 1 : 3;
    BufferedImage out =
        new BufferedImage(
            tw, th, grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
    byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
    byte[] bytes =
        type == BufferedImage.TYPE_INT_RGB
            ? null
            : ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    int[] ints =
        type == BufferedImage.TYPE_INT_RGB
            ? ((DataBufferInt) image.getRaster().getDataBuffer()).getData()
            : null;
    int[] column = new int[w]; // the thumbnail column each source column falls in
    int[] columnWidth = new int[tw];
    for (int x = 0; x < w; x++) {
      column[x] = (int) ((long) x * tw / w);
      columnWidth[column[x]]++;
    }
    long[] sums = new long[tw * channels];
    int y = 0;
    for (int ty = 0; ty < th; ty++) {
      java.util.Arrays.fill(sums, 0);
      int yEnd = (int) ((long) (ty + 1) * h / th);
      int rows = yEnd - y;
      for (; y < yEnd; y++) {
        int row = y * w;
        for (int x = 0; x < w; x++) {
          int c = column[x] * channels;
          int p = row + x;
          if (ints != null) {
            int rgb = ints[p];
            sums[c] += rgb & 0xFF; // B, G, R like TYPE_3BYTE_BGR
            sums[c + 1] += (rgb >> 8) & 0xFF;
            sums[c + 2] += (rgb >> 16) & 0xFF;
          } else {
            int s = p * channels;
            for (int k = 0; k < channels; k++) {
              sums[c + k] += bytes[s + k] & 0xFF;
            }
          }
        }
      }
      for (int tx = 0; tx < tw; tx++) {
        long area = (long) Math.max(1, rows) * Math.max(1, columnWidth[tx]);
        for (int k = 0; k < channels; k++) {
          dst[(ty * tw + tx) * channels + k] = (byte) ((sums[tx * channels + k] + area / 2) / area);
        }
      }
    }
    return out;
  }

  /** A small grey image, values 0-255, row by row. */
  record Grey(int width, int height, float[] luma) {}

  /** Clipped pixels per block of the grey copy ({@code width} x {@code height}), row by row. */
  record BlockCounts(int width, int height, int[] highlights, int[] shadows) {}
}
