package com.dermrelay.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * The ways a real photo is spoiled on purpose for the labelled photo set: deterministic (same
 * input, same bytes out), each the plain model of one thing that goes wrong with a phone camera.
 * Every operation takes and returns 8-bit sRGB {@code TYPE_3BYTE_BGR} images and never changes its
 * input. docs/intake.md ("The labelled photo set") lists the strengths used.
 */
final class PhotoDegradations {
  /** sRGB byte to linear light 0-1 (IEC 61966-2-1), the curve a camera's exposure acts on. */
  private static final double[] LINEAR = new double[256];

  static {
    for (int v = 0; v < 256; v++) {
      double c = v / 255.0;
      LINEAR[v] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
  }

  private PhotoDegradations() {}

  /** The image as {@code TYPE_3BYTE_BGR}, copied, so the operations below can write its bytes. */
  static BufferedImage bgrCopy(BufferedImage image) {
    BufferedImage out =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
    java.awt.Graphics2D g = out.createGraphics();
    try {
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /**
   * Out of focus: a Gaussian blur of standard deviation {@code sigma} pixels (separable, edges
   * repeated), the usual model of a missed focus or a shaking hand at this scale.
   */
  static BufferedImage gaussianBlur(BufferedImage image, double sigma) {
    int radius = (int) Math.ceil(3 * sigma);
    float[] kernel = new float[2 * radius + 1];
    double sum = 0;
    for (int i = -radius; i <= radius; i++) {
      sum += Math.exp(-(i * i) / (2 * sigma * sigma));
    }
    for (int i = -radius; i <= radius; i++) {
      kernel[i + radius] = (float) (Math.exp(-(i * i) / (2 * sigma * sigma)) / sum);
    }
    BufferedImage src = bgrCopy(image);
    int w = src.getWidth();
    int h = src.getHeight();
    byte[] in = bytes(src);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    byte[] dst = bytes(out);
    float[] across = new float[w * h];
    float[] line = new float[Math.max(w, h) + 2 * radius];
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < h; y++) {
        for (int i = 0; i < w + 2 * radius; i++) {
          line[i] = in[(y * w + Math.min(w - 1, Math.max(0, i - radius))) * 3 + c] & 0xFF;
        }
        for (int x = 0; x < w; x++) {
          float acc = 0;
          for (int k = 0; k < kernel.length; k++) {
            acc += kernel[k] * line[x + k];
          }
          across[y * w + x] = acc;
        }
      }
      for (int x = 0; x < w; x++) {
        for (int i = 0; i < h + 2 * radius; i++) {
          line[i] = across[Math.min(h - 1, Math.max(0, i - radius)) * w + x];
        }
        for (int y = 0; y < h; y++) {
          float acc = 0;
          for (int k = 0; k < kernel.length; k++) {
            acc += kernel[k] * line[y + k];
          }
          dst[(y * w + x) * 3 + c] = (byte) Math.min(255, Math.round(acc));
        }
      }
    }
    return out;
  }

  /**
   * The exposure change, in stops, that an averaging light meter would make: the one that brings
   * the photo's mean linear luminance to middle grey (18%). Exposure errors are modelled from
   * there, so "-3 EV" means three stops under a metered exposure whatever the photo's own
   * brightness.
   */
  static double meteredStops(BufferedImage image) {
    byte[] b = bytes(bgrCopy(image));
    double sum = 0;
    for (int i = 0; i < b.length; i += 3) {
      sum +=
          0.0722 * LINEAR[b[i] & 0xFF]
              + 0.7152 * LINEAR[b[i + 1] & 0xFF]
              + 0.2126 * LINEAR[b[i + 2] & 0xFF];
    }
    double mean = Math.max(1e-4, sum / (b.length / 3));
    return Math.log(0.18 / mean) / Math.log(2);
  }

  /**
   * A wrong exposure of {@code stops} (EV; negative is darker): each channel's linear light is
   * multiplied by 2^stops and clipped at white, as a sensor saturates.
   */
  static BufferedImage exposure(BufferedImage image, double stops) {
    return mapped(image, exposureMap(stops));
  }

  /**
   * Over-exposure that blows out {@code share} (0-1) of the photo: the exposure is raised in steps
   * of 1/16 EV until at least that share of the pixels is pure white in all three channels, the
   * detail there lost, as when a camera meters for a dark background or a flash fires too close.
   */
  static BufferedImage blowHighlights(BufferedImage image, double share) {
    long[] darkestChannel = new long[256];
    byte[] b = bytes(bgrCopy(image));
    for (int i = 0; i < b.length; i += 3) {
      darkestChannel[Math.min(b[i] & 0xFF, Math.min(b[i + 1] & 0xFF, b[i + 2] & 0xFF))]++;
    }
    long pixels = b.length / 3;
    for (int sixteenths = 0; sixteenths <= 16 * 12; sixteenths++) {
      int[] map = exposureMap(sixteenths / 16.0);
      long white = 0;
      for (int v = 0; v < 256; v++) {
        white += map[v] == 255 ? darkestChannel[v] : 0;
      }
      if (white >= share * pixels) {
        return mapped(image, map);
      }
    }
    throw new IllegalArgumentException("cannot blow out " + share + " of this photo");
  }

  /**
   * Crushed shadows over {@code share} (0-1) of the photo: the black point is raised until at least
   * that share of the pixels is pure black in all three channels, and the tones just above it climb
   * back linearly to meet the untouched ones at twice the black point (or at white), as a harsh
   * contrast curve or a scene exposed for a bright light leaves them. The midtones and highlights
   * keep their values, so the mean stays moderate while the dark parts lose all detail.
   */
  static BufferedImage crushShadows(BufferedImage image, double share) {
    long[] brightestChannel = new long[256];
    byte[] b = bytes(bgrCopy(image));
    for (int i = 0; i < b.length; i += 3) {
      brightestChannel[Math.max(b[i] & 0xFF, Math.max(b[i + 1] & 0xFF, b[i + 2] & 0xFF))]++;
    }
    long pixels = b.length / 3;
    long black = brightestChannel[0];
    int blackPoint = 0;
    while (blackPoint < 254 && black < share * pixels) {
      blackPoint++;
      black += brightestChannel[blackPoint];
    }
    int knee = Math.min(255, 2 * blackPoint);
    int[] map = new int[256];
    for (int v = 0; v < 256; v++) {
      map[v] =
          v <= blackPoint
              ? 0
              : v >= knee
                  ? v
                  : (int) Math.round((v - blackPoint) * (double) knee / (knee - blackPoint));
    }
    return mapped(image, map);
  }

  private static int[] exposureMap(double stops) {
    double gain = Math.pow(2, stops);
    int[] map = new int[256];
    for (int v = 0; v < 256; v++) {
      map[v] = toSrgb(Math.min(1.0, LINEAR[v] * gain));
    }
    return map;
  }

  /**
   * A smaller copy whose long side is {@code longSide}, each pixel the mean of the area it covers
   * (no aliasing); the image itself, copied, when it is no larger.
   */
  static BufferedImage downscale(BufferedImage image, int longSide) {
    BufferedImage src = bgrCopy(image);
    int w = src.getWidth();
    int h = src.getHeight();
    int longest = Math.max(w, h);
    if (longest <= longSide) {
      return src;
    }
    int tw = (int) Math.round((double) w * longSide / longest);
    int th = (int) Math.round((double) h * longSide / longest);
    byte[] in = bytes(src);
    BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_3BYTE_BGR);
    byte[] dst = bytes(out);
    double sx = (double) w / tw;
    double sy = (double) h / th;
    for (int ty = 0; ty < th; ty++) {
      double y0 = ty * sy;
      double y1 = y0 + sy;
      for (int tx = 0; tx < tw; tx++) {
        double x0 = tx * sx;
        double x1 = x0 + sx;
        double[] acc = new double[3];
        double area = 0;
        for (int y = (int) y0; y < Math.min(h, Math.ceil(y1)); y++) {
          double wy = Math.min(y + 1, y1) - Math.max(y, y0);
          for (int x = (int) x0; x < Math.min(w, Math.ceil(x1)); x++) {
            double wxy = wy * (Math.min(x + 1, x1) - Math.max(x, x0));
            int p = (y * w + x) * 3;
            for (int c = 0; c < 3; c++) {
              acc[c] += wxy * (in[p + c] & 0xFF);
            }
            area += wxy;
          }
        }
        for (int c = 0; c < 3; c++) {
          dst[(ty * tw + tx) * 3 + c] = (byte) Math.round(acc[c] / area);
        }
      }
    }
    return out;
  }

  private static BufferedImage mapped(BufferedImage image, int[] map) {
    BufferedImage out = bgrCopy(image);
    byte[] b = bytes(out);
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) map[b[i] & 0xFF];
    }
    return out;
  }

  private static int toSrgb(double linear) {
    double c = linear <= 0.0031308 ? linear * 12.92 : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
    return (int) Math.round(Math.max(0, Math.min(1, c)) * 255);
  }

  private static byte[] bytes(BufferedImage image) {
    return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
  }
}
