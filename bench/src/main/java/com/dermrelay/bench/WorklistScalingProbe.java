package com.dermrelay.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.metering.Usage;
import com.dermrelay.local.metering.UsageMeter;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.ReviewCalls;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The merged worklist's first page for dr.chen as an active dermatologist of 10 clinics (the two
 * demo clinics and 8 more written straight to dynalite, cloned from the demo clinic's CONFIG and
 * membership items), with 1,000 and then 100,000 cases queued in total. The review and case items
 * are clones of one case submitted through HTTP, written with BatchWriteItem. The 500 most urgent
 * (50 per clinic, enough for the largest page) have their CASE item; the rest are review items
 * only, SOON or ROUTINE, which a first page never reaches. Per size: the DynamoDB requests of one
 * GET /worklist (local-dev's UsageMeter, which counts what the in-process function asks dynalite)
 * and the median of 10 warm calls, through the gateway and inside the function.
 */
final class WorklistScalingProbe {
  private static final String TABLE = LocalStackConfig.TABLE;
  private static final String TEMPLATE_CLINIC = "northside-skin";
  private static final int CLINICS = 10;
  private static final int WITH_CASE_PER_CLINIC = 50;

  /** Cases queued in total at the two measurements (a few dozen in the bench smoke). */
  private static final long SMALL = Benchmarks.SMOKE ? 60 : 1_000;

  private static final long LARGE = Benchmarks.SMOKE ? 120 : 100_000;

  /** Warm-up and timed calls per measurement. */
  private static final int WARM_UP = Benchmarks.SMOKE ? 1 : 20;

  private static final int TIMED = Benchmarks.samples(10);

  private WorklistScalingProbe() {}

  static void run(LocalStack stack) throws Exception {
    ApiCalls api = new ApiCalls(stack);
    IntakeJourney.SubmittedCase template =
        new IntakeJourney(stack, api).submit(TEMPLATE_CLINIC, IntakeJourney.routineIntake());
    String token = api.idToken("dr.chen@dermrelay.example", "Demo-Dermatologist-1");
    String chen = IntakeJourney.subjectOf(token);
    ReviewCalls review = new ReviewCalls(api, token);
    for (int polls = 0; !review.onWorklist(template.caseId()); polls++) {
      if (polls > 10_000) {
        throw new IllegalStateException("the template case never reached the worklist");
      }
    }
    try (DynamoDbClient db = api.dynamoDb()) {
      Map<String, AttributeValue> caseItem =
          get(db, "TENANT#" + TEMPLATE_CLINIC + "#CASE#" + template.caseId(), "CASE");
      Map<String, AttributeValue> reviewItem =
          get(db, "TENANT#" + TEMPLATE_CLINIC + "#CASE#" + template.caseId(), "REVIEW");
      Map<String, AttributeValue> config = get(db, "TENANT#" + TEMPLATE_CLINIC, "CONFIG");
      Map<String, AttributeValue> membership =
          get(db, "TENANT#" + TEMPLATE_CLINIC, "MEMBER#" + chen);

      List<String> clinics = new ArrayList<>(List.of("northside-skin", "harbour-dermatology"));
      for (int i = 1; i <= CLINICS - 2; i++) {
        String clinic = String.format("bench-clinic-%02d", i);
        // In this order: the clinic id first, then what is left of the slug. Map.of's order
        // changes from JVM to JVM, and "northside" first turned the id into "benchclinicNN-skin",
        // a clinic without cases: the page then drew on the two demo clinics only.
        Map<String, String> swap = new java.util.LinkedHashMap<>();
        swap.put(TEMPLATE_CLINIC, clinic);
        swap.put("northside", String.format("benchclinic%02d", i));
        db.putItem(r -> r.tableName(TABLE).item(rewrite(config, swap)));
        db.putItem(r -> r.tableName(TABLE).item(rewrite(membership, swap)));
        clinics.add(clinic);
      }

      long queued = queued(db, clinics);
      List<Map<String, AttributeValue>> items = new ArrayList<>();
      Instant due = Instant.parse("2030-01-01T00:00:00Z");
      int written = 0;
      for (int i = 0; queued + written < SMALL; i++, written++) {
        String clinic = clinics.get(i % CLINICS);
        boolean shownFirst = i < WITH_CASE_PER_CLINIC * CLINICS;
        String caseId = UUID.randomUUID().toString();
        Map<String, String> swap = Map.of(TEMPLATE_CLINIC, clinic, template.caseId(), caseId);
        items.add(
            review(
                reviewItem,
                swap,
                clinic,
                caseId,
                shownFirst ? "URGENT" : "SOON",
                due.plusSeconds(i)));
        if (shownFirst) {
          items.add(rewrite(caseItem, swap));
        }
      }
      batchWrite(db, items);
      measure(api, token, queued(db, clinics));

      items.clear();
      long before = queued(db, clinics);
      for (long i = 0; before + i < LARGE; i++) {
        String clinic = clinics.get((int) (i % CLINICS));
        String caseId = UUID.randomUUID().toString();
        items.add(
            review(
                reviewItem,
                Map.of(TEMPLATE_CLINIC, clinic, template.caseId(), caseId),
                clinic,
                caseId,
                i % 2 == 0 ? "SOON" : "ROUTINE",
                due.plusSeconds(i)));
      }
      long start = System.nanoTime();
      batchWrite(db, items);
      System.err.printf(
          "wrote %d review items in %d s%n",
          items.size(), (System.nanoTime() - start) / 1_000_000_000);
      measure(api, token, queued(db, clinics));
    }
  }

  /** 20 warm-up calls, one counted call, then 10 timed calls of the first page (default size). */
  private static void measure(ApiCalls api, String token, long queued) {
    UsageMeter meter = UsageMeter.global();
    // Warm: the first call after new clinics appear also reads their CONFIG items into the
    // directory's cache (8 more GetItems), as a Lambda's first call after a clinic joins would.
    for (int i = 0; i < WARM_UP; i++) {
      api.get("/worklist", token);
    }
    meter.reset();
    HttpResponse<String> counted = api.get("/worklist", token);
    assertEquals(200, counted.statusCode(), "GET /worklist");
    int rows = ApiCalls.json(counted).path("cases").size();
    // The rows' cases are read in one batch per clinic on the page: say how many there were.
    long clinicsShown =
        ApiCalls.json(counted).path("cases").findValuesAsText("tenantId").stream()
            .distinct()
            .count();
    Usage usage = meter.snapshot();
    long requests = usage.dynamoDb().values().stream().mapToLong(Usage.DynamoDb::requests).sum();
    Map<String, Long> byOperation = new java.util.TreeMap<>();
    usage.dynamoDb().forEach((operation, d) -> byOperation.put(operation, d.requests()));
    List<Long> roundTrips = new ArrayList<>();
    List<Long> inFunction = new ArrayList<>();
    for (int i = 0; i < TIMED; i++) {
      meter.reset();
      long start = System.nanoTime();
      assertEquals(200, api.get("/worklist", token).statusCode(), "GET /worklist");
      roundTrips.add((System.nanoTime() - start) / 1_000);
      inFunction.add(
          Math.round(
              meter.snapshot().functions().values().stream()
                      .mapToDouble(Usage.Function::totalMillis)
                      .sum()
                  * 1000));
    }
    System.out.printf(
        "| first worklist page (%d rows from %d clinics), %,d cases queued in 10 clinics |"
            + " %d DynamoDB requests %s"
            + " | median %.1f ms through the gateway, %.1f ms in the function | samples µs %s / %s |%n",
        rows,
        clinicsShown,
        queued,
        requests,
        byOperation,
        Benchmarks.median(roundTrips) / 1000.0,
        Benchmarks.median(inFunction) / 1000.0,
        roundTrips,
        inFunction);
  }

  private static Map<String, AttributeValue> review(
      Map<String, AttributeValue> template,
      Map<String, String> swap,
      String clinic,
      String caseId,
      String priority,
      Instant dueAt) {
    Map<String, AttributeValue> item = rewrite(template, swap);
    int rank =
        switch (priority) {
          case "URGENT" -> 1;
          case "SOON" -> 2;
          default -> 3;
        };
    item.put("priority", AttributeValue.fromS(priority));
    item.put("dueAt", AttributeValue.fromS(dueAt.toString()));
    item.put("gsi1pk", AttributeValue.fromS("TENANT#" + clinic + "#QUEUE"));
    item.put("gsi1sk", AttributeValue.fromS(rank + "#" + dueAt + "#" + caseId));
    item.remove("gsi2pk");
    item.remove("gsi2sk");
    return item;
  }

  /** A copy with every text attribute's occurrences of each key replaced by its value. */
  private static Map<String, AttributeValue> rewrite(
      Map<String, AttributeValue> item, Map<String, String> swap) {
    Map<String, AttributeValue> copy = new HashMap<>();
    item.forEach(
        (name, value) -> {
          if (value.s() != null) {
            String text = value.s();
            for (Map.Entry<String, String> e : swap.entrySet()) {
              text = text.replace(e.getKey(), e.getValue());
            }
            copy.put(name, AttributeValue.fromS(text));
          } else {
            copy.put(name, value);
          }
        });
    return copy;
  }

  private static Map<String, AttributeValue> get(DynamoDbClient db, String pk, String sk) {
    Map<String, AttributeValue> item =
        db.getItem(
                r ->
                    r.tableName(TABLE)
                        .consistentRead(true)
                        .key(
                            Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk))))
            .item();
    if (item == null || item.isEmpty()) {
      throw new IllegalStateException(
          "no item "
              + pk.replaceAll("#CASE#.*", "#CASE#...")
              + " / "
              + sk.replaceAll("#.*", "#..."));
    }
    return item;
  }

  /** Cases on the 10 clinics' queues (gsi1), counted by the probe, not by the handler. */
  private static long queued(DynamoDbClient db, List<String> clinics) {
    long total = 0;
    for (String clinic : clinics) {
      Map<String, AttributeValue> start = null;
      do {
        Map<String, AttributeValue> from = start;
        var page =
            db.query(
                r ->
                    r.tableName(TABLE)
                        .indexName("gsi1")
                        .select(Select.COUNT)
                        .keyConditionExpression("gsi1pk = :pk")
                        .expressionAttributeValues(
                            Map.of(":pk", AttributeValue.fromS("TENANT#" + clinic + "#QUEUE")))
                        .exclusiveStartKey(from));
        total += page.count();
        start =
            page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                ? page.lastEvaluatedKey()
                : null;
      } while (start != null);
    }
    return total;
  }

  /** BatchWriteItem in 25s on 3 threads, unprocessed items retried. */
  private static void batchWrite(DynamoDbClient db, List<Map<String, AttributeValue>> items)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int from = 0; from < items.size(); from += 25) {
        List<WriteRequest> batch =
            items.subList(from, Math.min(items.size(), from + 25)).stream()
                .map(
                    i ->
                        WriteRequest.builder()
                            .putRequest(PutRequest.builder().item(i).build())
                            .build())
                .toList();
        done.add(
            pool.submit(
                () -> {
                  Map<String, List<WriteRequest>> pending = Map.of(TABLE, batch);
                  while (!pending.isEmpty()) {
                    Map<String, List<WriteRequest>> request = pending;
                    pending = db.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }
}
