package com.dermrelay.research.deid;

import com.dermrelay.imaging.UprightPixels;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * A photo as a research export holds it: written anew from its upright pixels, then cut down to the
 * segments a decoder needs (no APPn at all: no EXIF, GPS, XMP, ICC, JFIF, maker notes; no comments;
 * nothing after the end of image), then read back: its segments must be only those, and it must
 * decode to the same size. A photo that fails any of it is left out of the export.
 */
public final class DeidentifiedJpeg {
  /** High enough that a dermatologist sees what the clean copy showed. */
  static final float QUALITY = 0.92f;

  private DeidentifiedJpeg() {}

  /** Why a photo could not be released. */
  public static final class Refused extends Exception {
    public Refused(String reason, Throwable cause) {
      super(reason, cause);
    }
  }

  /** The photo re-encoded, stripped and verified. */
  public static byte[] of(byte[] photo) throws Refused {
    BufferedImage upright;
    try {
      upright = UprightPixels.decode(photo);
    } catch (IOException | RuntimeException e) {
      throw new Refused("undecodable", e);
    }
    byte[] stripped;
    try {
      stripped = JpegSegments.onlyDecodingSegments(encode(upright));
    } catch (IOException e) {
      throw new Refused("not re-encodable", e);
    }
    List<String> problems = check(stripped, upright.getWidth(), upright.getHeight());
    if (!problems.isEmpty()) {
      throw new Refused("failed its check: " + String.join(", ", problems), null);
    }
    return stripped;
  }

  /**
   * What is wrong with a JPEG as the export would release it: any segment but those a decoder
   * needs, bytes after the end of image, a different size than expected, or no decodable image.
   * Empty when it is fine.
   */
  public static List<String> check(byte[] jpeg, int width, int height) {
    List<String> problems = new ArrayList<>(JpegSegments.unexpected(jpeg));
    try {
      BufferedImage back = ImageIO.read(new ByteArrayInputStream(jpeg));
      if (back == null) {
        problems.add("not an image");
      } else if (back.getWidth() != width || back.getHeight() != height) {
        problems.add("size changed");
      }
    } catch (IOException e) {
      problems.add("does not decode");
    }
    return problems;
  }

  private static byte[] encode(BufferedImage image) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(QUALITY);
      // No metadata object: the writer adds only its own JFIF header, which the strip drops too.
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
