package com.dermrelay.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.outbox.OutboxMessage;
import com.dermrelay.local.stepfunctions.ExecutionStatus;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.ClinicStaff;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.ReviewCalls;
import com.dermrelay.testing.TestClinics;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Second reads through HTTP (issue 16): a clinic that reads every answer twice, its two
 * dermatologists and its medical lead. Dr Ada answers; the patient has the answer at once; the
 * round is offered to Dr Ben only, blind to Dr Ada's answer; Dr Ada may neither read nor record it;
 * Dr Ben records a diagnosis and a management category. More urgent than Dr Ada's (unsafe): the
 * case is flagged and the medical lead mailed without health data; the same category: neither.
 */
@ExtendWith(LocalStackExtension.class)
class SecondReadIT {
  private static final String CLINIC = "second-read-clinic";
  private static LocalStack stack;
  private static ApiCalls api;
  private static IntakeJourney journey;
  private static String ada;
  private static String ben;
  private static String leadEmail;
  private static String admin;
  private static String lead;

  @BeforeAll
  static void clinic(LocalStack localStack) {
    stack = localStack;
    api = new ApiCalls(localStack);
    journey = new IntakeJourney(localStack, api);
    admin =
        TestClinics.adminOfSeededClinic(
            stack, CLINIC, c -> c.putObject("secondReads").put("samplePercent", 100));
    ada = ClinicStaff.dermatologistOf(stack, api, CLINIC, "Dr Ada");
    ben = ClinicStaff.dermatologistOf(stack, api, CLINIC, "Dr Ben");
    leadEmail = "lead-" + UUID.randomUUID() + "@dermrelay.example";
    lead = ClinicStaff.dermatologistOf(stack, api, CLINIC, "Dr Lead", leadEmail);
    HttpResponse<String> named =
        api.call(
            "PUT",
            "/clinics/" + CLINIC + "/members/" + IntakeJourney.subjectOf(lead) + "/medical-lead",
            admin,
            "{\"medicalLead\":true}");
    assertEquals(200, named.statusCode(), named.body());
  }

  @Test
  void aSampledAnswerIsReadAgainBlindAndAnUnsafeDisagreementAlertsTheMedicalLead() {
    IntakeJourney.SubmittedCase c = answeredByAda();

    // The patient has the answer whether or not anyone reads it again.
    assertEquals(
        "ANSWERED", ApiCalls.json(api.get(c.path(), c.patient().token())).get("status").asText());
    assertEquals(200, api.get(c.path() + "/answer", c.patient().token()).statusCode());

    // Offered to Dr Ben; never to Dr Ada, who answered it.
    await(() -> openFor(ben).contains(c.caseId()), "the round is offered to Dr Ben");
    assertFalse(openFor(ada).contains(c.caseId()), "never offered to the first reader");
    String read = "/clinics/" + CLINIC + "/second-reads/" + c.caseId() + "/rounds/1";
    HttpResponse<String> own = api.get(read, ada);
    assertEquals(403, own.statusCode(), own.body());
    assertEquals(
        "urn:dermrelay:problem:own-answer", ApiCalls.json(own).get("type").asText(), own.body());
    HttpResponse<String> ownRecord =
        api.call(
            "POST", read, ada, "{\"diagnosisCode\":\"atopic-eczema\",\"management\":\"TREAT\"}");
    assertEquals(403, ownRecord.statusCode(), ownRecord.body());

    // Blind: the history and photos, not the first answer.
    HttpResponse<String> blind = api.get(read, ben);
    assertEquals(200, blind.statusCode(), blind.body());
    JsonNode view = ApiCalls.json(blind);
    assertEquals(0, view.get("answers").size(), blind.body());
    assertTrue(view.at("/rounds/0/photos").size() > 0, blind.body());
    assertFalse(blind.body().contains("This looks like eczema."), "no trace of the first answer");

    // A category not on the list is refused, naming the field; then Dr Ben's read is recorded.
    HttpResponse<String> bad =
        api.call(
            "POST", read, ben, "{\"diagnosisCode\":\"atopic-eczema\",\"management\":\"SOON\"}");
    assertEquals(400, bad.statusCode(), bad.body());
    assertTrue(bad.body().contains("/management"), bad.body());
    String body = "{\"diagnosisCode\":\"plaque-psoriasis\",\"management\":\"REFER_URGENT\"}";
    HttpResponse<String> recorded = api.call("POST", read, ben, body);
    assertEquals(200, recorded.statusCode(), recorded.body());
    assertEquals("READ", ApiCalls.json(recorded).get("status").asText());
    assertEquals("REFER_URGENT", ApiCalls.json(recorded).get("management").asText());
    // Sent again (a retry): the same read, not a second one.
    HttpResponse<String> again = api.call("POST", read, ben, body);
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(
        ApiCalls.json(recorded).get("readAt").asText(),
        ApiCalls.json(again).get("readAt").asText());

    // Off the open list; the second-read execution has taken the read and ended.
    assertFalse(openFor(ben).contains(c.caseId()));
    String execution =
        "arn:aws:states:"
            + LocalStackConfig.REGION
            + ":"
            + LocalStackConfig.ACCOUNT_ID
            + ":execution:dermrelay-second-read:sr-"
            + CLINIC
            + "-"
            + c.caseId()
            + "-1";
    await(
        () ->
            stack.stepFunctions().service().describeExecution(execution).status()
                == ExecutionStatus.SUCCEEDED,
        "the second-read execution ends");

    // Dr Ada's TREAT is less urgent than Dr Ben's REFER_URGENT: flagged, the lead is mailed.
    Map<String, AttributeValue> item = secondReadItem(c.caseId());
    assertEquals("COMPARED", item.get("status").s());
    assertTrue(item.get("unsafe").bool(), item.toString());
    assertFalse(item.get("diagnosisAgrees").bool(), item.toString());
    assertEquals("TENANT#" + CLINIC + "#SECOND_READS#FLAGGED", item.get("gsi2pk").s());
    OutboxMessage alert = stack.outbox().latestTo(leadEmail).orElseThrow();
    assertTrue(alert.text().contains(c.caseId()), alert.text());
    String all = (alert.subject() + " " + alert.text()).toLowerCase();
    for (String detail : List.of("eczema", "psoriasis", "treat", "urgent referral", "cream")) {
      assertFalse(all.contains(detail), "no health detail in the alert: " + detail);
    }
  }

