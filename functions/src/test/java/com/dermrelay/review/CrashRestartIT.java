package com.dermrelay.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.core.workflow.DependencyUnavailableException;
import com.dermrelay.local.LocalStack;
import com.dermrelay.local.stepfunctions.ExecutionStatus;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.stack.RestartableStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost when a part of the platform dies (issue 20): on a stack keeping its data in a
 * directory, DynamoDB (dynalite, SIGKILL) and then the whole stack are killed in the middle of a
 * stream of submissions and answers, and started again on the same data. Every case that got a 2xx
 * is there, its workflow goes on (a task token handed out before the crash still ends its wait; a
 * step that met the outage is retried), no case is queued twice, a client retrying with its
 * Idempotency-Key gets the same case, and every answer given reaches the patient, once.
 */
class CrashRestartIT {
  private static final String CLINIC = "northside-skin";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir static Path dir;
  private static RestartableStack stacks;

  /** A patient's draft ready to submit, and the key their client submits it with. */
  private record Submission(IntakeJourney.Patient patient, String caseId, String key) {
    String path() {
      return "/clinics/" + CLINIC + "/cases/" + caseId;
    }

    String executionArn() {
      return new IntakeJourney.SubmittedCase(patient, caseId).executionArn();
    }
  }

  /** What a client got from its first try at submitting each case (empty: no answer). */
  private record Stream(List<Submission> submissions, List<Optional<HttpResponse<String>>> tries) {}

  @BeforeAll
  static void start() {
    stacks = RestartableStack.start(dir);
  }

  @AfterAll
  static void stop() {
    stacks.close();
  }

  @Test
  void dynamoDbKilledMidStreamAndRestartedOnItsDataLosesNoCaseAndNoAnswer() throws Exception {
    LocalStack stack = stacks.stack();
    Stream stream =
        streamBrokenBy(
            stack,
            3,
            2,
            submissions -> {
              stack.killDynamoDb();
              return stack;
            });
    // A step the workflow runs on a timer meets the outage too: the earliest timer (a queued
    // case's heartbeat, or the retry of a step the kill interrupted) runs while dynalite is dead.
    stack.stepFunctions().manualClock().advanceToNextTimer();
    stack.restartDynamoDb();
    // The steps that met the outage are retried with backoff (2 s, then 4 s...), not failed.
    stack.stepFunctions().manualClock().advance(Duration.ofMinutes(3));
    assertTrue(
        stream.submissions().stream().anyMatch(s -> metTheOutage(stack, s)),
        "a workflow step met the outage");

    retryAnswerAndCheck(stack, stream);
  }

  @Test
  void aWholeStackKilledMidStreamAndStartedOnItsDataLosesNoCaseAndNoAnswer() throws Exception {
    // The third case is queued before the crash and left alone by the stream: its wait's token,
    // stored on its review item, must be the one that ends the wait after the restart.
    String[] tokenBefore = new String[1];
    Stream stream =
        streamBrokenBy(
            stacks.stack(),
            4,
            3,
            submissions -> {
              tokenBefore[0] = reviewToken(stacks.stack(), submissions.get(2));
              return stacks.crashAndRestart();
            });
    assertEquals(
        tokenBefore[0],
        reviewToken(stacks.stack(), stream.submissions().get(2)),
        "the case waits on the token it had before the crash");
    retryAnswerAndCheck(stacks.stack(), stream);
  }

  /** The crash, run while the stream is under way; returns the stack to go on with. */
  private interface Crash {
    LocalStack run(List<Submission> submissions) throws Exception;
  }

  /**
   * {@code count} patients' drafts; the first {@code before} submitted and the first of those
   * answered before {@code crash}; the rest submitted (each followed by the answer of an earlier
   * case) on a client thread while the crash happens. The client stops at its first failed call.
   */
  private static Stream streamBrokenBy(LocalStack stack, int count, int before, Crash crash)
      throws Exception {
    ApiCalls api = new ApiCalls(stack);
    IntakeJourney journey = new IntakeJourney(stack, api);
    List<Submission> submissions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      IntakeJourney.Patient patient = journey.newPatient(CLINIC);
      String caseId = journey.readyToSubmit(patient, IntakeJourney.routineIntake());
      submissions.add(new Submission(patient, caseId, "crash-" + UUID.randomUUID()));
    }
    String chen = chen(api);
    List<Optional<HttpResponse<String>>> tries = new ArrayList<>();
    for (int i = 0; i < before; i++) {
      tries.add(submit(stack, submissions.get(i)));
    }
    assertTrue(answered(stack, chen, submissions.get(0)), "answered before the crash");

