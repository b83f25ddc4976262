package com.dermrelay.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import javax.inject.Inject;

/**
 * Checks one uploaded photo and makes the clean copy to store. Pure: bytes in, a {@link PhotoCheck}
 * out, no I/O, no logging (photos are health data), safe to share between threads.
 *
 * <p>The order is the point: the cheap checks that need no decoding come first (size, type by magic
 * bytes, then dimensions from the header), so an oversized or hostile file is refused before any
 * pixel memory is allocated. Only then is the photo decoded, once. A JPEG small enough to keep
 * whole is stored as its own compressed data with the metadata segments cut out ({@link
 * JpegMetadataStripper}), so its decode is subsampled and serves only the checks and the thumbnail.
 * If its EXIF says to turn it (phones store portrait photos sideways), the stored copy keeps that
 * one tag and is shown turned by the viewer; only the small grey copy the checks measure and the
 * thumbnail are turned here. Every other photo (PNG, WebP, too many pixels to keep whole, a JPEG
 * structure the stripper does not know) is decoded at the size to store, oriented and re-encoded;
 * the checks and thumbnail use those pixels.
 *
 * <p>Known limits: the EXIF orientation is read from JPEGs only (phones write it there; PNG and
 * WebP uploads are taken as they look). An embedded colour profile (for example Display P3 on
 * iPhones) is dropped, not converted, so such colours come out slightly less saturated.
 */
public final class PhotoInspector {
  /** Thumbnails are for recognising a photo in a list, not for judging it. */
  private static final float THUMBNAIL_QUALITY = 0.8f;

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
      return PhotoCheck.rejected(
          format, 0, 0, Finding.of(FindingCode.FILE_TOO_LARGE, bytes.length));
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
        return PhotoCheck.rejected(
            format, shownWidth, shownHeight, Finding.of(FindingCode.TOO_MANY_PIXELS, pixels));
      }
      int shortSide = Math.min(width, height);
      if (Math.max(width, height) < limits.minLongSide() || shortSide < limits.minShortSide()) {
        return PhotoCheck.rejected(
            format, shownWidth, shownHeight, Finding.of(FindingCode.TOO_SMALL, shortSide));
      }

      // A JPEG kept at full size needs no re-encode: its metadata segments are cut out of the
      // bytes (its orientation, if any, written back alone), and the pixels are only decoded for
      // the checks, subsampled.
      int block = Pixels.blockFactor(Math.max(width, height), limits.analysisLongSide());
      Optional<byte[]> stripped =
          format == PhotoFormat.JPEG && pixels <= limits.storedMaxPixels()
              ? JpegMetadataStripper.strip(bytes, orientation)
              : Optional.empty();
      int subsample = stripped.isPresent() ? analysisSubsampling(block) : subsamplingFor(pixels);

      BufferedImage decoded;
      try {
        decoded = decoder.read(subsample);
      } catch (IOException | RuntimeException e) {
        return PhotoCheck.rejected(
            format, shownWidth, shownHeight, Finding.of(FindingCode.DAMAGED));
      }
      // A kept JPEG is shown turned by its tag: its reduced copies are turned below, not this.
      int turnLater = stripped.isPresent() ? orientation : ExifOrientation.NORMAL;
      BufferedImage image =
          stripped.isPresent()
              ? Pixels.plain(decoded)
              : Orientation.apply(Pixels.plain(decoded), orientation);
      decoded = null; // let the unoriented copy go before encoding a 50 MP photo

      List<Finding> findings = new ArrayList<>();
      if ((view == PhotoView.CLOSE_UP || view == PhotoView.DERMOSCOPIC)
          && shortSide < limits.closeUpMinShortSide()) {
        findings.add(Finding.of(FindingCode.LOW_RESOLUTION, shortSide));
      }
      // One pass over the pixels gives the grey copy the checks measure, the colour copy the
      // thumbnail is shrunk from, and the count of clipped pixels.
      Pixels.Reduced reduced =
          Pixels.reduce(
              image,
              stripped.isPresent()
                  ? block / subsample
                  : Pixels.blockFactor(
                      Math.max(image.getWidth(), image.getHeight()), limits.analysisLongSide()),
              limits.quality().highlightLevel(),
              limits.quality().shadowLevel(),
              // A dermoscopic photo may be judged on its lens's disc: its clipped pixels per block.
              view == PhotoView.DERMOSCOPIC);
      Pixels.Grey grey = Orientation.apply(reduced.grey(), turnLater);
      Pixels.Extremes extremes = reduced.extremes();
      Pixels.Grey judged = null;
      if (view == PhotoView.DERMOSCOPIC) {
        // Found before the turn, where the per-block counts are; the mask is turned with the photo.
        Optional<DermoscopeField> field = DermoscopeField.find(reduced.grey());
        if (field.isPresent()) {
          Pixels.Grey mask = field.get().mask(reduced.grey().width(), reduced.grey().height());
          extremes = extremes.within(mask);
          judged = Orientation.apply(mask, turnLater);
        }
      }
      QualityAnalysis.Result quality =
          QualityAnalysis.analyse(grey, extremes, judged, view, limits.quality());
      findings.addAll(quality.findings());

      // The thumbnail has no tag: it is turned (after shrinking, where it costs least).
      byte[] thumbnail =
          encodeJpeg(
              Orientation.apply(
                  Pixels.thumbnail(reduced.colour(), limits.thumbnailLongSide()), turnLater),
              THUMBNAIL_QUALITY);
      CleanPhoto clean =
          stripped.isPresent()
              ? new CleanPhoto(
                  stripped.get(),
                  shownWidth,
                  shownHeight,
                  QualityAnalysis.differenceHash(grey),
                  thumbnail)
              : new CleanPhoto(
                  encodeJpeg(image, limits.jpegQuality()),
                  image.getWidth(),
                  image.getHeight(),
                  QualityAnalysis.differenceHash(grey),
                  thumbnail);
      return PhotoCheck.checked(format, shownWidth, shownHeight, findings, quality.scores(), clean);
    } catch (IOException e) {
      // Only opening a reader over memory can get here; nothing about the upload is wrong.
      throw new UncheckedIOException("could not open an image reader", e);
    }
  }

  /**
   * How much to subsample the decode when the pixels serve only the checks and the thumbnail: a
   * divisor of the analysis block {@code block}, at most half of it, so the grey copy still
   * averages blocks of at least 2 x 2 decoded pixels (averaging keeps noise and aliasing from
   * looking like detail) and has the same size as from a full decode. 1 for blocks under 4.
   */
  static int analysisSubsampling(int block) {
    for (int s = block / 2; s > 1; s--) {
      if (block % s == 0) {
        return s;
      }
    }
    return 1;
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
   * Pixels only: with no metadata given, the JDK writer emits a bare JFIF header and nothing of the
   * original EXIF, GPS, XMP, ICC or comment segments survives.
   */
  private static byte[] encodeJpeg(BufferedImage image, float quality) {
    ImageWriter writer = jdkJpegWriter();
    try {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      ByteArrayOutputStream out =
          new ByteArrayOutputStream(image.getWidth() * image.getHeight() / 4);
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
