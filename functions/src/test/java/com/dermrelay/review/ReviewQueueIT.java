package com.dermrelay.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.metering.Usage;
import com.dermrelay.local.metering.UsageMeter;
import com.dermrelay.local.outbox.OutboxMessage;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.ClinicStaff;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.ReviewCalls;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The dermatologist's side through HTTP: the merged worklist of Dr. Chen (member of both demo
 * clinics), claims and their races, the clinic boundary, and an SLA breach driven by the
 * interpreter's clock.
 */
@ExtendWith(LocalStackExtension.class)
class ReviewQueueIT {
  private static final String NORTHSIDE = "northside-skin";
  private static final String HARBOUR = "harbour-dermatology";
  private static LocalStack stack;
  private static ApiCalls api;
  private static IntakeJourney journey;
  private static String chen;

  @BeforeAll
  static void stack(LocalStack localStack) {
    stack = localStack;
    api = new ApiCalls(localStack);
    journey = new IntakeJourney(localStack, api);
    chen = api.idToken("dr.chen@dermrelay.example", "Demo-Dermatologist-1");
  }

  @Test
  void theMergedWorklistOrdersBothClinicsCasesByPriorityAndFiltersByClinic() {
    IntakeJourney.SubmittedCase routine = journey.submit(NORTHSIDE, IntakeJourney.routineIntake());
    IntakeJourney.SubmittedCase urgent = journey.submit(HARBOUR, IntakeJourney.urgentIntake());

    List<JsonNode> rows = wholeWorklist("");
    int routineAt = indexOf(rows, routine.caseId());
    int urgentAt = indexOf(rows, urgent.caseId());
    assertTrue(
        urgentAt >= 0 && routineAt > urgentAt,
        "URGENT (Harbour) before ROUTINE (Northside): " + rows);
    JsonNode row = rows.get(urgentAt);
    assertEquals(HARBOUR, row.get("tenantId").asText());
    assertEquals("Harbour Dermatology", row.get("clinicName").asText());
    assertEquals("URGENT", row.get("priority").asText());
    assertEquals("none", row.get("claim").asText());
    assertTrue(row.get("secondsUntilDue").asLong() > 11 * 3600, row.toString());
    assertEquals(List.of("forearm (left)"), texts(row.get("bodySites")));
    assertTrue(row.get("triageReasons").get(0).asText().contains("7-point"));
    assertTrue(row.get("thumbnailUrl").asText().contains("/thumb/"));
    for (int i = 1; i < rows.size(); i++) {
      assertTrue(rank(rows.get(i - 1)) <= rank(rows.get(i)), "ordered by priority: " + rows);
    }

    List<JsonNode> harbourOnly = wholeWorklist("&clinic=" + HARBOUR);
    assertTrue(harbourOnly.stream().allMatch(r -> r.get("tenantId").asText().equals(HARBOUR)));
    assertTrue(indexOf(harbourOnly, urgent.caseId()) >= 0);
    assertEquals(-1, indexOf(harbourOnly, routine.caseId()));
  }

  @Test
  void theFirstPageReadsNoMembershipOrCaseOneByOne() {
    // Rows of both clinics on the page.
    String northside = journey.submit(NORTHSIDE, IntakeJourney.routineIntake()).caseId();
    String harbour = journey.submit(HARBOUR, IntakeJourney.urgentIntake()).caseId();
    ReviewCalls review = new ReviewCalls(api, chen);
    for (int polls = 0; !(review.onWorklist(northside) && review.onWorklist(harbour)); polls++) {
      assertTrue(polls < 500, "both cases reach the worklist");
    }
    assertEquals(200, api.get("/worklist", chen).statusCode()); // clinic configurations cached
    long clinics = activeClinicsOfChen();

    UsageMeter.global().reset();
    HttpResponse<String> page = api.get("/worklist", chen);
    Usage usage = UsageMeter.global().snapshot();

    assertEquals(200, page.statusCode(), page.body());
    long clinicsShown =
        ApiCalls.json(page).get("cases").findValuesAsText("tenantId").stream().distinct().count();
    assertTrue(clinicsShown >= 2, page.body());
    Map<String, Long> requests = new java.util.TreeMap<>();
    usage.dynamoDb().forEach((operation, d) -> requests.put(operation, d.requests()));
    // The caller's clinics (1 Query of the directory index) and their memberships (1 batch);
    // per clinic its queue and the caller's preferred queue (2 Queries); the rows' cases, one
    // batch per clinic on the page. Nothing per row or per membership, whatever the queue holds.
    assertEquals(
        Map.of("BatchGetItem", 1 + clinicsShown, "Query", 1 + 2 * clinics),
        requests,
        clinics + " clinics, " + clinicsShown + " on the page");
  }

