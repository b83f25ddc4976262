package com.dermrelay.imaging;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;

/**
 * The labelled set of real photographs the photo check is measured on: the originals in {@code
 * src/test/resources/photo-set} (sources and licences in its {@code photos.csv} and {@code
 * README.md}), each labelled as taken, plus every good original spoiled on purpose in each of the
 * ways below ({@link PhotoDegradations}), labelled with what was done to it.
 */
final class LabelledPhotoSet {
  private static final String FOLDER = "/photo-set/";

  /** Degraded copies are saved as a phone saves a photo, so their compression is realistic. */
  private static final float SAVED_QUALITY = 0.92f;

  private LabelledPhotoSet() {}

  /** What a photo is, as a person judging it would say. */
  enum Label {
    GOOD,
    BLURRY,
    DARK,
    BLOWN_HIGHLIGHTS,
    CRUSHED_SHADOWS,
    TOO_SMALL,
    /** Neither clearly good nor clearly bad as taken: reported, counted in neither share. */
    BORDERLINE
  }

  /** What the check should answer. */
  enum Expected {
    /** Accepted, or accepted with a warning. */
    NOT_FLAGGED,
    /** A retake advised, or the photo refused. */
    FLAGGED,
    /**
     * Spoiled a little: a warning or a retake are both fair; reported, counted in neither share.
     */
    EITHER
  }

  /**
   * One way of spoiling a good photo, at one strength. {@code expected} is FLAGGED for the
   * strengths a person would call unusable for a close look at skin, EITHER for the milder ones.
   */
  record Degradation(
      String name,
      Label label,
      Expected expected,
      String how,
      UnaryOperator<BufferedImage> apply) {}

  /**
   * The strengths are for originals of about 1600 px on the long side. Exposures are counted from
   * what an averaging meter would have chosen ({@link PhotoDegradations#meteredStops}), so a pale
   * photo and a dark one are spoiled alike; blown and crushed areas are set by the share of the
   * photo they cover, since that share is what the fault is.
   */
  static final List<Degradation> DEGRADATIONS =
      List.of(
          new Degradation(
              "blur-2px",
              Label.BLURRY,
              Expected.EITHER,
              "Gaussian blur, sigma 2 px",
              image -> PhotoDegradations.gaussianBlur(image, 2)),
          new Degradation(
              "blur-4px",
              Label.BLURRY,
              Expected.FLAGGED,
              "Gaussian blur, sigma 4 px",
              image -> PhotoDegradations.gaussianBlur(image, 4)),
          new Degradation(
              "blur-8px",
              Label.BLURRY,
              Expected.FLAGGED,
              "Gaussian blur, sigma 8 px",
              image -> PhotoDegradations.gaussianBlur(image, 8)),
          new Degradation(
              "under-2ev",
              Label.DARK,
              Expected.EITHER,
              "2 EV under a metered exposure",
              image ->
                  PhotoDegradations.exposure(image, PhotoDegradations.meteredStops(image) - 2)),
          new Degradation(
              "under-3ev",
              Label.DARK,
              Expected.FLAGGED,
              "3 EV under a metered exposure",
              image ->
                  PhotoDegradations.exposure(image, PhotoDegradations.meteredStops(image) - 3)),
          new Degradation(
              "blown-15",
              Label.BLOWN_HIGHLIGHTS,
              Expected.FLAGGED,
              "exposure raised until 15% of the pixels are pure white",
              image -> PhotoDegradations.blowHighlights(image, 0.15)),
          new Degradation(
              "blown-35",
              Label.BLOWN_HIGHLIGHTS,
              Expected.FLAGGED,
              "exposure raised until 35% of the pixels are pure white",
              image -> PhotoDegradations.blowHighlights(image, 0.35)),
          new Degradation(
              "crushed-40",
              Label.CRUSHED_SHADOWS,
              Expected.FLAGGED,
              "shadows crushed until 40% of the pixels are pure black",
              image -> PhotoDegradations.crushShadows(image, 0.40)),
          new Degradation(
              "crushed-60",
              Label.CRUSHED_SHADOWS,
              Expected.FLAGGED,
              "shadows crushed until 60% of the pixels are pure black",
              image -> PhotoDegradations.crushShadows(image, 0.60)),
          new Degradation(
              "small-640px",
              Label.TOO_SMALL,
              Expected.FLAGGED,
              "downscaled to 640 px on the long side",
              image -> PhotoDegradations.downscale(image, 640)));

  /** An original as committed, with its label as taken. */
  record Original(String file, Label label, String subject, String source, String licence) {
    @Override
    public String toString() {
      return file;
    }
  }

  /** One photo to check: an original, or an original spoiled by {@code degradation}. */
  record Sample(Original original, Degradation degradation) {
    @Override
    public String toString() {
      return name();
    }

    Label label() {
      return degradation == null ? original.label() : degradation.label();
    }

    String name() {
      return degradation == null ? original.file() : original.file() + " " + degradation.name();
    }

    Expected expected() {
      if (degradation != null) {
        return degradation.expected();
      }
      return switch (original.label()) {
        case GOOD -> Expected.NOT_FLAGGED;
        case BORDERLINE -> Expected.EITHER;
        default -> Expected.FLAGGED;
      };
    }

    /** The bytes as uploaded: the original file itself, or the degraded pixels saved as JPEG. */
    byte[] bytes() {
      byte[] file = read(original.file());
      if (degradation == null) {
        return file;
      }
      try {
        BufferedImage image =
            PhotoDegradations.bgrCopy(
                Objects.requireNonNull(
                    ImageIO.read(new java.io.ByteArrayInputStream(file)), original.file()));
        return PhotoSetOriginals.jpeg(degradation.apply().apply(image), SAVED_QUALITY);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The originals listed in {@code photos.csv}, in its order. */
  static List<Original> originals() {
    List<Original> out = new ArrayList<>();
    String csv = new String(read("photos.csv"), StandardCharsets.UTF_8);
    for (String line : csv.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split(",", 7);
      out.add(
          new Original(
              f[0],
              Label.valueOf(f[1].toUpperCase(java.util.Locale.ROOT)),
              f[2],
              f[3] + " " + f[4] + ", " + f[5],
              f[6]));
    }
    return out;
  }

  /** Every original as taken, then each good original in each way of {@link #DEGRADATIONS}. */
  static List<Sample> samples() {
    List<Sample> out = new ArrayList<>();
    List<Original> originals = originals();
    originals.forEach(o -> out.add(new Sample(o, null)));
    for (Degradation d : DEGRADATIONS) {
      originals.stream()
          .filter(o -> o.label() == Label.GOOD)
          .forEach(o -> out.add(new Sample(o, d)));
    }
    return out;
  }

  static byte[] read(String name) {
    try (InputStream in = LabelledPhotoSet.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("missing " + FOLDER + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
