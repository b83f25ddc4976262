package com.dermrelay.imaging;

import com.dermrelay.imaging.Pixels.Grey;
import java.util.Optional;

/**
 * The lit field of a dermoscopic photo: a dermoscope's lens leaves a round image of the skin in a
 * black (vignetted) frame, so a photo through it is judged on the disc, not on the whole frame,
 * whose black corners would otherwise read as crushed shadows and darken its mean (a disc inscribed
 * in a 4:3 frame leaves 41% of it black).
 *
 * <p>Found on the grey copy: the lit pixels' extent (0.5th to 99.5th percentile in x and y, so a
 * dark lesion inside the field or a few lit specks in the corners do not move it) gives the centre
 * and the radius; a field cut off by the frame's top and bottom still has its full width. It counts
 * as a field only when it is one: nearly everything outside the disc is dark, the outside is a real
 * part of the frame, the disc covers at least a quarter of the frame and sits near its middle.
 * Otherwise (a dermoscope pressed so close that the field fills the frame, or a photo that is
 * simply dark) the whole frame is judged, as for any photo. The checks use the disc's inner {@link
 * #INNER} of the radius: the soft rim of the lens is neither skin nor a fault.
 */
record DermoscopeField(double centreX, double centreY, double radius) {
  /** Luma above this is lit; a dermoscope's vignette is near black, skin through it far above. */
  static final int LIT_ABOVE = 24;

  /** The share of the radius the checks look at. */
  static final double INNER = 0.92;

  /** Outside the disc, at most this share of pixels may be lit for it to be a vignette. */
  private static final double OUTSIDE_LIT_MAX = 0.05;

  /** A vignette worth the name leaves at least this share of the frame outside the disc. */
  private static final double OUTSIDE_MIN = 0.05;

  /** The disc's part inside the frame covers at least this share of it. */
  private static final double DISC_MIN = 0.25;

  /** The centre lies within this share of the width (height) from the frame's centre. */
  private static final double CENTRE_TOLERANCE = 0.15;

  /**
   * Whether the grey copy's pixel {@code (x, y)} lies in the part of the field the checks judge.
   */
  boolean judges(int x, int y) {
    double dx = x + 0.5 - centreX;
    double dy = y + 0.5 - centreY;
    double r = radius * INNER;
    return dx * dx + dy * dy <= r * r;
  }

  /**
   * The pixels of a {@code width} x {@code height} grey copy the checks judge, as a grey copy of
   * ones and zeros, so it can be turned with the photo ({@link Pixels#orient(Grey, int)}).
   */
  Grey mask(int width, int height) {
    float[] marks = new float[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        marks[y * width + x] = judges(x, y) ? 1 : 0;
      }
    }
    return new Grey(width, height, marks);
  }

  /** The lens's field in {@code grey}, or empty when the photo has none worth the name. */
  static Optional<DermoscopeField> find(Grey grey) {
    int w = grey.width();
    int h = grey.height();
    float[] v = grey.luma();
    int[] litPerColumn = new int[w];
    int[] litPerRow = new int[h];
    long lit = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (v[y * w + x] > LIT_ABOVE) {
          litPerColumn[x]++;
          litPerRow[y]++;
          lit++;
        }
      }
    }
    long all = (long) w * h;
    if (lit == 0 || lit > all * (1 - OUTSIDE_MIN)) {
      return Optional.empty();
    }
    double x0 = percentile(litPerColumn, lit, 0.005);
    double x1 = percentile(litPerColumn, lit, 0.995) + 1;
    double y0 = percentile(litPerRow, lit, 0.005);
    double y1 = percentile(litPerRow, lit, 0.995) + 1;
    DermoscopeField field =
        new DermoscopeField((x0 + x1) / 2, (y0 + y1) / 2, Math.max(x1 - x0, y1 - y0) / 2);
    if (Math.abs(field.centreX - w / 2.0) > w * CENTRE_TOLERANCE
        || Math.abs(field.centreY - h / 2.0) > h * CENTRE_TOLERANCE) {
      return Optional.empty();
    }
    long inside = 0;
    long outside = 0;
    long outsideLit = 0;
    double r2 = field.radius * field.radius;
    // A pixel just outside the rim may be lit by the rim's blur: the outside starts 3% further out.
    double outer2 = r2 * 1.03 * 1.03;
    for (int y = 0; y < h; y++) {
      double dy = y + 0.5 - field.centreY;
      for (int x = 0; x < w; x++) {
        double dx = x + 0.5 - field.centreX;
        double d2 = dx * dx + dy * dy;
        if (d2 <= r2) {
          inside++;
        } else if (d2 > outer2) {
          outside++;
          if (v[y * w + x] > LIT_ABOVE) {
            outsideLit++;
          }
        }
      }
    }
    boolean vignette =
        outside >= all * OUTSIDE_MIN
            && outsideLit <= outside * OUTSIDE_LIT_MAX
            && inside >= all * DISC_MIN;
    return vignette ? Optional.of(field) : Optional.empty();
  }

  /** The position (column or row) below which {@code share} of the lit pixels lie. */
  private static int percentile(int[] counts, long total, double share) {
    long wanted = (long) Math.floor(total * share);
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen > wanted) {
        return i;
      }
    }
    return counts.length - 1;
  }
}
