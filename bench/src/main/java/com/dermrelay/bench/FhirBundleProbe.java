package com.dermrelay.bench;

import com.dermrelay.fhir.bundle.BodySiteCodes;
import com.dermrelay.fhir.bundle.CaseBundleMapper;
import com.dermrelay.fhir.bundle.CaseBundles;
import com.dermrelay.fhir.bundle.CaseSnapshot;
import com.dermrelay.fhir.bundle.SampleSnapshot;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;

/**
 * Issue 8's figure: building and serializing the FHIR Bundle of a case with 4 photos (links) and 2
 * prescriptions, warm. Benchmarks runs it in a fresh JVM whose classpath is dermrelay-fhir.jar and
 * this class only, so it also proves the shaded jar builds and serializes a Bundle with what it
 * left out (docs/decisions/0017-fhir-jar.md).
 */
public final class FhirBundleProbe {
  private FhirBundleProbe() {}

  public static void main(String[] args) {
    long coldStart = System.nanoTime();
    CaseBundleMapper mapper = new CaseBundleMapper(BodySiteCodes.load(new ObjectMapper()));
    CaseSnapshot snapshot = snapshot();
    String first = CaseBundles.json(mapper.map(snapshot));
    double coldMs = (System.nanoTime() - coldStart) / 1e6;
    // Run from dermrelay-fhir.jar, without Benchmarks' stack classes: the smoke flag is read here.
    int runs = "smoke".equals(System.getProperty("bench.only")) ? 20 : 2_000;
    for (int i = 0; i < runs; i++) {
      CaseBundles.json(mapper.map(snapshot));
    }
    long[] times = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      String json = CaseBundles.json(mapper.map(snapshot));
      times[i] = System.nanoTime() - t0;
      if (json.length() != first.length()) {
        throw new IllegalStateException("two builds of one round differ");
      }
    }
    Arrays.sort(times);
    System.out.printf(
        "| first build + serialize in a fresh JVM (FHIR context included) | %.0f ms |%n", coldMs);
    System.out.printf(
        "| warm build + serialize, p50 (%d runs) | %.2f ms |%n", runs, times[runs / 2] / 1e6);
    System.out.printf("| warm build + serialize, p95 | %.2f ms |%n", times[runs * 95 / 100] / 1e6);
    System.out.printf(
        "| Bundle JSON | %d entries, %.1f kB |%n",
        mapper.map(snapshot).getEntry().size(), first.length() / 1000.0);
  }

  static CaseSnapshot snapshot() {
    return SampleSnapshot.fourPhotosTwoPrescriptions();
  }
}
