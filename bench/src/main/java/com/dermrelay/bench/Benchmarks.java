package com.dermrelay.bench;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.functions.FunctionClocks;
import com.dermrelay.testing.Photos;
import com.dermrelay.testing.TestContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Measures the figures of docs/performance.md in fresh JVMs and prints them as Markdown rows. Each
 * figure is a median; the raw samples are printed too so noise is visible.
 *
 * <p>{@code -Dbench.only=smoke} is the build's bench smoke (bound to {@code verify} in the bench
 * profile, run last by {@code .ci/run}): every probe once with the fewest samples and small inputs,
 * the stack's probes on one local stack. Its figures mean nothing and nothing is asserted on them;
 * it proves each probe still runs, so a broken bench fails the build rather than the next
 * measurement.
 */
public final class Benchmarks {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

  /** The bench smoke: every probe once, as few samples as each can take. */
  static final boolean SMOKE = "smoke".equals(System.getProperty("bench.only"));

  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(System.getProperty("dermrelay.repo")).toAbsolutePath().normalize();
    Path functionsJar = repo.resolve("functions/target/dermrelay-functions.jar");
    Path localDevJar = repo.resolve("local-dev/target/dermrelay-local-dev.jar");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    if ("photo".equals(System.getProperty("bench.only"))) {
      // Only the photo check's figures: -Dbench.only=photo (docs/performance.md); needs no stack.
      photoCheck(java, functionsJar);
      return;
    }
    if ("priming".equals(System.getProperty("bench.only"))) {
      // Only the SnapStart figures: -Dbench.only=priming (docs/performance.md).
      withStack(
          (stack, envFile) ->
              firstRequestAfterPriming(java, probeClasspath(functionsJar), envFile));
      return;
    }
    if ("coldstart".equals(System.getProperty("bench.only"))) {
      // Only the jar size and the cold-start figures, priming included (docs/performance.md).
      jarSize(functionsJar);
      withStack((stack, envFile) -> coldStart(java, probeClasspath(functionsJar), envFile));
      return;
    }
    if ("fhir".equals(System.getProperty("bench.only"))) {
      fhirBundle(java, repo, functionsJar);
      return;
    }
    if ("submit".equals(System.getProperty("bench.only"))) {
      // Issue 4: submit -> on the worklist, p50/p95 over 50 cases, on a real-time-clock stack.
      try (LocalStack stack =
          LocalStack.start(LocalStackConfig.forTests().withManualClock(false))) {
        SubmitToWorklistProbe.run(stack);
      }
      return;
    }
    if ("upload".equals(System.getProperty("bench.only"))) {
      // Issue 18: a 12 MP photo over 1 Mbit/s up and 300 ms latency, original vs made ready first.
      try (LocalStack stack =
          LocalStack.start(LocalStackConfig.forTests().withManualClock(false))) {
        ThrottledUploadProbe.run(stack);
      }
      return;
    }
    if ("flood".equals(System.getProperty("bench.only"))) {
      // Issue 19: one clinic flooding the API, another clinic's success rate and latency.
      try (LocalStack stack =
          LocalStack.start(LocalStackConfig.forTests().withManualClock(false))) {
        ClinicFloodProbe.run(stack);
      }
      return;
    }
    if ("quality".equals(System.getProperty("bench.only"))) {
      // Issue 16: the quality page's DynamoDB requests, 100 vs 1,000,000 cases' worth of events.
      try (LocalStack stack =
          LocalStack.start(LocalStackConfig.forTests().withManualClock(false))) {
        QualityScalingProbe.run(stack);
      }
      return;
    }
    if ("worklist".equals(System.getProperty("bench.only"))) {
      // Issue 4: the first worklist page's DynamoDB requests and latency, 1,000 vs 100,000 cases.
      try (LocalStack stack =
          LocalStack.start(LocalStackConfig.forTests().withManualClock(false))) {
        WorklistScalingProbe.run(stack);
      }
      return;
    }

    if (SMOKE) {
      System.out.println(
          "bench smoke: every probe once with the fewest samples and small inputs; the rows below"
              + " prove the probes run, their labels and figures are not measurements");
      // Every probe once: those that need a running stack share one, then the others.
      withStack(
          (stack, envFile) -> {
            SubmitToWorklistProbe.run(stack);
            WorklistScalingProbe.run(stack);
            coldStart(java, probeClasspath(functionsJar), envFile);
            ThrottledUploadProbe.run(stack);
            ClinicFloodProbe.run(stack);
          });
      fhirBundle(java, repo, functionsJar);
    }

    jarSize(functionsJar);

