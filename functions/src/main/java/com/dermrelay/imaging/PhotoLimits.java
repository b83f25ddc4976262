package com.dermrelay.imaging;

/**
 * Every limit and threshold of the photo checks, in one place. The defaults are estimates from
 * common phone-camera practice, checked on a labelled set of real (not skin) photographs
 * (docs/intake.md) but not calibrated on clinical photos: treat them as configuration to tune,
 * which is why the quality ones only warn or advise a retake and never reject. A deployment
 * overrides the resolution and quality thresholds through {@code DERMRELAY_PHOTO_*} environment
 * variables ({@link #fromEnvironment}); the hard limits (bytes, pixels) size the Lambda's memory
 * and stay fixed. docs/intake.md justifies each value.
 *
 * @param maxBytes largest upload accepted; a 12-50 MP phone JPEG is 2-15 MB, so 25 MB leaves room
 *     for high-quality PNGs while bounding the work per request
 * @param maxPixels largest width x height decoded, checked from the header before any pixels are
 *     allocated (decompression-bomb guard); 50 MP covers every phone main camera, and decoded as 3
 *     bytes a pixel it is 150 MB, which fits a 1 GB Lambda with room to rotate
 * @param minLongSide with {@code minShortSide}, the smallest photo kept at all (800 x 600, either
 *     way round): below that a doctor cannot see detail in any view
 * @param minShortSide see {@code minLongSide}
 * @param closeUpMinShortSide close-ups and dermoscopy below this short side get a retake advice: a
 *     2-3 cm lesion should span a few hundred pixels, and every phone since about 2012 gives well
 *     over 1000 px
 * @param storedMaxPixels photos above this are decoded at half width and height (a subsampled read)
 *     for the stored copy, so a 50 MP photo costs 12.5 MP of memory; 25 MP keeps every 12-24 MP
 *     phone photo at full resolution
 * @param analysisLongSide quality metrics are measured on a grey copy about this long, so they mean
 *     the same for a 3 MP and a 48 MP camera and cost little
 * @param jpegQuality quality of the clean re-encoded copy (0-1); 0.9 is visually lossless for
 *     photos at about a third of the size of 1.0
 * @param thumbnailLongSide long side of the thumbnail stored beside the clean copy; 320 px shows a
 *     photo recognisably in a worklist row at a few kilobytes
 * @param quality thresholds of the quality checks
 */
