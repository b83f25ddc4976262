package com.dermrelay.portal;

import com.dermrelay.intake.IntakePhotos;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Real JPEG files for the browser's file inputs: sharp ones the check accepts, a blurred one it does not. */
public final class TestPhotos {
  private static final Path PHOTOS = Path.of("target", "test-photos");

  private TestPhotos() {}

  /** A sharp 1600 x 1200 photo file; photos of one case need different {@code variant}s. */
  static Path sharpFile(String name, int variant) {
    return photo(name, sharp(1600, 1200, variant));
  }

  /** A 1600 x 1200 photo out of focus: the check advises a retake. */
  static Path blurredFile(String name) {
    return photo(name, blurred(1600, 1200));
  }

  /** A sharp textured photo: a fine checkerboard over a gradient whose direction is {@code variant}. */
  static byte[] sharp(int width, int height, int variant) {
    return jpeg(IntakePhotos.textured(width, height, variant));
  }

  /**
   * A photo out of focus: a checkerboard drawn at 1/16 size, enlarged smoothly, then every edge
   * spread over 15 pixels (as imaging's own tests make a blurry photo).
   */
  public static byte[] blurred(int width, int height) {
    return jpeg(com.dermrelay.imaging.TestPhotos.blurred(width, height));
  }

  /** At quality 0.95, as a phone saves it: coarser blocks would read as detail to the check. */
  private static byte[] jpeg(BufferedImage image) {
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

  static Path photo(String name, byte[] bytes) {
    try {
      Files.createDirectories(PHOTOS);
      Path file = PHOTOS.resolve(UUID.randomUUID() + "-" + name);
      Files.write(file, bytes);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
