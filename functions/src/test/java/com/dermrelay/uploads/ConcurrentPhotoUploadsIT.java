package com.dermrelay.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.Photos;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A patient who chooses several photos at once: each card asks for its slot and confirms its photo
 * at the same moment, so the writes to the one case item race. Each request re-reads the case and
 * applies its own change again when another came first, so every photo ends up on the case, checked
 * (before, one of two cards failed with 409).
 */
@ExtendWith(LocalStackExtension.class)
class ConcurrentPhotoUploadsIT {
  private static final List<String> VIEWS =
      List.of("close_up", "context", "oblique", "dermoscopic");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void photosOfOneCaseRequestedAndConfirmedAtOnceAllEndUpChecked(LocalStack stack)
      throws Exception {
    ApiCalls api = new ApiCalls(stack);
    IntakeJourney journey = new IntakeJourney(stack, api);
    IntakeJourney.Patient patient = journey.newPatient("northside-skin");
    String caseId = journey.draft(patient, IntakeJourney.routineIntake());
    String casePath = "/clinics/northside-skin/cases/" + caseId;
    List<byte[]> photos =
        VIEWS.stream().map(v -> Photos.sharp(1600, 1200, VIEWS.indexOf(v))).toList();

    // Four slots asked for at once, one request per view, as four cards do.
    List<HttpResponse<String>> slotAnswers =
        allAtOnce(
            VIEWS.size(),
            i -> {
              ObjectNode body = ApiCalls.JSON.createObjectNode();
              body.putArray("photos")
                  .addObject()
                  .put("view", VIEWS.get(i))
                  .put("contentType", "image/jpeg")
                  .put("sizeBytes", photos.get(i).length);
              return api.call(
                  "POST", casePath + "/photo-uploads", patient.token(), body.toString());
            });
    List<JsonNode> slots = new ArrayList<>();
    for (HttpResponse<String> answer : slotAnswers) {
      assertEquals(201, answer.statusCode(), answer.body());
      slots.add(ApiCalls.json(answer).at("/uploads/0"));
    }
    for (int i = 0; i < slots.size(); i++) {
      HttpRequest put =
          HttpRequest.newBuilder(URI.create(slots.get(i).get("url").asText()))
              .header("Content-Type", "image/jpeg")
              .PUT(HttpRequest.BodyPublishers.ofByteArray(photos.get(i)))
              .build();
      assertEquals(200, HTTP.send(put, HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    // And the four confirmed at once: every check's verdict is recorded.
    List<HttpResponse<String>> confirmed =
        allAtOnce(
            slots.size(),
            i ->
                api.call(
                    "POST",
                    casePath + "/photos/" + slots.get(i).get("photoId").asText() + "/confirm",
                    patient.token(),
                    "{\"keep\":false}"));
    for (HttpResponse<String> answer : confirmed) {
      assertEquals(200, answer.statusCode(), answer.body());
      assertEquals("CHECKED", ApiCalls.json(answer).get("status").asText(), answer.body());
    }
    JsonNode aCase = ApiCalls.json(api.get(casePath, patient.token()));
    Map<String, String> statusByView = new java.util.TreeMap<>();
    aCase
        .get("photos")
        .forEach(p -> statusByView.put(p.get("view").asText(), p.get("status").asText()));
    assertEquals(
        Map.of(
            "close_up",
            "CHECKED",
            "context",
            "CHECKED",
            "oblique",
            "CHECKED",
            "dermoscopic",
            "CHECKED"),
        statusByView,
        aCase.toPrettyString());
  }

  /** Runs {@code count} calls released together on their own threads; their answers in order. */
  private static <T> List<T> allAtOnce(int count, Function<Integer, T> call) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(count);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> answers = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        answers.add(
            threads.submit(
                (Callable<T>)
                    () -> {
                      start.await();
                      return call.apply(index);
                    }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> answer : answers) {
        results.add(answer.get());
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }
}
