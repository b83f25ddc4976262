package com.dermrelay.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.stepfunctions.ExecutionStatus;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.ReviewCalls;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost when the platform dies (issue 20): a stack keeping its data in a directory is killed
 * in the middle of a stream of submissions and answers and a new one started on the directory.
 * Every case that got a 2xx is there, its workflow goes on (a task token handed out before the
 * crash still ends its wait), no case is queued twice, a client retrying with its Idempotency-Key
 * gets the same case, and every answer given reaches the patient, once.
 */
class CrashRestartIT {
  private static final String CLINIC = "northside-skin";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir Path dir;

  /** A patient's draft ready to submit, and the key their client submits it with. */
  private record Submission(IntakeJourney.Patient patient, String caseId, String key) {
    String path() {
      return "/clinics/" + CLINIC + "/cases/" + caseId;
    }

    IntakeJourney.SubmittedCase submitted() {
      return new IntakeJourney.SubmittedCase(patient, caseId);
    }
  }

  @Test
  void aWholeStackKilledMidStreamLosesNoCaseAndNoAnswer() throws Exception {
    try (RestartableStack stacks = RestartableStack.start(dir)) {
      LocalStack first = stacks.stack();
      ApiCalls api = new ApiCalls(first);
      IntakeJourney journey = new IntakeJourney(first, api);
      List<Submission> submissions = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        IntakeJourney.Patient patient = journey.newPatient(CLINIC);
        String caseId = journey.readyToSubmit(patient, IntakeJourney.routineIntake());
        submissions.add(new Submission(patient, caseId, "crash-" + UUID.randomUUID()));
      }
      String chen = api.idToken("dr.chen@dermrelay.example", "Demo-Dermatologist-1");
      ObjectNode answer = AnswerRulesIT.validAnswer();
      answer.putNull("followUp");

      // Before the crash: three submitted, one of them answered (and delivered).
      List<Optional<HttpResponse<String>>> firstTries = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        firstTries.add(submit(first, submissions.get(i)));
      }
      new ReviewCalls(api, chen).claimAndAnswer(CLINIC, submissions.get(0).caseId(), answer);

      // The stream goes on on its own thread (submit one, answer an earlier one) while the stack
      // is killed under it; the client stops at its first failed call, as a phone losing the
      // network would, and tries again later.
      CountDownLatch underWay = new CountDownLatch(1);
      List<Optional<HttpResponse<String>>> streamed = new ArrayList<>();
      Thread stream =
          new Thread(
              () -> {
                for (int i = 3; i < 6; i++) {
                  Optional<HttpResponse<String>> submitted = submit(first, submissions.get(i));
                  synchronized (streamed) {
                    streamed.add(submitted);
                  }
                  underWay.countDown();
                  if (submitted.isEmpty()
                      || !answered(first, chen, submissions.get(i - 2), answer)) {
                    return;
                  }
                }
              },
              "client-stream");
      stream.start();
      assertTrue(underWay.await(60, TimeUnit.SECONDS), "the stream made a first call");
      LocalStack second = stacks.crashAndRestart();
      stream.join(TimeUnit.SECONDS.toMillis(60));
      firstTries.addAll(streamed);

      // After the restart each client retries what it has no answer for, with the same key, and
      // one that had its answer retries too: it gets the same case.
      ApiCalls again = new ApiCalls(second);
      for (int i = 0; i < submissions.size(); i++) {
        Submission s = submissions.get(i);
        Optional<HttpResponse<String>> before = i < firstTries.size() ? firstTries.get(i) : null;
        HttpResponse<String> retried = submit(second, s).orElseThrow();
        assertEquals(200, retried.statusCode(), retried.body());
        assertEquals(s.caseId(), ApiCalls.json(retried).get("caseId").asText());
        if (before != null && before.isPresent() && before.get().statusCode() == 200) {
          assertEquals(
              ApiCalls.json(before.get()).get("submittedAt"),
              ApiCalls.json(retried).get("submittedAt"),
              "the retry answers the same submission");
        }
      }

      // Every case is there with its workflow going on; each waiting one is queued once.
      ReviewCalls reviews = new ReviewCalls(again, chen);
      for (Submission s : submissions) {
        JsonNode seen = ApiCalls.json(again.get(s.path(), s.patient().token()));
        String status = seen.get("status").asText();
        assertNotEquals("FAILED", status, s.caseId());
        ExecutionStatus execution = executionStatus(second, s);
        assertTrue(
            execution == ExecutionStatus.RUNNING || execution == ExecutionStatus.SUCCEEDED,
            "the execution of " + s.caseId() + " goes on: " + execution);
        if (status.equals("QUEUED") || status.equals("IN_REVIEW")) {
          assertEquals(1, worklistRows(again, chen, s.caseId()), "queued once: " + s.caseId());
        }
      }

      // Every case gets its answer after the restart (the same body again where the answer's
      // fate was unknown), and every answer reaches its patient, once.
      for (Submission s : submissions) {
        assertTrue(answered(second, chen, s, answer), "answering " + s.caseId());
      }
      for (Submission s : submissions) {
        second
            .stepFunctions()
            .awaitStatus(
                s.submitted().executionArn(), ExecutionStatus.SUCCEEDED, Duration.ofSeconds(20));
        JsonNode seen = ApiCalls.json(again.get(s.path(), s.patient().token()));
        assertEquals("CLOSED", seen.get("status").asText(), s.caseId());
        HttpResponse<String> read = again.get(s.path() + "/answer", s.patient().token());
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(
            1,
            second.outbox().messagesTo(s.patient().email()).size(),
            "the patient of " + s.caseId() + " is told once");
      }
      assertTrue(second.takeContractViolations().isEmpty());
    }
  }

  /** submitCase with the submission's key; empty when the stack gave no answer (it was down). */
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
   * The dermatologist's client: claim (a claim they already hold, or a case already answered,
   * answers otherwise; the answer call decides) and answer with {@code answer}; whether it got 200.
   */
  private static boolean answered(
      LocalStack stack, String dermatologist, Submission s, ObjectNode answer) {
    try {
      ApiCalls api = new ApiCalls(stack);
      api.call(
          "POST", "/clinics/" + CLINIC + "/reviews/" + s.caseId() + "/claim", dermatologist, null);
      HttpResponse<String> answered =
          api.call("POST", s.path() + "/answer", dermatologist, answer.toString());
      return answered.statusCode() == 200;
    } catch (RuntimeException e) {
      return false; // the stack went down under the call
    }
  }

  private static ExecutionStatus executionStatus(LocalStack stack, Submission s) {
    return stack.stepFunctions().service().describeExecution(s.submitted().executionArn()).status();
  }

  private static int worklistRows(ApiCalls api, String dermatologist, String caseId) {
    int rows = 0;
    for (JsonNode row : ApiCalls.json(api.get("/worklist?limit=50", dermatologist)).path("cases")) {
      rows += caseId.equals(row.path("caseId").asText()) ? 1 : 0;
    }
    return rows;
  }
}
