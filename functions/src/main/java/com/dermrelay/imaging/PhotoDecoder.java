package com.dermrelay.imaging;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * One upload's decoder. Opening it reads only the header, so the dimensions can be checked before a
 * single pixel is allocated; {@link #read(int)} then decodes. The reader is chosen by the format
 * the magic bytes told, never by ImageIO guessing: JPEG and PNG by the JDK's own readers, WebP by
 * TwelveMonkeys' (instantiated directly, so it works whatever the class loader lets ImageIO's
 * plugin scan see).
 */
final class PhotoDecoder implements AutoCloseable {
  private final ImageReader reader;
  private final ImageInputStream input;
  private final List<String> warnings = new ArrayList<>();

  private PhotoDecoder(ImageReader reader, ImageInputStream input) {
    this.reader = reader;
    this.input = input;
    // The bytes are in memory already: no ImageIO temp-file cache, no copy.
    reader.setInput(input, true, true);
    reader.addIIOReadWarningListener((source, message) -> warnings.add(message));
  }

  static PhotoDecoder open(byte[] bytes, PhotoFormat format) throws IOException {
    ImageReader reader =
        switch (format) {
          case JPEG -> jdkReader("jpeg");
          case PNG -> jdkReader("png");
          case WEBP -> new WebPImageReaderSpi().createReaderInstance(null);
          default -> throw new IllegalArgumentException("not decodable: " + format);
        };
    return new PhotoDecoder(reader, new BytesImageInputStream(bytes));
  }

  private static ImageReader jdkReader(String formatName) throws IIOException {
    ImageReader chosen = null;
    for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(formatName);
        it.hasNext(); ) {
      ImageReader candidate = it.next();
      if (chosen == null || candidate.getClass().getName().startsWith("com.sun.imageio.")) {
        chosen = candidate;
      }
    }
    if (chosen == null) {
      throw new IIOException("no ImageIO reader for " + formatName);
    }
    return chosen;
  }

  int width() throws IOException {
    return reader.getWidth(0);
  }

  int height() throws IOException {
    return reader.getHeight(0);
  }

  /**
   * Decodes the first image, every {@code subsample}-th pixel in each direction. Asks for plain
   * 8-bit RGB or grey when the reader offers it, which skips the JDK's slow colour conversion of
   * JPEGs with an embedded profile (the profile is not applied; see {@link PhotoInspector}).
   *
   * @throws IIOException also when the reader only warned, for example about a truncated JPEG,
   *     which it would otherwise fill with grey and return as if whole
   */
  BufferedImage read(int subsample) throws IOException {
    ImageReadParam param = reader.getDefaultReadParam();
    if (subsample > 1) {
      param.setSourceSubsampling(subsample, subsample, 0, 0);
    }
    for (Iterator<ImageTypeSpecifier> it = reader.getImageTypes(0); it.hasNext(); ) {
      ImageTypeSpecifier type = it.next();
      int t = type.getBufferedImageType();
      if (t == BufferedImage.TYPE_3BYTE_BGR || t == BufferedImage.TYPE_BYTE_GRAY) {
        param.setDestinationType(type);
        break;
      }
    }
    BufferedImage image = reader.read(0, param);
    for (String warning : warnings) {
      // The only JDK warning that does not mean damaged pixels: a broken colour profile.
      if (!warning.contains("color profile")) {
        throw new IIOException("decoder warning: " + warning);
      }
    }
    return image;
  }

  @Override
  public void close() {
    reader.dispose();
    try {
      input.close();
    } catch (IOException e) {
      // A memory-backed stream has nothing to release; its close cannot fail meaningfully.
    }
  }
}