  @Test
  void anAgreeingSecondReadIsNeitherFlaggedNorAlerted() {
    IntakeJourney.SubmittedCase c = answeredByAda();
    await(() -> openFor(ben).contains(c.caseId()), "the round is offered to Dr Ben");
    int mailsBefore = stack.outbox().messagesTo(leadEmail).size();
    long readsBefore = secondReadsMetered();
    HttpResponse<String> recorded =
        api.call(
            "POST",
            "/clinics/" + CLINIC + "/second-reads/" + c.caseId() + "/rounds/1",
            ben,
            "{\"diagnosisCode\":\"atopic-eczema\",\"management\":\"TREAT\"}");
    assertEquals(200, recorded.statusCode(), recorded.body());
    await(
        () -> "COMPARED".equals(secondReadItem(c.caseId()).get("status").s()),
        "the reads are compared");
    Map<String, AttributeValue> item = secondReadItem(c.caseId());
    assertFalse(item.get("unsafe").bool(), item.toString());
    assertTrue(item.get("diagnosisAgrees").bool(), item.toString());
    assertTrue(item.get("managementAgrees").bool(), item.toString());
    assertFalse(item.containsKey("gsi2pk"), "not flagged: " + item);
    assertEquals(mailsBefore, stack.outbox().messagesTo(leadEmail).size(), "nobody alerted");
    // The clinic's usage counts the read once (billed per second read, docs/operations.md).
    assertEquals(readsBefore + 1, secondReadsMetered());
  }

  @Test
  void theQualityFiguresCountEachEventOnceForTheClinicAndTheReader() {
    JsonNode before = quality(admin);
    // Skin type VI given by the patient: counted in V-VI, whatever Dr Ada records.
    IntakeJourney.SubmittedCase asked =
        journey.submit(CLINIC, IntakeJourney.routineIntake().put("fitzpatrickType", 6));
    ReviewCalls adaCalls = new ReviewCalls(api, ada);
    adaCalls.claim(CLINIC, asked.caseId());
    adaCalls.askQuestion(CLINIC, asked.caseId(), "Does it itch at night?");
    adaCalls.askQuestion(CLINIC, asked.caseId(), "Does it itch at night?"); // a retry
    IntakeJourney.SubmittedCase c =
        journey.submit(CLINIC, IntakeJourney.routineIntake().put("fitzpatrickType", 6));
    adaCalls.claim(CLINIC, c.caseId());
    adaCalls.claimAndAnswer(
        CLINIC, c.caseId(), ReviewCalls.eczemaAnswer("This looks like eczema.", "Use the cream."));
    await(() -> openFor(ben).contains(c.caseId()), "the round is offered to Dr Ben");
    HttpResponse<String> read =
        api.call(
            "POST",
            "/clinics/" + CLINIC + "/second-reads/" + c.caseId() + "/rounds/1",
            ben,
            "{\"diagnosisCode\":\"atopic-eczema\",\"management\":\"TREAT\"}");
    assertEquals(200, read.statusCode(), read.body());
    await(
        () -> "COMPARED".equals(secondReadItem(c.caseId()).get("status").s()),
        "the reads are compared");

    JsonNode after = quality(admin);
    for (String group : List.of("all", "V-VI")) {
      assertEquals(2, delta(before, after, group, "/submitted"), group);
      assertEquals(2, delta(before, after, group, "/priorities/ROUTINE"), group);
      assertEquals(1, delta(before, after, group, "/answered"), group);
      assertEquals(1, delta(before, after, group, "/withinSla/count"), group);
      assertEquals(1, delta(before, after, group, "/moreInfoRequested/count"), "asked twice");
      assertEquals(0, delta(before, after, group, "/referred/count"), "TREAT is no referral");
      assertEquals(1, delta(before, after, group, "/submissionToAnswer/cases"), group);
      assertEquals(1, delta(before, after, group, "/claimToAnswer/cases"), "claimed twice");
      assertEquals(1, delta(before, after, group, "/managementConcordance/cases"), group);
      assertEquals(1, delta(before, after, group, "/managementConcordance/agreed"), group);
      assertEquals(1, delta(before, after, group, "/diagnosisConcordance/agreed"), group);
    }
    assertEquals(0, delta(before, after, "I-II", "/answered"));
    // Dr Ada's own figures: her answer, her question and the read of her answer.
    JsonNode adaFigures = reader(after, IntakeJourney.subjectOf(ada));
    assertEquals("Dr Ada", adaFigures.get("name").asText());
    assertEquals(
        1,
        figure(adaFigures, "V-VI", "/answered") - figure(reader(before, ada), "V-VI", "/answered"));
    assertFalse(
        after.get("bySkinType").get(0).get("managementConcordance").has("kappa"),
        "fewer than 20 cases read twice: the count only");

    // The medical lead may read them, another dermatologist may not; a bad period names its
    // parameter.
    String path = "/clinics/" + CLINIC + "/quality";
    assertEquals(200, api.get(path, lead).statusCode(), "a medical lead");
    assertEquals(403, api.get(path, ben).statusCode());
    HttpResponse<String> bad = api.get(path + "?from=2026-13", admin);
    assertEquals(400, bad.statusCode(), bad.body());
    assertTrue(bad.body().contains("/from"), bad.body());
  }

