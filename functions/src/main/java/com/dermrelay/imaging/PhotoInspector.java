package com.dermrelay.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import javax.inject.Inject;

/**
 * Checks one uploaded photo and makes the clean copy to store. Pure: bytes in, a
 * {@link PhotoCheck} out, no I/O, no logging (photos are health data), safe to share between
 * threads.
 *
 * <p>The order is the point: the cheap checks that need no decoding come first (size, type by
 * magic bytes, then dimensions from the header), so an oversized or hostile file is refused
 * before any pixel memory is allocated. Only then is the photo decoded once; the clean copy and
 * the quality measurements both come from that one decode (a second, subsampled decode for the
 * analysis would cost more than shrinking the pixels already in memory).
 *
 * <p>Known limits: the EXIF orientation is read from JPEGs only (phones write it there; PNG and
 * WebP uploads are taken as they look). An embedded colour profile (for example Display P3 on
 * iPhones) is dropped, not converted, so such colours come out slightly less saturated.
 */
public final class PhotoInspector {
  private final PhotoLimits limits;

  @Inject
  public PhotoInspector() {
    this(PhotoLimits.defaults());
  }

  public PhotoInspector(PhotoLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  public PhotoCheck inspect(byte[] bytes, PhotoView view) {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(view, "view");
    PhotoFormat format = PhotoFormat.sniff(bytes);
    if (bytes.length > limits.maxBytes()) {
      return PhotoCheck.rejected(format, 0, 0, Finding.of(FindingCode.FILE_TOO_LARGE, bytes.length));
    }
    if (format == PhotoFormat.HEIC) {
      return PhotoCheck.rejected(format, 0, 0, Finding.of(FindingCode.HEIC_NOT_SUPPORTED));
    }
    if (!format.decodable()) {
      return PhotoCheck.rejected(format, 0, 0, Finding.of(FindingCode.NOT_A_PHOTO));
    }

    try (PhotoDecoder decoder = PhotoDecoder.open(bytes, format)) {
      int width;
      int height;
      try {
        width = decoder.width();
        height = decoder.height();
      } catch (IOException | RuntimeException e) {
        // Decoders throw anything on malformed input; all of it means "cannot open".
        return PhotoCheck.rejected(format, 0, 0, Finding.of(FindingCode.DAMAGED));
      }
      int orientation = format == PhotoFormat.JPEG ? ExifOrientation.ofJpeg(bytes) : 1;
      int shownWidth = orientation >= 5 ? height : width;
      int shownHeight = orientation >= 5 ? width : height;

      long pixels = (long) width * height;
      if (pixels > limits.maxPixels()) {
        return PhotoCheck.rejected(format, shownWidth, shownHeight,
            Finding.of(FindingCode.TOO_MANY_PIXELS, pixels));
      }
      int shortSide = Math.min(width, height);
      if (Math.max(width, height) < limits.minLongSide() || shortSide < limits.minShortSide()) {
        return PhotoCheck.rejected(format, shownWidth, shownHeight,
            Finding.of(FindingCode.TOO_SMALL, shortSide));
      }

      BufferedImage decoded;
      try {
        decoded = decoder.read(subsamplingFor(pixels));
      } catch (IOException | RuntimeException e) {
        return PhotoCheck.rejected(format, shownWidth, shownHeight, Finding.of(FindingCode.DAMAGED));
      }
      BufferedImage image = Pixels.orient(Pixels.plain(decoded), orientation);
      decoded = null; // let the unoriented copy go before encoding a 50 MP photo

      List<Finding> findings = new ArrayList<>();
      if ((view == PhotoView.CLOSE_UP || view == PhotoView.DERMOSCOPY)
          && shortSide < limits.closeUpMinShortSide()) {
        findings.add(Finding.of(FindingCode.LOW_RESOLUTION, shortSide));
      }
      Pixels.Grey grey = Pixels.grey(image, limits.analysisLongSide());
      QualityAnalysis.Result quality = QualityAnalysis.analyse(grey, view, limits.quality());
      findings.addAll(quality.findings());

      CleanPhoto clean = new CleanPhoto(encodeJpeg(image), image.getWidth(), image.getHeight(),
          QualityAnalysis.differenceHash(grey));
      return PhotoCheck.checked(format, shownWidth, shownHeight, findings, quality.scores(), clean);
    } catch (IOException e) {
      // Only opening a reader over memory can get here; nothing about the upload is wrong.
      throw new UncheckedIOException("could not open an image reader", e);
    }
  }

  /** 1 when the photo fits {@code storedMaxPixels}, else the smallest factor that makes it fit. */
  private int subsamplingFor(long pixels) {
    int factor = 1;
    while (pixels / ((long) factor * factor) > limits.storedMaxPixels()) {
      factor++;
    }
    return factor;
  }

  /**
   * Pixels only: with no metadata given, the JDK writer emits a bare JFIF header and nothing of
   * the original EXIF, GPS, XMP, ICC or comment segments survives.
   */
  private byte[] encodeJpeg(BufferedImage image) {
    ImageWriter writer = jdkJpegWriter();
    try {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(limits.jpegQuality());
      ByteArrayOutputStream out = new ByteArrayOutputStream(image.getWidth() * image.getHeight() / 4);
      try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
        writer.setOutput(stream);
        writer.write(null, new IIOImage(image, null, null), param);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode the clean copy", e);
    } finally {
      writer.dispose();
    }
  }

  private static ImageWriter jdkJpegWriter() {
    ImageWriter chosen = null;
    for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
      ImageWriter candidate = it.next();
      if (chosen == null || candidate.getClass().getName().startsWith("com.sun.imageio.")) {
        chosen = candidate;
      }
    }
    if (chosen == null) {
      throw new IllegalStateException("no JPEG writer in this JVM");
    }
    return chosen;
  }
}
