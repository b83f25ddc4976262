package com.dermrelay.bench;

import com.dermrelay.imaging.PhotoCheck;
import com.dermrelay.imaging.PhotoInspector;
import com.dermrelay.imaging.PhotoView;
import com.dermrelay.testing.Photos;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Run in a fresh JVM by {@link Benchmarks}. {@code time FILE}: prints the medians of a bare ImageIO
 * decode and of the full photo check, alternated after a warm-up. {@code heap FILE}: checks the
 * photo once and prints the peak heap in MB.
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
    // The same photo as a phone held upright writes it: EXIF says "turn 90 degrees", so the
    // check must decode it whole, turn the pixels and re-encode (an upright JPEG is copied).
    byte[] rotated = Photos.withOrientation(photo, 6);
    for (int i = 0; i < (Benchmarks.SMOKE ? 0 : 3); i++) {
      ImageIO.read(new ByteArrayInputStream(photo));
      inspector.inspect(photo, PhotoView.CLOSE_UP);
      inspector.inspect(rotated, PhotoView.CLOSE_UP);
    }
    List<Long> decode = new ArrayList<>();
    List<Long> check = new ArrayList<>();
    List<Long> checkRotated = new ArrayList<>();
    for (int i = 0; i < Benchmarks.samples(9); i++) {
      long start = System.nanoTime();
      ImageIO.read(new ByteArrayInputStream(photo));
      decode.add((System.nanoTime() - start) / 1_000_000);
      start = System.nanoTime();
      inspector.inspect(photo, PhotoView.CLOSE_UP);
      check.add((System.nanoTime() - start) / 1_000_000);
      start = System.nanoTime();
      inspector.inspect(rotated, PhotoView.CLOSE_UP);
      checkRotated.add((System.nanoTime() - start) / 1_000_000);
    }
    System.out.println("DECODE " + Benchmarks.median(decode) + " " + decode);
    System.out.println("CHECK " + Benchmarks.median(check) + " " + check);
    System.out.println("ROTATED " + Benchmarks.median(checkRotated) + " " + checkRotated);
  }
}
