package com.dermrelay.imaging;

import com.dermrelay.imaging.Pixels.Grey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures sharpness, exposure and framing on a small grey copy of the photo, and turns the
 * measurements into findings. Everything here is a heuristic on pixels; none of it knows what skin
 * or a lesion is. What each one can and cannot tell:
 *
 * <ul>
 *   <li>Sharpness: the variance of the Laplacian (how strongly brightness changes from a pixel to
 *       its neighbours), taken in the most detailed quarter of an 8x8 grid of tiles, because the
 *       skin problem may fill only part of the frame and the camera focused there. Smooth skin in
 *       soft light has little fine detail even when sharp, and sensor noise in a dark photo looks
 *       like detail, so a dark photo can pass and a smooth one can be called soft.
 *   <li>Exposure: the mean brightness, and the share of pure-white and pure-black pixels counted
 *       pixel by pixel (a block mean would blend scattered clipped pixels away). A large share lost
 *       to white (blown highlights) or black (crushed shadows) asks for a retake even when the mean
 *       looks fine. It cannot tell a dark background from dark skin; the thresholds are set so that
 *       a well-lit photo of any skin tone passes (a mean of 60 is far below well-lit darker skin),
 *       and the black share that asks for a retake is above what a dermoscope's round field or a
 *       dark background in a context photo usually leaves.
 *   <li>Dermoscopic photos are judged on the dermoscope's lit disc ({@link DermoscopeField}) when
 *       they have one: brightness, clipped shares and sharpness are measured inside it, so its
 *       black surround is neither crushed shadows nor darkness, and its sharp rim is not detail.
 *   <li>Framing (close-ups only): "mostly plain" when nearly every tile has almost no detail (a
 *       wall, a sheet, a badly missed focus); "off-centre" when most of the detail lies in the
 *       outer band of the frame. Hair, clothing or a patterned background at the edges can trigger
 *       it for a well-framed lesion; a featureless lesion on featureless skin can look plain. We
 *       deliberately do not detect skin by colour: such detectors fail most on darker skin.
 * </ul>
 */
final class QualityAnalysis {
  private static final int GRID = 8;

  /** The outer band is 10% of width and height on every side: 36% of the area. */
  private static final double BAND = 0.10;

  private QualityAnalysis() {}

  record Result(QualityScores scores, List<Finding> findings) {}

  /**
   * @param extremes the clipped pixels, counted in the same pass that made {@code grey} ({@link
   *     Pixels#reduce(java.awt.image.BufferedImage, int, int, int)}) at the levels of {@code q}
   */
  static Result analyse(
      Grey grey, Pixels.Extremes extremes, PhotoView view, PhotoLimits.Quality q) {
    return analyse(grey, extremes, null, view, q);
  }

  /**
   * @param region the part of {@code grey} to judge (non-zero marks, {@link DermoscopeField#mask}),
   *     or null for the whole frame; {@code extremes} are then those of the region already
   */
  static Result analyse(
      Grey grey, Pixels.Extremes extremes, Grey region, PhotoView view, PhotoLimits.Quality q) {
    int w = grey.width();
    int h = grey.height();
    float[] v = grey.luma();
    boolean[] judged = region == null ? null : judgedPixels(region);

    // Exposure: the mean over every judged value; the clipped shares come from the full pixels.
    double sum = 0;
    int judgedCount = 0;
    for (int i = 0; i < v.length; i++) {
      if (judged == null || judged[i]) {
        sum += v[i];
        judgedCount++;
      }
    }
    double mean = sum / Math.max(1, judgedCount);
    double highlightShare = extremes.highlightShare();
    double shadowShare = extremes.shadowShare();

    // Laplacian statistics per tile and for the outer band, over interior pixels.
    int tiles = GRID * GRID;
    double[] tileSum = new double[tiles];
    double[] tileSq = new double[tiles];
    double[] tileAbs = new double[tiles];
    int[] tileCount = new int[tiles];
    double bandAbs = 0;
    double totalAbs = 0;
    int bandX0 = (int) Math.round(w * BAND);
    int bandX1 = w - bandX0;
    int bandY0 = (int) Math.round(h * BAND);
    int bandY1 = h - bandY0;
    // The tile grid covers the judged region: the whole frame, or the bounding box of the disc.
    int[] box = judged == null ? new int[] {0, 0, w, h} : boundingBox(judged, w, h);
    int boxW = Math.max(1, box[2] - box[0]);
    int boxH = Math.max(1, box[3] - box[1]);
    for (int y = Math.max(1, box[1]); y < Math.min(h - 1, box[3]); y++) {
      int ty = Math.min(GRID - 1, (y - box[1]) * GRID / boxH);
      boolean bandRow = y < bandY0 || y >= bandY1;
      for (int x = Math.max(1, box[0]); x < Math.min(w - 1, box[2]); x++) {
        int i = y * w + x;
        // Only where the pixel and its neighbours are all judged: the rim's edge is not detail.
        if (judged != null
            && !(judged[i] && judged[i - 1] && judged[i + 1] && judged[i - w] && judged[i + w])) {
          continue;
        }
        double lap = v[i - 1] + v[i + 1] + v[i - w] + v[i + w] - 4 * v[i];
        double abs = Math.abs(lap);
        int t = ty * GRID + Math.min(GRID - 1, (x - box[0]) * GRID / boxW);
        tileSum[t] += lap;
        tileSq[t] += lap * lap;
        tileAbs[t] += abs;
        tileCount[t]++;
        totalAbs += abs;
        if (bandRow || x < bandX0 || x >= bandX1) {
          bandAbs += abs;
        }
      }
    }
    double[] tileVariance = new double[tiles];
    int plainTiles = 0;
    int counted = 0;
    // A tile of the disc's box that lies mostly outside the disc says little: left out.
    int fullTile = judged == null ? 1 : Math.max(1, boxW * boxH / tiles / 2);
    for (int t = 0; t < tiles; t++) {
      if (tileCount[t] < fullTile) {
        continue;
      }
      double m = tileSum[t] / tileCount[t];
      tileVariance[counted++] = tileSq[t] / tileCount[t] - m * m;
      if (tileAbs[t] / tileCount[t] < q.plainTileBelow()) {
        plainTiles++;
      }
    }
    double sharpness = topQuarterMean(Arrays.copyOf(tileVariance, counted));
    double plainShare = counted == 0 ? 1 : (double) plainTiles / counted;
    double edgeShare = totalAbs == 0 ? 0 : bandAbs / totalAbs;

    QualityScores scores =
        new QualityScores(sharpness, mean, highlightShare, shadowShare, plainShare, edgeShare);
    return new Result(scores, findings(scores, view, q));
  }

