package com.dermrelay.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.DataBufferInt;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Photos made in code, so every test and benchmark says exactly what its picture is: sharp textured
 * ones the photo check accepts, a blurred one it advises retaking, a skin-toned one with a dark
 * lesion for the benchmarks, and files of them for the browser's file inputs.
 */
public final class Photos {
  /** The luma of the checkerboard's dark and light squares. */
  public static final int DARK_SQUARE = 90;

  public static final int LIGHT_SQUARE = 190;
  private static final Path FILES = Path.of("target", "test-photos");

  private Photos() {}

  /**
   * A sharp photo (JPEG at ImageIO's default quality): a fine checkerboard (sharpness) over a broad
   * gradient whose direction differs by {@code variant}, so two variants are not the same photo to
   * the duplicate check.
   */
  public static byte[] sharp(int width, int height, int variant) {
    return jpeg(textured(width, height, variant));
  }

  /** The pixels of {@link #sharp}, for tests that encode them their own way. */
  public static BufferedImage textured(int width, int height, int variant) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double t = variant % 2 == 0 ? (double) x / width : (double) y / height;
        int base = (int) (80 + 90 * t);
        int texture = ((x / 6 + y / 6) % 2 == 0) ? 35 : -35;
        int v = Math.max(0, Math.min(255, base + texture));
        image.setRGB(x, y, (Math.min(255, v + 30) << 16) | (v << 8) | Math.max(0, v - 20));
      }
    }
    return image;
  }

  /** A sharp grey checkerboard of {@code square}-pixel squares between two luma levels. */
  public static BufferedImage checkerboard(int width, int height, int square, int low, int high) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    for (int y = 0; y < height; y += square) {
      for (int x = 0; x < width; x += square) {
        int v = ((x / square + y / square) % 2 == 0) ? low : high;
        g.setColor(new Color(v, v, v));
        g.fillRect(x, y, square, square);
      }
    }
    g.dispose();
    return image;
  }

  /**
   * A photo out of focus: the checkerboard drawn at 1/16 size, enlarged smoothly, then every edge
   * spread over 15 pixels, as a missed focus spreads each edge over a dozen pixels or more.
   */
  public static BufferedImage blurred(int width, int height) {
    BufferedImage small = checkerboard(width / 16, height / 16, 1, DARK_SQUARE, LIGHT_SQUARE);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(small, 0, 0, width, height, null);
    g.dispose();
    float[] box = new float[15 * 15];
    Arrays.fill(box, 1f / box.length);
    return new ConvolveOp(new Kernel(15, 15, box), ConvolveOp.EDGE_NO_OP, null).filter(image, null);
  }

  /**
   * Skin-toned background, a fixed random texture and a dark oval lesion in the middle: what the
   * benchmarks check, closer to a real photo's large smooth areas than the checkerboards.
   */
  public static BufferedImage skinWithLesion(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(214, 170, 140));
    g.fillRect(0, 0, width, height);
    Random random = new Random(42);
    for (int i = 0; i < width * height / 400; i++) {
      int shade = 150 + random.nextInt(60);
      g.setColor(new Color(shade + 30, shade - 10, shade - 40));
      g.fillRect(random.nextInt(width), random.nextInt(height), 3, 3);
    }
    g.setColor(new Color(90, 55, 40));
    g.fillOval(width / 2 - width / 10, height / 2 - height / 10, width / 5, height / 5);
    g.dispose();
    return image;
  }

  /**
   * What a dermoscope shows of skin, before its lens frames it: warm skin with pores (fine random
   * texture), and a brown lesion with an irregular border and a darker reticular network, as a
   * pigmented naevus looks under polarised light. Fixed for a {@code variant}.
   */
  public static BufferedImage dermoscopicSkin(int width, int height, int variant) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    Random random = new Random(1000L + variant);
    double cx = width / 2.0 + (variant % 3 - 1) * width * 0.03;
    double cy = height / 2.0;
    double lesion = Math.min(width, height) * 0.22;
    double[] phase = {
      random.nextDouble() * 6.3, random.nextDouble() * 6.3, random.nextDouble() * 6.3
    };
    double[] columns = new double[width];
    for (int x = 0; x < width; x++) {
      columns[x] = Math.sin(x / 6.0);
    }
    for (int y = 0; y < height; y++) {
      double row = Math.sin(y / 6.0);
      for (int x = 0; x < width; x++) {
        double dx = x + 0.5 - cx;
        double dy = y + 0.5 - cy;
        double distance = Math.sqrt(dx * dx + dy * dy);
        // 1 inside the lesion, 0 on skin, a soft border 12 px wide; the border only near it.
        double inLesion = 0;
        if (distance < lesion * 1.3) {
          double angle = Math.atan2(dy, dx);
          double edge =
              lesion
                  * (1
                      + 0.10 * Math.cos(2 * angle + phase[0])
                      + 0.06 * Math.cos(3 * angle + phase[1])
                      + 0.04 * Math.cos(5 * angle + phase[2]));
          inLesion = Math.max(0, Math.min(1, (edge - distance) / 12 + 0.5));
        }
        double network = columns[x] * row > 0.45 ? 1 : 0;
        // Pores: uniform noise with about the spread of a Gaussian of sigma 7, cheaper to draw.
        double pore = random.nextInt(25) - 12;
        double r = 205 - inLesion * (85 + 45 * network) + pore;
        double g = 150 - inLesion * (80 + 35 * network) + pore;
        double b = 128 - inLesion * (75 + 30 * network) + pore;
        pixels[y * width + x] = rgb(r, g, b);
      }
    }
    return image;
  }

  /**
   * {@code content} as a dermoscope frames it: a round lit field of {@code radius} pixels in the
   * middle, a little darker towards its rim, the rim soft over 3% of the radius, and near-black
   * sensor noise (luma 0-3) outside. A radius above half the height cuts the field off at the top
   * and bottom, as phone attachments do.
   */
  public static BufferedImage throughDermoscope(BufferedImage content, int radius) {
    int width = content.getWidth();
    int height = content.getHeight();
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    int[] source = content.getRGB(0, 0, width, height, null, 0, width);
    Random random = new Random(7);
    double cx = width / 2.0;
    double cy = height / 2.0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double dx = x + 0.5 - cx;
        double dy = y + 0.5 - cy;
        double d = Math.sqrt(dx * dx + dy * dy) / radius;
        double light = d >= 1 ? 0 : (1 - 0.2 * d * d) * Math.min(1, (1 - d) / 0.03);
        int rgb = source[y * width + x];
        int noise = random.nextInt(4);
        pixels[y * width + x] =
            rgb(
                ((rgb >> 16) & 0xFF) * light + noise,
                ((rgb >> 8) & 0xFF) * light + noise,
                (rgb & 0xFF) * light + noise);
      }
    }
    return image;
  }

  /**
   * A dermoscopic photo whose round field is inscribed in the frame ({@link #throughDermoscope}).
   */
  public static byte[] dermoscopic(int width, int height, int variant) {
    return phoneJpeg(
        throughDermoscope(dermoscopicSkin(width, height, variant), Math.min(width, height) / 2));
  }

  private static int rgb(double r, double g, double b) {
    return (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }

  /** JPEG at ImageIO's default quality (0.75). */
  public static byte[] jpeg(BufferedImage image) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(image, "jpeg", out)) {
        throw new IllegalStateException("no JPEG writer");
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * JPEG at quality 0.95, as a phone saves it: coarser blocks would read as detail to the check.
   */
  public static byte[] phoneJpeg(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ByteArrayOutputStream out = new ByteArrayOutputStream();
        MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.95f);
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, null), param);
      stream.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
  }

  /**
   * The JPEG with an EXIF APP1 segment holding only Orientation, right after SOI: what a phone held
   * upright writes (6 = turn 90 degrees clockwise to view).
   */
  public static byte[] withOrientation(byte[] jpeg, int orientation) {
    byte[] tiff = {
      'M',
      'M',
      0,
      42,
      0,
      0,
      0,
      8,
      0,
      1,
      0x01,
      0x12,
      0,
      3,
      0,
      0,
      0,
      1,
      0,
      (byte) orientation,
      0,
      0,
      0,
      0,
      0,
      0
    };
    int length = 2 + 6 + tiff.length;
    byte[] out = new byte[jpeg.length + 2 + length];
    out[0] = (byte) 0xFF;
    out[1] = (byte) 0xD8;
    out[2] = (byte) 0xFF;
    out[3] = (byte) 0xE1;
    out[4] = (byte) (length >> 8);
    out[5] = (byte) length;
    System.arraycopy(new byte[] {'E', 'x', 'i', 'f', 0, 0}, 0, out, 6, 6);
    System.arraycopy(tiff, 0, out, 12, tiff.length);
    System.arraycopy(jpeg, 2, out, 12 + tiff.length, jpeg.length - 2);
    return out;
  }

  /**
   * A sharp 1600 x 1200 photo file for a file input; photos of one case need different {@code
   * variant}s.
   */
  public static Path sharpFile(String name, int variant) {
    return file(name, phoneJpeg(textured(1600, 1200, variant)));
  }

  /** A 1600 x 1200 photo file out of focus: the check advises a retake. */
  public static Path blurredFile(String name) {
    return file(name, phoneJpeg(blurred(1600, 1200)));
  }

  /**
   * {@code bytes} written to a new file under target/test-photos whose name ends in {@code name}.
   */
  public static Path file(String name, byte[] bytes) {
    try {
      Files.createDirectories(FILES);
      Path file = FILES.resolve(UUID.randomUUID() + "-" + name);
      Files.write(file, bytes);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
