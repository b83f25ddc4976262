package com.dermrelay.imaging;

import com.dermrelay.testing.Photos;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Photos made in code for imaging's own tests; the checkerboard and the blurred photo are the
 * shared ones of {@link Photos} (test-support), which the browser tests use too.
 */
public final class TestPhotos {
  static final int DARK_SQUARE = Photos.DARK_SQUARE;
  static final int LIGHT_SQUARE = Photos.LIGHT_SQUARE;

  private TestPhotos() {}

  /** A well-exposed sharp photo with detail everywhere: 16 px squares, luma 90 and 190. */
  static BufferedImage sharp(int width, int height) {
    return Photos.checkerboard(width, height, 16, DARK_SQUARE, LIGHT_SQUARE);
  }

  /** Uniform mid-grey with the sharp checkerboard only inside {@code (x, y, w, h)}. */
  static BufferedImage plainWithDetailAt(int width, int height, int x, int y, int w, int h) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(140, 140, 140));
    g.fillRect(0, 0, width, height);
    g.drawImage(sharp(w, h), x, y, null);
    g.dispose();
    return image;
  }

  /** JPEG at quality 0.95, as a phone saves it ({@link Photos#phoneJpeg}). */
  static byte[] jpeg(BufferedImage image) {
    return Photos.phoneJpeg(image);
  }

  static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static BufferedImage decode(byte[] bytes) {
    try {
      return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JPEG with {@code segment} (marker and length included) inserted right after SOI. */
  static byte[] withSegmentAfterSoi(byte[] jpeg, byte[] segment) {
    byte[] out = new byte[jpeg.length + segment.length];
    System.arraycopy(jpeg, 0, out, 0, 2);
    System.arraycopy(segment, 0, out, 2, segment.length);
    System.arraycopy(jpeg, 2, out, 2 + segment.length, jpeg.length - 2);
    return out;
  }

  /** A JPEG marker segment: FF, marker, big-endian length (payload + 2), payload. */
  static byte[] segment(int marker, byte[] payload) {
    return ByteBuffer.allocate(4 + payload.length)
        .put((byte) 0xFF)
        .put((byte) marker)
        .putShort((short) (payload.length + 2))
        .put(payload)
        .array();
  }

  /** The markers of a JPEG up to and including start-of-scan, in order. */
  static List<Integer> markersBeforeScan(byte[] jpeg) {
    List<Integer> markers = new ArrayList<>();
    int pos = 2;
    while (pos + 4 <= jpeg.length) {
      int marker = jpeg[pos + 1] & 0xFF;
      markers.add(marker);
      if (marker == 0xDA) {
        break;
      }
      pos += 2 + (((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF));
    }
    return markers;
  }

  /**
   * A PNG whose header claims {@code width} x {@code height} pixels, followed by a tiny, wrong
   * image data chunk: what a decompression bomb looks like before decoding.
   */
  static byte[] pngHeaderClaiming(int width, int height) {
    ByteBuffer ihdr =
        ByteBuffer.allocate(13)
            .putInt(width)
            .putInt(height)
            .put((byte) 8)
            .put((byte) 2)
            .put((byte) 0)
            .put((byte) 0)
            .put((byte) 0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    out.writeBytes(pngChunk("IHDR", ihdr.array()));
    out.writeBytes(pngChunk("IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00}));
    out.writeBytes(pngChunk("IEND", new byte[0]));
    return out.toByteArray();
  }

  private static byte[] pngChunk(String type, byte[] data) {
    byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    return ByteBuffer.allocate(12 + data.length)
        .putInt(data.length)
        .put(typeBytes)
        .put(data)
        .putInt((int) crc.getValue())
        .array();
  }

  /** A JPEG whose start-of-frame claims other dimensions than it has. */
  static byte[] jpegClaiming(byte[] jpeg, int width, int height) {
    byte[] out = jpeg.clone();
    int pos = 2;
    while (pos + 9 < out.length) {
      int marker = out[pos + 1] & 0xFF;
      if (marker == 0xC0 || marker == 0xC2) {
        out[pos + 5] = (byte) (height >> 8);
        out[pos + 6] = (byte) height;
        out[pos + 7] = (byte) (width >> 8);
        out[pos + 8] = (byte) width;
        return out;
      }
      pos += 2 + (((out[pos + 2] & 0xFF) << 8) | (out[pos + 3] & 0xFF));
    }
    throw new IllegalArgumentException("no SOF0/SOF2 marker");
  }
}
