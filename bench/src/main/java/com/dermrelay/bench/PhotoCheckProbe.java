package com.dermrelay.bench;

import com.dermrelay.imaging.PhotoCheck;
import com.dermrelay.imaging.PhotoInspector;
import com.dermrelay.imaging.PhotoView;
import com.dermrelay.testing.Photos;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Run in a fresh JVM by {@link Benchmarks}. {@code time FILE [PNG WEBP]}: prints the medians of a
 * bare ImageIO decode and of the full photo check of the JPEG, upright and with EXIF orientation 6,
 * and of the same picture as PNG and WebP (bare decode and check), alternated after a warm-up.
 * {@code heap FILE}: checks the photo once and prints the peak heap in MB.
 */
public final class PhotoCheckProbe {
  private PhotoCheckProbe() {}

  public static void main(String[] args) throws Exception {
    byte[] photo = Files.readAllBytes(Path.of(args[1]));
    PhotoInspector inspector = new PhotoInspector();
    if (args[0].equals("heap")) {
      PhotoCheck check = inspector.inspect(photo, PhotoView.CONTEXT);
      long peak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      System.out.println("HEAP " + peak / 1_000_000 + " " + check.verdict());
      return;
    }
    // The same photo as a phone held upright writes it: EXIF says "turn 90 degrees". Since issue
    // 20 its compressed data is kept as the upright one's is, with the tag written back alone.
    byte[] rotated = Photos.withOrientation(photo, 6);
    // The same picture as PNG and as WebP (args 2 and 3, made by Benchmarks): decoded whole and
    // re-encoded as JPEG, the only way the inspector stores them.
    byte[] png = args.length > 2 ? Files.readAllBytes(Path.of(args[2])) : null;
    byte[] webp = args.length > 3 ? Files.readAllBytes(Path.of(args[3])) : null;
    for (int i = 0; i < (Benchmarks.SMOKE ? 0 : 3); i++) {
      ImageIO.read(new ByteArrayInputStream(photo));
      inspector.inspect(photo, PhotoView.CLOSE_UP);
      inspector.inspect(rotated, PhotoView.CLOSE_UP);
      if (png != null) {
        inspector.inspect(png, PhotoView.CLOSE_UP);
        inspector.inspect(webp, PhotoView.CLOSE_UP);
      }
    }
    Map<String, List<Long>> samples = new LinkedHashMap<>();
    for (int i = 0; i < Benchmarks.samples(9); i++) {
      time(samples, "DECODE", () -> ImageIO.read(new ByteArrayInputStream(photo)));
      time(samples, "CHECK", () -> check(inspector, photo));
      time(samples, "ROTATED", () -> check(inspector, rotated));
      if (png != null) {
        time(samples, "PNG_DECODE", () -> ImageIO.read(new ByteArrayInputStream(png)));
        time(samples, "PNG_CHECK", () -> check(inspector, png));
        time(samples, "WEBP_DECODE", () -> webpDecode(webp));
        time(samples, "WEBP_CHECK", () -> check(inspector, webp));
      }
    }
    samples.forEach(
        (name, times) -> System.out.println(name + " " + Benchmarks.median(times) + " " + times));
  }

  private interface Step {
    void run() throws Exception;
  }

  private static void time(Map<String, List<Long>> samples, String name, Step step)
      throws Exception {
    long start = System.nanoTime();
    step.run();
    samples
        .computeIfAbsent(name, n -> new ArrayList<>())
        .add((System.nanoTime() - start) / 1_000_000);
  }

  /** A check that stored nothing would time the wrong path: each of these photos is accepted. */
  private static void check(PhotoInspector inspector, byte[] photo) {
    PhotoCheck check = inspector.inspect(photo, PhotoView.CLOSE_UP);
    if (check.clean() == null) {
      throw new IllegalStateException("the bench photo was refused: " + check.findings());
    }
  }

  /** TwelveMonkeys' reader, created directly as the inspector does. */
  private static void webpDecode(byte[] webp) throws Exception {
    ImageReader reader = new WebPImageReaderSpi().createReaderInstance(null);
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(webp))) {
      reader.setInput(in);
      reader.read(0);
    } finally {
      reader.dispose();
    }
  }
}
