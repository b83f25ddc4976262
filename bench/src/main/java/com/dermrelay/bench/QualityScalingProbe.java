package com.dermrelay.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.metering.Usage;
import com.dermrelay.local.metering.UsageMeter;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.ClinicStaff;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.ReviewCalls;
import com.dermrelay.testing.TestClinics;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The console's Quality page (getClinicQuality, issue 16) over 24 months: its DynamoDB requests
 * with 100 cases' worth of events and with 1,000,000. The 100 are real: cases submitted and
 * answered through HTTP by three dermatologists, counted by the functions where the events happen.
 * A million cases cannot be submitted in bench time, so the second clinic's counter items are
 * written with the same atomic ADD the functions make (TenantTable.add: same keys, same counter
 * names), with large increments over 24 months and three readers, summing to 1,000,000 answers.
 */
final class QualityScalingProbe {
  private static final long SMALL = Benchmarks.SMOKE ? 4 : 100;
  private static final long LARGE = 1_000_000;
  private static final int MONTHS = 24;

  private QualityScalingProbe() {}

  static void run(LocalStack stack) throws Exception {
    ApiCalls api = new ApiCalls(stack);
    String small = "bench-quality-small";
    String smallAdmin = TestClinics.adminOfSeededClinic(stack, small);
    List<String> readers = new ArrayList<>();
    for (String name : List.of("Dr One", "Dr Two", "Dr Three")) {
      readers.add(ClinicStaff.dermatologistOf(stack, api, small, name));
    }
    IntakeJourney journey = new IntakeJourney(stack, api);
    for (int i = 0; i < SMALL; i++) {
      IntakeJourney.SubmittedCase c =
          journey.submit(small, IntakeJourney.routineIntake().put("fitzpatrickType", 1 + (i % 6)));
      ReviewCalls reader = new ReviewCalls(api, readers.get(i % readers.size()));
      // The real-time clock's workflow queues the case after the submit call returns.
      for (int polls = 0; !reader.onWorklist(c.caseId()); polls++) {
        if (polls > 10_000) {
          throw new IllegalStateException("the case never reached the worklist");
        }
      }
      reader.claimAndAnswer(small, c.caseId(), ReviewCalls.eczemaAnswer("Eczema.", "A cream."));
    }
    YearMonth to = YearMonth.now(ZoneOffset.UTC);
    YearMonth from = to.minusMonths(MONTHS - 1L);
    String period = "?from=" + from + "&to=" + to;
    for (int polls = 0; answered(api, small, smallAdmin, period) < SMALL; polls++) {
      if (polls > 2_000) {
        throw new IllegalStateException("the answers were never all counted");
      }
      Thread.sleep(50);
    }
    measure(api, small, smallAdmin, period, SMALL);

    String large = "bench-quality-large";
    String largeAdmin = TestClinics.adminOfSeededClinic(stack, large);
    List<String> largeReaders = new ArrayList<>();
    for (String name : List.of("Dr Four", "Dr Five", "Dr Six")) {
      largeReaders.add(
          IntakeJourney.subjectOf(ClinicStaff.dermatologistOf(stack, api, large, name)));
    }
    String[] groups = {"I-II", "III-IV", "V-VI", "not-given"};
    long perCell = LARGE / (MONTHS * largeReaders.size() * groups.length);
    long seeded = 0;
    try (DynamoDbClient db = api.dynamoDb()) {
      int cell = 0;
      for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
        for (String reader : largeReaders) {
          for (String group : groups) {
            long n =
                ++cell == MONTHS * largeReaders.size() * groups.length ? LARGE - seeded : perCell;
            seeded += n;
            Map<String, Long> amounts = new TreeMap<>();
            amounts.put("submitted." + group, n);
            amounts.put("priority.ROUTINE." + group, n);
            amounts.put("photosChecked." + group, 2 * n);
            amounts.put("answered." + group, n);
            amounts.put("withinSla." + group, n * 9 / 10);
            amounts.put("referred." + group, n / 10);
            amounts.put("moreInfoRequested." + group, n / 20);
            amounts.put("toAnswer.5." + group, n / 2);
            amounts.put("toAnswer.6." + group, n - n / 2);
            amounts.put("claimToAnswer.0." + group, n);
            amounts.put("management.TREAT.TREAT." + group, n / 20);
            amounts.put("diagnosis.eczema-dermatitis.eczema-dermatitis." + group, n / 20);
            add(db, large, "MONTH#" + m + "#CLINIC", amounts);
            add(db, large, "MONTH#" + m + "#READER#" + reader, amounts);
          }
        }
      }
    }
    measure(api, large, largeAdmin, period, LARGE);
  }

  private static long answered(ApiCalls api, String clinic, String admin, String period) {
    HttpResponse<String> figures = api.get("/clinics/" + clinic + "/quality" + period, admin);
    assertEquals(200, figures.statusCode(), figures.body());
    return ApiCalls.json(figures).at("/bySkinType/0/answered").asLong();
  }

  /** The ADD of core.data.TenantTable#add, on the clinic's QUALITY partition. */
  private static void add(
      DynamoDbClient db, String clinic, String sort, Map<String, Long> amounts) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    List<String> parts = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, Long> amount : amounts.entrySet()) {
      names.put("#a" + i, amount.getKey());
      values.put(":a" + i, AttributeValue.fromN(Long.toString(amount.getValue())));
      parts.add("#a" + i + " :a" + i);
      i++;
    }
    db.updateItem(
        r ->
            r.tableName(LocalStackConfig.TABLE)
                .key(
                    Map.of(
                        "pk", AttributeValue.fromS("TENANT#" + clinic + "#QUALITY"),
                        "sk", AttributeValue.fromS(sort)))
                .updateExpression("ADD " + String.join(", ", parts))
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
  }

  /** 3 warm-up calls, then one counted call of 24 months. */
  private static void measure(
      ApiCalls api, String clinic, String admin, String period, long cases) {
    for (int i = 0; i < 3; i++) {
      api.get("/clinics/" + clinic + "/quality" + period, admin);
    }
    UsageMeter meter = UsageMeter.global();
    meter.reset();
    HttpResponse<String> counted = api.get("/clinics/" + clinic + "/quality" + period, admin);
    assertEquals(200, counted.statusCode(), counted.body());
    JsonNode figures = ApiCalls.json(counted);
    assertEquals(cases, figures.at("/bySkinType/0/answered").asLong(), "the answers counted");
    Usage usage = meter.snapshot();
    long requests = usage.dynamoDb().values().stream().mapToLong(Usage.DynamoDb::requests).sum();
    Map<String, Long> byOperation = new TreeMap<>();
    usage.dynamoDb().forEach((operation, d) -> byOperation.put(operation, d.requests()));
    System.out.printf(
        "| quality page (getClinicQuality, 24 months, %d readers), %,d cases answered |"
            + " %d DynamoDB requests %s | %,d bytes answered |%n",
        figures.get("readers").size(), cases, requests, byOperation, counted.body().length());
  }
}
