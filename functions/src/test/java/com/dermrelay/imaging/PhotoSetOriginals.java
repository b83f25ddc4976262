package com.dermrelay.imaging;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * How the originals of the labelled photo set were made from the photographs as their Debian
 * packages ship them (see {@code photo-set/SOURCES.md}): area-averaged to at most 1600 px on the
 * long side and saved as JPEG quality 0.85 without metadata, so the set stays a few MB. Run by
 * hand, not by the build: {@code java ... PhotoSetOriginals OUT_DIR NAME=SOURCE_FILE ...}.
 */
final class PhotoSetOriginals {
  static final int LONG_SIDE = 1600;
  static final float QUALITY = 0.85f;

  private PhotoSetOriginals() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    for (int i = 1; i < args.length; i++) {
      String[] pair = args[i].split("=", 2);
      BufferedImage source = ImageIO.read(Path.of(pair[1]).toFile());
      if (source == null) {
        throw new IOException("cannot read " + pair[1]);
      }
      BufferedImage small = PhotoDegradations.downscale(source, LONG_SIDE);
      Path target = out.resolve(pair[0] + ".jpg");
      Files.write(target, jpeg(small, QUALITY));
      System.out.printf(
          "%s %dx%d %d KB%n",
          target.getFileName(), small.getWidth(), small.getHeight(), Files.size(target) / 1024);
    }
  }

  /** Baseline JPEG at {@code quality}, JFIF header only. */
  static byte[] jpeg(BufferedImage image, float quality) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try (ImageOutputStream stream = ImageIO.createImageOutputStream(bytes)) {
        writer.setOutput(stream);
        writer.write(null, new IIOImage(image, null, null), param);
      }
      return bytes.toByteArray();
    } finally {
      writer.dispose();
    }
  }
}