  private static JsonNode quality(String token) {
    HttpResponse<String> figures = api.get("/clinics/" + CLINIC + "/quality", token);
    assertEquals(200, figures.statusCode(), figures.body());
    return ApiCalls.json(figures);
  }

  private static long delta(JsonNode before, JsonNode after, String group, String pointer) {
    return figure(after, group, pointer) - figure(before, group, pointer);
  }

  private static long figure(JsonNode figures, String group, String pointer) {
    if (figures == null) {
      return 0;
    }
    for (JsonNode g : figures.get("bySkinType")) {
      if (g.get("skinType").asText().equals(group)) {
        return g.at(pointer).asLong();
      }
    }
    throw new AssertionError("no group " + group);
  }

  private static JsonNode reader(JsonNode figures, String token) {
    String subject = token.contains(".") ? IntakeJourney.subjectOf(token) : token;
    for (JsonNode r : figures.get("readers")) {
      if (r.get("readerId").asText().equals(subject)) {
        return r;
      }
    }
    return null;
  }

  /** A routine case Dr Ada answered: atopic eczema, a cream (TREAT). */
  private static IntakeJourney.SubmittedCase answeredByAda() {
    IntakeJourney.SubmittedCase c = journey.submit(CLINIC, IntakeJourney.routineIntake());
    new ReviewCalls(api, ada)
        .claimAndAnswer(
            CLINIC,
            c.caseId(),
            ReviewCalls.eczemaAnswer("This looks like eczema.", "Use the cream."));
    return c;
  }

  private static Map<String, AttributeValue> secondReadItem(String caseId) {
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      return dynamoDb
          .getItem(
              r ->
                  r.tableName(LocalStackConfig.TABLE)
                      .key(
                          Map.of(
                              "pk", AttributeValue.fromS("TENANT#" + CLINIC + "#CASE#" + caseId),
                              "sk", AttributeValue.fromS("SECOND_READ#1"))))
          .item();
    }
  }

  /** Second reads on the clinic's usage, summed over the months shown (the clock may cross one). */
  private static long secondReadsMetered() {
    HttpResponse<String> usage = api.get("/clinics/" + CLINIC + "/usage", admin);
    assertEquals(200, usage.statusCode(), usage.body());
    long sum = 0;
    for (JsonNode month : ApiCalls.json(usage).get("months")) {
      sum += month.get("secondReads").asLong();
    }
    return sum;
  }

  private static List<String> openFor(String token) {
    HttpResponse<String> listed = api.get("/clinics/" + CLINIC + "/second-reads", token);
    assertEquals(200, listed.statusCode(), listed.body());
    List<String> ids = new ArrayList<>();
    ApiCalls.json(listed).get("items").forEach(i -> ids.add(i.get("caseId").asText()));
    return ids;
  }

  /** Polls (the workflow runs on its own threads) for at most 20 s. */
  private static void await(BooleanSupplier condition, String what) {
    long until = System.nanoTime() + 20_000_000_000L;
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < until, "timed out waiting until " + what);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