    CountDownLatch underWay = new CountDownLatch(1);
    List<Optional<HttpResponse<String>>> streamed = new ArrayList<>();
    Thread client =
        new Thread(
            () -> {
              for (int i = before; i < count; i++) {
                Optional<HttpResponse<String>> submitted = submit(stack, submissions.get(i));
                synchronized (streamed) {
                  streamed.add(submitted);
                }
                underWay.countDown();
                if (submitted.isEmpty()
                    || !answered(stack, chen, submissions.get(i - before + 1))) {
                  return;
                }
              }
            },
            "client-stream");
    client.start();
    assertTrue(underWay.await(60, TimeUnit.SECONDS), "the stream made a first call");
    crash.run(submissions);
    client.join(TimeUnit.SECONDS.toMillis(60));
    synchronized (streamed) {
      tries.addAll(streamed);
    }
    return new Stream(submissions, tries);
  }

  /**
   * After the restart each client retries with the same key (also one that had its answer: it gets
   * the same submission); every case is there with its workflow going on and queued once; each gets
   * its answer (the same body again where its fate was unknown), which reaches its patient once.
   */
  private static void retryAnswerAndCheck(LocalStack stack, Stream stream) {
    ApiCalls api = new ApiCalls(stack);
    String chen = chen(api);
    List<Submission> submissions = stream.submissions();
    for (int i = 0; i < submissions.size(); i++) {
      Submission s = submissions.get(i);
      HttpResponse<String> retried = submit(stack, s).orElseThrow();
      assertEquals(200, retried.statusCode(), retried.body());
      assertEquals(s.caseId(), ApiCalls.json(retried).get("caseId").asText());
      Optional<HttpResponse<String>> first =
          i < stream.tries().size() ? stream.tries().get(i) : Optional.empty();
      if (first.isPresent()) {
        assertEquals(200, first.get().statusCode(), first.get().body());
        assertEquals(
            ApiCalls.json(first.get()).get("submittedAt"),
            ApiCalls.json(retried).get("submittedAt"),
            "the retry answers the same submission");
      }
    }

    for (Submission s : submissions) {
      String status = ApiCalls.json(api.get(s.path(), s.patient().token())).get("status").asText();
      assertNotEquals("FAILED", status, s.caseId());
      ExecutionStatus execution =
          stack.stepFunctions().service().describeExecution(s.executionArn()).status();
      assertTrue(
          execution == ExecutionStatus.RUNNING || execution == ExecutionStatus.SUCCEEDED,
          "the execution of " + s.caseId() + " goes on: " + execution);
      if (status.equals("QUEUED") || status.equals("IN_REVIEW")) {
        assertEquals(1, worklistRows(api, chen, s.caseId()), "queued once: " + s.caseId());
      }
    }

    for (Submission s : submissions) {
      assertTrue(answered(stack, chen, s), "answering " + s.caseId());
    }
    for (Submission s : submissions) {
      stack
          .stepFunctions()
          .awaitStatus(s.executionArn(), ExecutionStatus.SUCCEEDED, Duration.ofSeconds(20));
      JsonNode seen = ApiCalls.json(api.get(s.path(), s.patient().token()));
      assertEquals("CLOSED", seen.get("status").asText(), s.caseId());
      HttpResponse<String> read = api.get(s.path() + "/answer", s.patient().token());
      assertEquals(200, read.statusCode(), read.body());
      assertEquals(
          1,
          stack.outbox().messagesTo(s.patient().email()).size(),
          "the patient of " + s.caseId() + " is told once");
    }
    assertTrue(stack.takeContractViolations().isEmpty());
  }

  /** Whether a step of the case's execution failed for want of a dependency (and was retried). */
  private static boolean metTheOutage(LocalStack stack, Submission s) {
    try {
      return stack.stepFunctions().service().getExecutionHistory(s.executionArn()).stream()
          .anyMatch(
              e ->
                  e.details() != null
                      && DependencyUnavailableException.ERROR.equals(
                          e.details().path("error").asText()));
    } catch (RuntimeException notStarted) {
      return false;
    }
  }

  private static String reviewToken(LocalStack stack, Submission s) {
    return new IntakeJourney(stack, new ApiCalls(stack))
        .reviewItem(CLINIC, s.caseId())
        .orElseThrow()
        .get("taskToken")
        .s();
  }

  private static String chen(ApiCalls api) {
    return api.idToken("dr.chen@dermrelay.example", "Demo-Dermatologist-1");
  }

  /** submitCase with the submission's key; empty when the stack gave no answer or a 5xx. */
  private static Optional<HttpResponse<String>> submit(LocalStack stack, Submission s) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + s.path() + "/submit"))
            .header("Authorization", "Bearer " + s.patient().token())
            .header("Idempotency-Key", s.key())
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() >= 500 ? Optional.empty() : Optional.of(response);
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * The dermatologist's client: claims (refused for a case already answered, which the answer call
   * then settles) and answers with the same body every time; whether the answer got a 200.
   */
  private static boolean answered(LocalStack stack, String dermatologist, Submission s) {
    ObjectNode answer = AnswerRulesIT.validAnswer();
    answer.putNull("followUp");
    try {
      ApiCalls api = new ApiCalls(stack);
      HttpResponse<String> claim =
          api.call(
              "POST",
              "/clinics/" + CLINIC + "/reviews/" + s.caseId() + "/claim",
              dermatologist,
              null);
      if (claim.statusCode() >= 500) {
        return false;
      }
      return api.call("POST", s.path() + "/answer", dermatologist, answer.toString()).statusCode()
          == 200;
    } catch (RuntimeException e) {
      return false; // the stack went down under the call
    }
  }

  private static int worklistRows(ApiCalls api, String dermatologist, String caseId) {
    int rows = 0;
    for (JsonNode row : ApiCalls.json(api.get("/worklist?limit=50", dermatologist)).path("cases")) {
      rows += caseId.equals(row.path("caseId").asText()) ? 1 : 0;
    }
    return rows;
  }
}
