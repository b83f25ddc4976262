package com.dermrelay.imaging;

import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * A stored photo's pixels the right way up (its EXIF orientation applied, if it still has one), in
 * a plain 8-bit raster a JPEG writer takes: for capabilities that write photos anew from their
 * pixels alone, such as the research export. The checks of {@link PhotoInspector} are not run.
 */
public final class UprightPixels {
  private UprightPixels() {}

  /**
   * @throws IOException when the bytes are not a whole JPEG, PNG or WebP
   */
  public static BufferedImage decode(byte[] photo) throws IOException {
    PhotoFormat format = PhotoFormat.sniff(photo);
    if (!format.decodable()) {
      throw new IOException("not a decodable photo: " + format);
    }
    int orientation =
        format == PhotoFormat.JPEG ? ExifOrientation.ofJpeg(photo) : ExifOrientation.NORMAL;
    try (PhotoDecoder decoder = PhotoDecoder.open(photo, format)) {
      return Orientation.apply(Pixels.plain(decoder.read(1)), orientation);
    }
  }
}