  /** Dr. Chen's active dermatologist memberships, counted in the table (other tests add some). */
  private static long activeClinicsOfChen() {
    try (DynamoDbClient db = api.dynamoDb()) {
      return db
          .query(
              r ->
                  r.tableName(LocalStackConfig.TABLE)
                      .indexName("gsi2")
                      .keyConditionExpression("gsi2pk = :pk")
                      .expressionAttributeValues(
                          Map.of(
                              ":pk",
                              AttributeValue.fromS("USER#" + IntakeJourney.subjectOf(chen)))))
          .items()
          .stream()
          .filter(i -> "dermatologist".equals(i.getOrDefault("role", AttributeValue.fromS("")).s()))
          .filter(
              i -> "ACTIVE".equals(i.getOrDefault("status", AttributeValue.fromS("ACTIVE")).s()))
          .count();
    }
  }

  @Test
  void aTamperedCursorIsRefused() {
    HttpResponse<String> response = api.get("/worklist?cursor=eyJoYXJib3VyIjoiJyJ9", chen);
    assertEquals(400, response.statusCode(), response.body());
  }

  @Test
  void ofTwentyConcurrentClaimsExactlyOneWins() throws Exception {
    IntakeJourney.SubmittedCase c = journey.submit(NORTHSIDE, IntakeJourney.soonIntake());
    String claim = claimPath(NORTHSIDE, c.caseId());
    // Twenty dermatologists of the clinic (one's own claim again would renew, not conflict).
    List<String> dermatologists = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      dermatologists.add(ClinicStaff.dermatologistOf(stack, api, NORTHSIDE, "dr.race" + i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (String dermatologist : dermatologists) {
        Callable<Integer> attempt =
            () -> {
              start.await();
              return api.call("POST", claim, dermatologist, null).statusCode();
            };
        answers.add(pool.submit(attempt));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> answer : answers) {
        statuses.add(answer.get());
      }
      assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
      assertEquals(19, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    } finally {
      pool.shutdownNow();
    }
    List<JsonNode> rows = wholeWorklist("&clinic=" + NORTHSIDE);
    assertEquals(
        "other",
        rows.get(indexOf(rows, c.caseId())).get("claim").asText(),
        "a case claimed by someone else stays on Dr. Chen's list, as claimed");
    assertEquals(409, api.call("POST", claim, chen, null).statusCode());
  }

  @Test
  void theHolderRenewsAndReleasesItsClaim() {
    IntakeJourney.SubmittedCase c = journey.submit(NORTHSIDE, IntakeJourney.soonIntake());
    String claim = claimPath(NORTHSIDE, c.caseId());
    assertEquals(200, api.call("POST", claim, chen, null).statusCode());
    List<JsonNode> rows = wholeWorklist("&clinic=" + NORTHSIDE);
    assertEquals("mine", rows.get(indexOf(rows, c.caseId())).get("claim").asText());
    assertEquals(
        200, api.call("POST", claim, chen, null).statusCode(), "one's own claim again renews");
    assertEquals(200, api.call("DELETE", claim, chen, null).statusCode());
    assertEquals(
        409, api.call("DELETE", claim, chen, null).statusCode(), "nothing to release any more");
  }

  @Test
  void anotherDermatologistSeesTheClaimAndMayTakeItOnceTheLeaseRanOut() {
    IntakeJourney.SubmittedCase c = journey.submit(NORTHSIDE, IntakeJourney.routineIntake());
    String claim = claimPath(NORTHSIDE, c.caseId());
    assertEquals(200, api.call("POST", claim, chen, null).statusCode());
    String other = ClinicStaff.dermatologistOf(stack, api, NORTHSIDE, "dr.lease");
    assertEquals(409, api.call("POST", claim, other, null).statusCode());
    assertEquals(
        409, api.call("DELETE", claim, other, null).statusCode(), "only the holder releases");
    JsonNode row =
        wholeWorklistOf(other, "&clinic=" + NORTHSIDE).stream()
            .filter(r -> r.get("caseId").asText().equals(c.caseId()))
            .findFirst()
            .orElseThrow();
    assertEquals("other", row.get("claim").asText());

    // The lease runs out: its end moved into the past, as 15 minutes passing would.
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      dynamoDb.updateItem(
          r ->
              r.tableName(LocalStackConfig.TABLE)
                  .key(
                      Map.of(
                          "pk",
                          AttributeValue.fromS("TENANT#" + NORTHSIDE + "#CASE#" + c.caseId()),
                          "sk",
                          AttributeValue.fromS("REVIEW")))
                  .updateExpression("SET claimedUntil = :past")
                  .expressionAttributeValues(Map.of(":past", AttributeValue.fromN("1000"))));
    }
    assertEquals(
        200, api.call("POST", claim, other, null).statusCode(), "an expired lease is no claim");
  }

  @Test
  void aDermatologistOfAnotherClinicCannotClaimItsCases() {
    IntakeJourney.SubmittedCase c = journey.submit(HARBOUR, IntakeJourney.routineIntake());
    String northsideOnly = ClinicStaff.dermatologistOf(stack, api, NORTHSIDE, "dr.boundary");
    assertEquals(
        404, api.call("POST", claimPath(HARBOUR, c.caseId()), northsideOnly, null).statusCode());
    assertEquals(-1, indexOf(wholeWorklistOf(northsideOnly, ""), c.caseId()));
  }

  @Test
  void anOverdueCaseEscalatesIsRecordedAndTheClinicAdminIsMailed() {
    IntakeJourney.SubmittedCase c = journey.submit(HARBOUR, IntakeJourney.routineIntake());
    assertEquals(
        "ROUTINE", journey.reviewItem(HARBOUR, c.caseId()).orElseThrow().get("priority").s());
    int mailsBefore = stack.outbox().messagesTo("admin@harbour.example").size();

    // Harbour answers ROUTINE cases within 120 hours; the functions and the interpreter share the
    // driven clock. Untouched, the case reminds the clinic at half its time (no breach), then
    // breaches at 120 h and is re-queued as SOON (48 h, so the next breach would come at 168 h).
    // The breach is counted as a metric: an EMF line on the function's standard output.
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(
        new PrintStream(new TeeOutputStream(stdout, captured), true, StandardCharsets.UTF_8));
    try {
      stack.stepFunctions().manualClock().advance(Duration.ofHours(121));
    } finally {
      System.setOut(stdout);
    }
    String emf = captured.toString(StandardCharsets.UTF_8);
    // (Other tests' queued cases share the clock and may breach too: at least this one counted.)
    assertTrue(
        emf.lines()
            .anyMatch(l -> l.contains("\"CloudWatchMetrics\"") && l.contains("\"SlaBreaches\":1")),
        "the breach is counted as a metric");

    Map<String, AttributeValue> review = journey.reviewItem(HARBOUR, c.caseId()).orElseThrow();
    assertEquals("SOON", review.get("priority").s(), "raised one step");
    assertEquals("REVIEW", review.get("waitingFor").s(), "still waiting, never dropped");
    List<OutboxMessage> mails = stack.outbox().messagesTo("admin@harbour.example");
    assertTrue(
        mails.subList(mailsBefore, mails.size()).stream()
            .anyMatch(m -> m.subject().startsWith("SLA breached") && m.text().contains(c.caseId())),
        mails.toString());
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      boolean recorded =
          dynamoDb
              .queryPaginator(
                  r ->
                      r.tableName(LocalStackConfig.TABLE)
                          .keyConditionExpression("pk = :pk")
                          .expressionAttributeValues(
                              Map.of(":pk", AttributeValue.fromS("TENANT#" + HARBOUR + "#AUDIT"))))
              .items()
              .stream()
              .anyMatch(
                  a ->
                      a.get("action").s().equals("case.sla.breach")
                          && a.get("resourceId").s().equals(c.caseId()));
      assertTrue(recorded, "the breach is in the clinic's audit trail");
    }
    JsonNode seen = ApiCalls.json(api.get(c.path(), c.patient().token()));
    assertEquals("QUEUED", seen.get("status").asText(), "the patient's case is still queued");
    List<JsonNode> rows = wholeWorklist("&clinic=" + HARBOUR);
    assertEquals(
        "SOON",
        rows.get(indexOf(rows, c.caseId())).get("priority").asText(),
        "still on the worklist, now as SOON");
  }

