package com.dermrelay.bench;

import com.dermrelay.local.LocalStack;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.TestClinics;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 19: does one clinic flooding the API change another clinic's success rate or latency? Two
 * clinics of their own on a real-time-clock stack: the quiet one on the standard plan, the flooding
 * one on 10 requests a second (burst 20). The quiet clinic's patient reads their profile ({@code
 * GET /clinics/{id}/me/profile}, one request after another) first alone, then while {@value
 * #FLOODERS} threads of the flooding clinic's patient send the same request as fast as the stack
 * answers. Prints both runs' success share and p50/p95 latency, the flood's 429 share, and the
 * ratios.
 */
final class ClinicFloodProbe {
  static final int FLOODERS = 4;

  private ClinicFloodProbe() {}

  static void run(LocalStack stack) throws Exception {
    ApiCalls api = new ApiCalls(stack);
    IntakeJourney journey = new IntakeJourney(stack, api);
    String quiet = "bench-quiet-" + UUID.randomUUID().toString().substring(0, 6);
    String flooding = "bench-flood-" + UUID.randomUUID().toString().substring(0, 6);
    TestClinics.adminOfSeededClinic(stack, quiet);
    TestClinics.adminOfSeededClinic(
        stack,
        flooding,
        c ->
            c.putObject("plan")
                .put("tier", "bench")
                .put("requestsPerSecond", 10)
                .put("burst", 20)
                .put("casesPerMonth", 1000)
                .put("storageMb", 1000));
    IntakeJourney.Patient calm = journey.newPatient(quiet);
    IntakeJourney.Patient flood = journey.newPatient(flooding);
    int requests = Benchmarks.samples(300);
    // Warm-up, unmeasured: the in-process functions' first calls load classes.
    quietRun(api, calm, Benchmarks.SMOKE ? 1 : 50);

    Run alone = quietRun(api, calm, requests);

    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong floodSent = new AtomicLong();
    AtomicLong floodLimited = new AtomicLong();
    ExecutorService flooders = Executors.newFixedThreadPool(FLOODERS);
    for (int i = 0; i < FLOODERS; i++) {
      flooders.submit(
          () -> {
            while (!stop.get()) {
              HttpResponse<String> r = api.get(profile(flood), flood.token());
              floodSent.incrementAndGet();
              if (r.statusCode() == 429) {
                floodLimited.incrementAndGet();
              }
            }
          });
    }
    Run flooded;
    try {
      Thread.sleep(Benchmarks.SMOKE ? 100 : 2_000); // the flood empties its bucket first
      flooded = quietRun(api, calm, requests);
    } finally {
      stop.set(true);
      flooders.shutdown();
      flooders.awaitTermination(30, TimeUnit.SECONDS);
    }

    System.out.printf(
        "| quiet clinic alone, %d requests | success %.1f %% | p50 %d ms | p95 %d ms |%n",
        requests, alone.successPercent(), alone.p50(), alone.p95());
    System.out.printf(
        "| quiet clinic during the flood, %d requests | success %.1f %% | p50 %d ms | p95 %d ms |%n",
        requests, flooded.successPercent(), flooded.p50(), flooded.p95());
    System.out.printf(
        "| flooding clinic (%d threads) | %d requests | %.1f %% answered 429 | |%n",
        FLOODERS, floodSent.get(), 100.0 * floodLimited.get() / Math.max(1, floodSent.get()));
    System.out.printf(
        "| ratio during / alone | success %.3f | p50 %.2f | p95 %.2f |%n",
        flooded.successPercent() / Math.max(0.001, alone.successPercent()),
        (double) flooded.p50() / Math.max(1, alone.p50()),
        (double) flooded.p95() / Math.max(1, alone.p95()));
  }

  private record Run(int sent, int succeeded, List<Long> sortedMillis) {
    double successPercent() {
      return 100.0 * succeeded / Math.max(1, sent);
    }

    long p50() {
      return SubmitToWorklistProbe.percentile(sortedMillis, 50);
    }

    long p95() {
      return SubmitToWorklistProbe.percentile(sortedMillis, 95);
    }
  }

  private static Run quietRun(ApiCalls api, IntakeJourney.Patient patient, int requests) {
    List<Long> millis = new ArrayList<>();
    int succeeded = 0;
    for (int i = 0; i < requests; i++) {
      long start = System.nanoTime();
      HttpResponse<String> r = api.get(profile(patient), patient.token());
      millis.add((System.nanoTime() - start) / 1_000_000);
      if (r.statusCode() == 200) {
        succeeded++;
      }
    }
    return new Run(requests, succeeded, millis.stream().sorted().toList());
  }

  private static String profile(IntakeJourney.Patient patient) {
    return "/clinics/" + patient.clinic() + "/me/profile";
  }
}
