package com.dermrelay.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dermrelay.local.LocalStack;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.ReviewCalls;
import java.util.ArrayList;
import java.util.List;

/**
 * Seconds from the start of {@code submitCase} to the case on dr.chen's merged worklist, on a local
 * stack with the real-time clock: 50 new patients of the two demo clinics (alternating), each
 * through HTTP (profile, draft, two photos to their presigned URLs and confirmed, submit), then
 * {@code GET /worklist} polled, every page, until the case is on it. Cases are measured one after
 * another, so one case's submission never queues behind another's. The steps are the tests' own
 * (test-support's IntakeJourney and ReviewCalls).
 */
final class SubmitToWorklistProbe {
  private SubmitToWorklistProbe() {}

  static void run(LocalStack stack) throws Exception {
    ApiCalls api = new ApiCalls(stack);
    IntakeJourney journey = new IntakeJourney(stack, api);
    ReviewCalls dermatologist =
        new ReviewCalls(api, api.idToken("dr.chen@dermrelay.example", "Demo-Dermatologist-1"));
    // One unmeasured case first: the in-process functions' first calls load classes.
    if (!Benchmarks.SMOKE) {
      measure(journey, dermatologist, "northside-skin");
    }
    int cases = Benchmarks.samples(50);
    List<Long> millis = new ArrayList<>();
    List<Integer> polls = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      long[] sample =
          measure(journey, dermatologist, i % 2 == 0 ? "northside-skin" : "harbour-dermatology");
      millis.add(sample[0]);
      polls.add((int) sample[1]);
    }
    List<Long> sorted = millis.stream().sorted().toList();
    System.out.printf(
        "| submit -> on the worklist, p50 over %d cases | %.2f s | |%n",
        cases, percentile(sorted, 50) / 1000.0);
    System.out.printf(
        "| submit -> on the worklist, p95 over %d cases | %.2f s | |%n",
        cases, percentile(sorted, 95) / 1000.0);
    System.out.printf(
        "| samples (ms, in order) | %s | worklist reads per case %s |%n", millis, polls);
  }

  /** Milliseconds from the submit call's start to the worklist showing the case, and the reads. */
  private static long[] measure(IntakeJourney journey, ReviewCalls dermatologist, String clinic) {
    IntakeJourney.Patient patient = journey.newPatient(clinic);
    String caseId = journey.readyToSubmit(patient, IntakeJourney.routineIntake());
    long start = System.nanoTime();
    assertEquals(200, journey.submitCall(patient, caseId).statusCode(), "submitCase");
    long reads = 0;
    while (true) {
      reads++;
      if (dermatologist.onWorklist(caseId)) {
        return new long[] {(System.nanoTime() - start) / 1_000_000, reads};
      }
      if (reads > 10_000) {
        throw new IllegalStateException("case never reached the worklist");
      }
    }
  }

  /** Nearest-rank percentile of sorted samples. */
  static long percentile(List<Long> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