  private static List<Finding> findings(QualityScores s, PhotoView view, PhotoLimits.Quality q) {
    List<Finding> out = new ArrayList<>();
    boolean blurry = s.sharpness() < q.blurRetakeBelow();
    if (blurry) {
      out.add(Finding.of(FindingCode.BLURRY, s.sharpness()));
    } else if (s.sharpness() < q.blurWarnBelow()) {
      out.add(Finding.of(FindingCode.SLIGHTLY_BLURRY, s.sharpness()));
    }

    FindingCode brightness = null;
    if (s.meanBrightness() < q.tooDarkBelow()) {
      brightness = FindingCode.TOO_DARK;
    } else if (s.meanBrightness() < q.darkBelow()) {
      brightness = FindingCode.DARK;
    } else if (s.meanBrightness() > q.tooBrightAbove()) {
      brightness = FindingCode.TOO_BRIGHT;
    }
    if (brightness != null) {
      out.add(Finding.of(brightness, s.meanBrightness()));
    }
    // A photo already called too bright or too dark needs no advice about its clipped parts; one
    // only a little dark still gets a retake when a large part of it is lost to white or black,
    // but not the patch warnings as well.
    if (brightness == null || brightness.verdict() != Verdict.RETAKE_ADVISED) {
      if (s.highlightClipped() > q.highlightRetakeShare()) {
        out.add(Finding.of(FindingCode.BLOWN_HIGHLIGHTS, s.highlightClipped()));
      } else if (brightness == null && s.highlightClipped() > q.highlightWarnShare()) {
        out.add(Finding.of(FindingCode.BRIGHT_PATCHES, s.highlightClipped()));
      }
      if (s.shadowClipped() > q.shadowRetakeShare()) {
        out.add(Finding.of(FindingCode.CRUSHED_SHADOWS, s.shadowClipped()));
      } else if (brightness == null && s.shadowClipped() > q.shadowWarnShare()) {
        out.add(Finding.of(FindingCode.DARK_PATCHES, s.shadowClipped()));
      }
    }

    // Framing only for close-ups, and not when blur already explains a lack of detail.
    if (view == PhotoView.CLOSE_UP && !blurry) {
      if (s.plainShare() > q.plainWarnShare()) {
        out.add(Finding.of(FindingCode.MOSTLY_PLAIN, s.plainShare()));
      } else if (s.edgeDetailShare() > q.edgeWarnShare()) {
        out.add(Finding.of(FindingCode.OFF_CENTRE, s.edgeDetailShare()));
      }
    }
    return out;
  }

  private static boolean[] judgedPixels(Grey region) {
    float[] marks = region.luma();
    boolean[] judged = new boolean[marks.length];
    for (int i = 0; i < marks.length; i++) {
      judged[i] = marks[i] != 0;
    }
    return judged;
  }

  /** x0, y0, x1, y1 (exclusive) of the judged pixels. */
  private static int[] boundingBox(boolean[] judged, int w, int h) {
    int x0 = w;
    int y0 = h;
    int x1 = 0;
    int y1 = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (judged[y * w + x]) {
          x0 = Math.min(x0, x);
          y0 = Math.min(y0, y);
          x1 = Math.max(x1, x + 1);
          y1 = Math.max(y1, y + 1);
        }
      }
    }
    return new int[] {x0, y0, x1, y1};
  }

  private static double topQuarterMean(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    Arrays.sort(values);
    int n = Math.max(1, values.length / 4);
    double sum = 0;
    for (int i = values.length - n; i < values.length; i++) {
      sum += values[i];
    }
    return sum / n;
  }

  /**
   * A 64-bit difference hash: the grey copy shrunk to 9x8 block means, one bit per neighbour pair
   * (is the left one brighter). Resized or re-compressed copies of one photo differ in a few bits;
   * different photos in about half. For the duplicate check across a case's views.
   */
  static long differenceHash(Grey grey) {
    int w = grey.width();
    int h = grey.height();
    float[] v = grey.luma();
    double[] cells = new double[9 * 8];
    int[] counts = new int[9 * 8];
    for (int y = 0; y < h; y++) {
      int cy = Math.min(7, y * 8 / h);
      for (int x = 0; x < w; x++) {
        int c = cy * 9 + Math.min(8, x * 9 / w);
        cells[c] += v[y * w + x];
        counts[c]++;
      }
    }
    long hash = 0;
    for (int cy = 0; cy < 8; cy++) {
      for (int cx = 0; cx < 8; cx++) {
        int c = cy * 9 + cx;
        double left = cells[c] / Math.max(1, counts[c]);
        double right = cells[c + 1] / Math.max(1, counts[c + 1]);
        hash = (hash << 1) | (left > right ? 1 : 0);
      }
    }
    return hash;
  }
}