    List<Long> startups = new ArrayList<>();
    for (int i = 0; i < samples(5); i++) {
      // The FHIR jar holds every handler, as local-dev/start runs it.
      startups.add(
          localStackStartMillis(
              java, repo, localDevJar, repo.resolve("functions/target/dermrelay-fhir.jar")));
    }
    System.out.printf(
        "| local stack start to ready (median of 5) | %.2f s | target < 6 s | samples ms %s |%n",
        median(startups) / 1000.0, startups);

    if (!SMOKE) {
      withStack((stack, envFile) -> coldStart(java, probeClasspath(functionsJar), envFile));
    }
    photoCheck(java, functionsJar);
  }

  /**
   * Issue 8: the FHIR Bundle of a case (4 photos, 2 prescriptions), run from the shaded
   * dermrelay-fhir.jar alone, and what the FHIR model adds to the deployment.
   */
  private static void fhirBundle(String java, Path repo, Path functionsJar) throws Exception {
    Path fhirJar = repo.resolve("functions/target/dermrelay-fhir.jar");
    System.out.printf(
        "| dermrelay-functions.jar | %.1f MB |%n| dermrelay-fhir.jar | %.1f MB |%n"
            + "| added by the FHIR model (fhir jar minus functions jar) | %.1f MB |%n",
        Files.size(functionsJar) / 1_000_000.0,
        Files.size(fhirJar) / 1_000_000.0,
        (Files.size(fhirJar) - Files.size(functionsJar)) / 1_000_000.0);
    Process probe =
        new ProcessBuilder(
                java,
                "-Dbench.only=" + System.getProperty("bench.only"),
                "-cp",
                fhirJar + ":" + System.getProperty("bench.classes"),
                "com.dermrelay.bench.FhirBundleProbe")
            .inheritIO()
            .start();
    if (probe.waitFor() != 0) {
      throw new IllegalStateException("the FHIR probe failed from dermrelay-fhir.jar alone");
    }
  }

  private static void jarSize(Path functionsJar) throws IOException {
    System.out.printf(
        "| functions jar | %.1f MB | target < 25 MB |%n", Files.size(functionsJar) / 1_000_000.0);
  }

  /**
   * The photo check of a 12 MP JPEG beside a bare ImageIO decode of the same file, in one fresh JVM
   * with Lambda's flags; and the peak heap of checking a 50 MP JPEG under a 700 MB heap.
   */
  private static void photoCheck(String java, Path functionsJar) throws Exception {
    String classpath = probeClasspath(functionsJar);
    // The smoke only checks that the probe runs, on photos small enough to make in a moment.
    int width = SMOKE ? 1600 : 4000;
    int height = SMOKE ? 1200 : 3000;
    Path twelve = skinPhotoFile(width, height);
    Path png = Files.createTempFile("dermrelay-photo", ".png");
    Path webp = null;
    Path fifty = SMOKE ? skinPhotoFile(2000, 1500) : skinPhotoFile(8600, 5800); // 49.9 MP
    try {
      javax.imageio.ImageIO.write(Photos.skinWithLesion(width, height), "png", png.toFile());
      webp = ChromiumWebP.fromJpeg(twelve, 0.9);
      List<String> timing =
          probeOutput(
              java,
              classpath,
              "-Xmx1g",
              "time",
              twelve.toString(),
              png.toString(),
              webp.toString());
      long decode = median(timing, "DECODE");
      long check = median(timing, "CHECK");
      System.out.printf(
          "| photo check, 12 MP JPEG (median of 9, warm) | %d ms | samples %s |%n",
          check, samples(timing, "CHECK"));
      System.out.printf(
          "| bare ImageIO decode, same file (median of 9) | %d ms | samples %s |%n",
          decode, samples(timing, "DECODE"));
      System.out.printf(
          "| photo check / decode ratio | %.2f | target < 2.5 |%n", (double) check / decode);
      long rotated = median(timing, "ROTATED");
      System.out.printf(
          "| photo check, same JPEG with EXIF orientation 6 | %d ms, ratio to decode %.2f,"
              + " rotated/upright %.2f | target rotated/upright <= 1.3 | samples %s |%n",
          rotated, (double) rotated / decode, (double) rotated / check, samples(timing, "ROTATED"));
      for (String[] other : new String[][] {{"PNG", "PNG"}, {"WebP", "WEBP"}}) {
        long otherDecode = median(timing, other[1] + "_DECODE");
        long otherCheck = median(timing, other[1] + "_CHECK");
        System.out.printf(
            "| photo check, same picture as %s (%.1f MB; decoded whole, re-encoded as JPEG) |"
                + " %d ms, ratio to its own decode %.2f, to the JPEG's decode %.2f |"
                + " bare decode %d ms | samples %s / decode %s |%n",
            other[0],
            Files.size(other[1].equals("PNG") ? png : webp) / 1_000_000.0,
            otherCheck,
            (double) otherCheck / otherDecode,
            (double) otherCheck / decode,
            otherDecode,
            samples(timing, other[1] + "_CHECK"),
            samples(timing, other[1] + "_DECODE"));
      }
      List<String> heap = probeOutput(java, classpath, "-Xmx700m", "heap", fifty.toString());
      System.out.printf(
          "| peak heap, 50 MP JPEG under -Xmx700m | %s MB (verdict %s) | target < 700 MB |%n",
          line(heap, "HEAP").split(" ")[1], line(heap, "HEAP").split(" ")[2]);
    } finally {
      Files.deleteIfExists(twelve);
      Files.deleteIfExists(png);
      if (webp != null) {
        Files.deleteIfExists(webp);
      }
      Files.deleteIfExists(fifty);
    }
  }

  private static long median(List<String> lines, String prefix) {
    return Long.parseLong(line(lines, prefix).split(" ")[1]);
  }

  private static String samples(List<String> lines, String prefix) {
    String line = line(lines, prefix);
    return line.substring(line.indexOf('['));
  }

  /**
   * A probe JVM's classpath: the deployment jar under test, bench's classes, and test-support's
   * (TestContext, Photos), the same for every probe so cold-start pairs stay alike.
   */
  private static String probeClasspath(Path jar) throws Exception {
    Path testSupport =
        Path.of(TestContext.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return jar + ":" + System.getProperty("bench.classes") + ":" + testSupport;
  }

  /**
   * test-support's skin-toned photo with a dark lesion, as a JPEG file (ImageIO's default quality).
   */
  private static Path skinPhotoFile(int width, int height) throws IOException {
    Path file = Files.createTempFile("dermrelay-photo-" + width + "x" + height, ".jpg");
    Files.write(file, Photos.jpeg(Photos.skinWithLesion(width, height)));
    return file;
  }

  private static List<String> probeOutput(
      String java, String classpath, String heap, String mode, String... photos) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                heap,
                "-Dbench.only=" + System.getProperty("bench.only"),
                "-cp",
                classpath,
                PhotoCheckProbe.class.getName(),
                mode));
    command.addAll(List.of(photos));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> lines = new String(process.getInputStream().readAllBytes()).lines().toList();
    if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("photo probe failed: " + lines);
    }
    return lines;
  }

  private static String line(List<String> lines, String prefix) {
    return lines.stream()
        .filter(l -> l.startsWith(prefix + " "))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + prefix + " line in " + lines));
  }

  /** Starts LocalDev in a fresh JVM, polls /health until 200, then stops it with SIGTERM. */
  private static long localStackStartMillis(
      String java, Path repo, Path localDevJar, Path functionsJar) throws Exception {
    int[] ports = new int[8];
    for (int i = 0; i < ports.length; i++) {
      ports[i] = LocalStackConfig.freePort();
    }
    long start = System.nanoTime();
    Process stack =
        new ProcessBuilder(
                java,
                "-cp",
                localDevJar + ":" + functionsJar,
                "-Ddermrelay.repo=" + repo,
                "com.dermrelay.local.LocalDev",
                "--gateway-port",
                "" + ports[0],
                "--dynamodb-port",
                "" + ports[1],
                "--s3-port",
                "" + ports[2],
                "--stepfunctions-port",
                "" + ports[3],
                "--identity-port",
                "" + ports[4],
                "--outbox-port",
                "" + ports[5],
                "--fhir-port",
                "" + ports[6],
                "--secrets-port",
                "" + ports[7])
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      URI health = URI.create("http://127.0.0.1:" + ports[0] + "/health");
      while (true) {
        if (!stack.isAlive()) {
          throw new IllegalStateException("the local stack exited with " + stack.exitValue());
        }
        try {
          if (HTTP.send(
                      HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                      HttpResponse.BodyHandlers.discarding())
                  .statusCode()
              == 200) {
            return (System.nanoTime() - start) / 1_000_000;
          }
        } catch (IOException notYet) {
          // Not listening yet.
        }
        Thread.sleep(20);
      }
    } finally {
      List<ProcessHandle> children = stack.descendants().toList();
      stack.destroy();
      stack.waitFor(20, TimeUnit.SECONDS);
      for (ProcessHandle child : children) {
        if (child.isAlive() && !child.onExit().isDone()) {
          child.onExit().get(5, TimeUnit.SECONDS);
        }
        if (child.isAlive()) {
          throw new IllegalStateException("orphan left behind: pid " + child.pid());
        }
      }
    }
  }

  /**
   * The handler cold-start proxy: a fresh JVM that builds the Dagger component and answers one GET
   * /health against the running local stack, beside a bare JVM that only builds a DynamoDbClient;
   * alternated so drift hits both alike.
   */
  private static void coldStart(String java, String classpath, Path envFile) throws Exception {
    List<Long> handler = new ArrayList<>();
    List<Long> bare = new ArrayList<>();
    if (!SMOKE) {
      runProbe(java, classpath, HandlerProbe.class, envFile); // warm the OS file cache once
    }
    for (int i = 0; i < samples(10); i++) {
      handler.add(runProbe(java, classpath, HandlerProbe.class, envFile));
      bare.add(runProbe(java, classpath, BareClientProbe.class, envFile));
    }
    double ratio = (double) median(handler) / median(bare);
    System.out.printf(
        "| cold start: JVM + Dagger + one GET /health (median of 10) | %d ms | samples %s |%n",
        median(handler), handler);
    System.out.printf(
        "| cold start: bare JVM + DynamoDbClient (median of 10) | %d ms | samples %s |%n",
        median(bare), bare);
    System.out.printf("| cold start ratio | %.2f | target < 1.5 |%n", ratio);
    firstRequestAfterPriming(java, classpath, envFile);
  }

  private interface StackProbes {
    void run(LocalStack stack, Path envFile) throws Exception;
  }

  /** Runs {@code probes} against a local stack, given the file of the functions' environment. */
  private static void withStack(StackProbes probes) throws Exception {
    try (LocalStack stack = LocalStack.start(LocalStackConfig.forTests().withManualClock(false))) {
      Path envFile = Files.createTempFile("dermrelay-bench-env", ".properties");
      Properties env = new Properties();
      env.putAll(stack.functionEnvironment());
      // The stack names its in-process clock (local-dev's FunctionClocks) for the functions it
      // runs itself; the probes run a function as Lambda does, on the system clock, and their
      // classpath (the deployment jar) has no local-dev classes to look that name up in.
      env.remove(FunctionClocks.ENVIRONMENT);
      try (OutputStream out = Files.newOutputStream(envFile)) {
        env.store(out, "function environment for the cold-start probes");
      }
      try {
        probes.run(stack, envFile);
      } finally {
        Files.delete(envFile);
      }
    }
  }

  /**
   * SnapStart priming's effect on the first request a restored function answers, approximated in
   * fresh JVMs (no CRaC here): the first GET /health without and after the priming hook,
   * alternated, 10 each.
   */
  static void firstRequestAfterPriming(String java, String classpath, Path envFile)
      throws Exception {
    List<Long> cold = new ArrayList<>();
    List<Long> primed = new ArrayList<>();
    List<Long> priming = new ArrayList<>();
    for (int i = 0; i < samples(10); i++) {
      cold.add(
          Long.parseLong(
              line(firstRequest(java, classpath, envFile, "cold"), "FIRST").split(" ")[1]));
      List<String> out = firstRequest(java, classpath, envFile, "primed");
      primed.add(Long.parseLong(line(out, "FIRST").split(" ")[1]));
      priming.add(Long.parseLong(line(out, "PRIME").split(" ")[1]));
    }
    System.out.printf(
        "| first GET /health in a fresh JVM, unprimed (median of 10) | %d ms | samples %s |%n",
        median(cold), cold);
    System.out.printf(
        "| first GET /health after the SnapStart priming hook (median of 10) | %d ms | samples %s |%n",
        median(primed), primed);
    System.out.printf(
        "| the priming hook itself, paid once at snapshot time (median of 10) | %d ms | samples %s |%n",
        median(priming), priming);
  }

  private static List<String> firstRequest(String java, String classpath, Path envFile, String mode)
      throws Exception {
    Process process =
        new ProcessBuilder(
                java,
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                classpath,
                FirstRequestProbe.class.getName(),
                envFile.toString(),
                mode)
            .redirectErrorStream(true)
            .start();
    List<String> lines = new String(process.getInputStream().readAllBytes()).lines().toList();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("first-request probe failed: " + lines);
    }
    return lines;
  }

  private static long runProbe(String java, String classpath, Class<?> probe, Path envFile)
      throws Exception {
    long start = System.nanoTime();
    // The JVM flags Lambda's java17 and java21 runtimes set by default: C1 only, serial GC.
    Process process =
        new ProcessBuilder(
                java,
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                classpath,
                probe.getName(),
                envFile.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(probe.getSimpleName() + " failed");
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  static Map<String, String> readEnvironment(String file) throws IOException {
    Properties properties = new Properties();
    try (var in = Files.newInputStream(Path.of(file))) {
      properties.load(in);
    }
    Map<String, String> env = new java.util.HashMap<>();
    properties.stringPropertyNames().forEach(name -> env.put(name, properties.getProperty(name)));
    return env;
  }

  /** {@code full} samples for a measurement, one in the smoke. */
  static int samples(int full) {
    return SMOKE ? 1 : full;
  }

  static long median(List<Long> samples) {
    List<Long> sorted = samples.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