public record PhotoLimits(
    long maxBytes,
    long maxPixels,
    int minLongSide,
    int minShortSide,
    int closeUpMinShortSide,
    long storedMaxPixels,
    int analysisLongSide,
    float jpegQuality,
    int thumbnailLongSide,
    Quality quality) {

  public static PhotoLimits defaults() {
    return new PhotoLimits(
        25L * 1024 * 1024,
        50_000_000L,
        800,
        600,
        1000,
        25_000_000L,
        1024,
        0.9f,
        320,
        Quality.defaults());
  }

  /**
   * Quality thresholds, all on the grey analysis copy (luma 0-255).
   *
   * @param blurRetakeBelow sharpness under which a photo is called blurry: a sharp phone photo of
   *     skin with pores and hair measures in the hundreds at this scale, a misfocused one under 20;
   *     smooth skin in soft light can also measure low, hence advice and never rejection
   * @param blurWarnBelow sharpness under which a photo is called a little soft
   * @param tooDarkBelow mean brightness under which the skin cannot be seen well (about a quarter
   *     of the 255 range: a dim indoor photo without flash)
   * @param darkBelow mean brightness under which a photo is dark but usable
   * @param tooBrightAbove mean brightness over which skin looks washed out
   * @param highlightLevel luma at or above which a pixel counts as clipped white
   * @param highlightWarnShare share of clipped-white pixels that earns a warning: a flash
   *     reflection or sweat's sparkle is a few percent; more means lost detail on the skin itself
   * @param highlightRetakeShare share of clipped-white pixels over which a retake is advised (blown
   *     highlights): as much white as a lesion and its margin fill in a close-up, so the part the
   *     doctor needs may be among it
   * @param shadowLevel luma at or below which a pixel counts as clipped black
   * @param shadowWarnShare share of clipped-black pixels that earns a warning (a dark background in
   *     a context photo is normal, and a dermoscope's round field leaves 21% black corners)
   * @param shadowRetakeShare share of clipped-black pixels over which a retake is advised (crushed
   *     shadows), even when the mean brightness looks fine
   * @param plainTileBelow a tile whose luma standard deviation is below this has almost no detail
   *     (JPEG noise alone gives 1-3)
   * @param plainWarnShare close-ups with more plain tiles than this share are called mostly plain
   * @param edgeWarnShare close-ups with more of their detail than this in the outer band (36% of
   *     the area) are called off-centre
   * @param duplicateMaxDistance two views whose 64-bit perceptual hashes differ in at most this
   *     many bits are the same photo: re-compressed or resized copies differ in 0-8, different
   *     photos in about 32
   */
  public record Quality(
      double blurRetakeBelow,
      double blurWarnBelow,
      double tooDarkBelow,
      double darkBelow,
      double tooBrightAbove,
      int highlightLevel,
      double highlightWarnShare,
      double highlightRetakeShare,
      int shadowLevel,
      double shadowWarnShare,
      double shadowRetakeShare,
      double plainTileBelow,
      double plainWarnShare,
      double edgeWarnShare,
      int duplicateMaxDistance) {

    public Quality {
      if (blurRetakeBelow > blurWarnBelow
          || tooDarkBelow > darkBelow
          || darkBelow >= tooBrightAbove) {
        throw new IllegalArgumentException(
            "photo thresholds out of order: blur retake <= blur warn, too dark <= dark < too bright");
      }
      if (highlightWarnShare > highlightRetakeShare || shadowWarnShare > shadowRetakeShare) {
        throw new IllegalArgumentException(
            "photo thresholds out of order: a clipped share that warns <= the one that asks for a retake");
      }
      if (duplicateMaxDistance < 0 || duplicateMaxDistance > 64) {
        throw new IllegalArgumentException("the duplicate distance is 0-64 bits");
      }
    }

    public static Quality defaults() {
      return new Quality(20, 60, 60, 90, 215, 250, 0.05, 0.10, 5, 0.25, 0.33, 2.5, 0.85, 0.65, 8);
    }
  }

  /**
   * The environment variable prefix of every override, e.g. {@code
   * DERMRELAY_PHOTO_BLUR_RETAKE_BELOW}.
   */
  public static final String ENV_PREFIX = "DERMRELAY_PHOTO_";

  /**
   * The defaults with a deployment's overrides from {@code DERMRELAY_PHOTO_<NAME>} variables:
   * {@code MIN_LONG_SIDE}, {@code MIN_SHORT_SIDE}, {@code CLOSE_UP_MIN_SHORT_SIDE} and each {@link
   * Quality} threshold by its name in upper snake case ({@code BLUR_RETAKE_BELOW}, {@code
   * TOO_DARK_BELOW}, {@code DUPLICATE_MAX_DISTANCE}, ...).
   *
   * @throws IllegalArgumentException naming the variable, when a value is not a number or the
   *     thresholds contradict each other: a deployment must fail at start, not check photos wrongly
   */
  public static PhotoLimits fromEnvironment(java.util.Map<String, String> env) {
    PhotoLimits d = defaults();
    Quality q = d.quality();
    Overrides o = new Overrides(env);
    Quality quality =
        new Quality(
            o.number("BLUR_RETAKE_BELOW", q.blurRetakeBelow()),
            o.number("BLUR_WARN_BELOW", q.blurWarnBelow()),
            o.number("TOO_DARK_BELOW", q.tooDarkBelow()),
            o.number("DARK_BELOW", q.darkBelow()),
            o.number("TOO_BRIGHT_ABOVE", q.tooBrightAbove()),
            (int) o.number("HIGHLIGHT_LEVEL", q.highlightLevel()),
            o.number("HIGHLIGHT_WARN_SHARE", q.highlightWarnShare()),
            o.number("HIGHLIGHT_RETAKE_SHARE", q.highlightRetakeShare()),
            (int) o.number("SHADOW_LEVEL", q.shadowLevel()),
            o.number("SHADOW_WARN_SHARE", q.shadowWarnShare()),
            o.number("SHADOW_RETAKE_SHARE", q.shadowRetakeShare()),
            o.number("PLAIN_TILE_BELOW", q.plainTileBelow()),
            o.number("PLAIN_WARN_SHARE", q.plainWarnShare()),
            o.number("EDGE_WARN_SHARE", q.edgeWarnShare()),
            (int) o.number("DUPLICATE_MAX_DISTANCE", q.duplicateMaxDistance()));
    return new PhotoLimits(
        d.maxBytes(),
        d.maxPixels(),
        (int) o.number("MIN_LONG_SIDE", d.minLongSide()),
        (int) o.number("MIN_SHORT_SIDE", d.minShortSide()),
        (int) o.number("CLOSE_UP_MIN_SHORT_SIDE", d.closeUpMinShortSide()),
        d.storedMaxPixels(),
        d.analysisLongSide(),
        d.jpegQuality(),
        d.thumbnailLongSide(),
        quality);
  }

  /** Reads {@code DERMRELAY_PHOTO_<name>} as a non-negative number, or the default when unset. */
  private record Overrides(java.util.Map<String, String> env) {
    double number(String name, double fallback) {
      String value = env.get(ENV_PREFIX + name);
      if (value == null || value.isBlank()) {
        return fallback;
      }
      try {
        double parsed = Double.parseDouble(value.trim());
        if (parsed < 0 || Double.isNaN(parsed) || Double.isInfinite(parsed)) {
          throw new NumberFormatException();
        }
        return parsed;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(ENV_PREFIX + name + " must be a non-negative number");
      }
    }
  }
}