  private static String claimPath(String clinic, String caseId) {
    return "/clinics/" + clinic + "/reviews/" + caseId + "/claim";
  }

  private static List<JsonNode> wholeWorklist(String query) {
    return wholeWorklistOf(chen, query);
  }

  private static List<JsonNode> wholeWorklistOf(String token, String query) {
    List<JsonNode> rows = new ArrayList<>();
    String cursor = null;
    do {
      HttpResponse<String> response =
          api.get(
              "/worklist?limit=50" + query + (cursor == null ? "" : "&cursor=" + cursor), token);
      assertEquals(200, response.statusCode(), response.body());
      JsonNode page = ApiCalls.json(response);
      page.get("cases").forEach(rows::add);
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
    } while (cursor != null);
    return rows;
  }

  private static int indexOf(List<JsonNode> rows, String caseId) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).get("caseId").asText().equals(caseId)) {
        return i;
      }
    }
    return -1;
  }

  private static int rank(JsonNode row) {
    return List.of("URGENT", "SOON", "ROUTINE").indexOf(row.get("priority").asText());
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  /** Writes to two streams: the test sees what a function printed, the log still gets it. */
  private static final class TeeOutputStream extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    TeeOutputStream(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public synchronized void write(int b) throws java.io.IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }

    @Override
    public void flush() throws java.io.IOException {
      first.flush();
      second.flush();
    }
  }
}
