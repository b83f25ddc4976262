package com.dermrelay.bench.load;

import static io.gatling.javaapi.core.CoreDsl.ByteArrayBody;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.dermrelay.testing.ReviewCalls;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A mixed workload on the local stack across ten clinics (docs/performance.md, "Load"): patients
 * arrive at {@code load.rate} per second (after a ramp) and each signs in, starts a case, uploads
 * two photos to their presigned URLs, has them checked and submits; three dermatologists who work
 * for all ten clinics loop over worklist, claim, read and answer; clinic admins read their
 * dashboard and search their audit trail. Afterwards every submitted case is counted on the
 * worklist (queued or later) and every accepted answer as read by its patient. Gatling's assertion
 * (no failed request) may fail this bench, never the test suite.
 *
 * <p>{@code -Dload.rate} (patients per second at the steady phase, default 1), {@code
 * -Dload.seconds} (steady phase, default 60).
 */
public class MixedWorkloadSimulation extends Simulation {
  private static final double RATE = Double.parseDouble(System.getProperty("load.rate", "1"));
  private static final int SECONDS = Integer.getInteger("load.seconds", 60);
  private static final int RAMP_SECONDS = 20;
  private static final int PATIENTS = (int) Math.ceil(RATE * (SECONDS + RAMP_SECONDS)) + 10;
  private static final String ANSWER =
      ReviewCalls.eczemaAnswer("A load-test answer.", "Moisturise twice a day.").toString();

  private final LoadStack load = LoadStack.start(PATIENTS);

  private final HttpProtocolBuilder protocol =
      http.baseUrl(load.stack.gatewayUrl())
          .acceptHeader("application/json, application/problem+json")
          .contentTypeHeader("application/json")
          .shareConnections();

  private static ChainBuilder photo(String view, LoadStack load) {
    byte[] bytes = "close_up".equals(view) ? load.closeUp : load.context;
    String slotRequest =
        "{\"photos\":[{\"view\":\""
            + view
            + "\",\"contentType\":\"image/jpeg\",\"sizeBytes\":"
            + bytes.length
            + "}]}";
    return exec(http("patient: request upload")
            .post("/clinics/#{clinic}/cases/#{caseId}/photo-uploads")
            .header("Authorization", "Bearer #{token}")
            .body(StringBody(slotRequest))
            .check(status().is(201))
            .check(jsonPath("$.uploads[0].url").saveAs("uploadUrl"))
            .check(jsonPath("$.uploads[0].photoId").saveAs("photoId"))
            .check(jsonPath("$.uploads[0].headers.Content-Type").saveAs("uploadType")))
        .exec(
            http("patient: upload photo")
                .put("#{uploadUrl}")
                .header("Content-Type", "#{uploadType}")
                .body(ByteArrayBody(bytes))
                .check(status().is(200)))
        .exec(
            http("patient: confirm photo")
                .post("/clinics/#{clinic}/cases/#{caseId}/photos/#{photoId}/confirm")
                .header("Authorization", "Bearer #{token}")
                .body(StringBody("{\"keep\":false}"))
                .check(status().is(200)));
  }

  private final ScenarioBuilder patients =
      scenario("patients")
          .feed(load.patientFeeder())
          .exec(
              http("patient: sign in")
                  .post(load.stack.identityUrl())
                  .header("X-Amz-Target", "AWSCognitoIdentityProviderService.InitiateAuth")
                  .header("Content-Type", "application/x-amz-json-1.1")
                  .body(
                      StringBody(
                          "{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":\""
                              + load.stack.identity().clientId()
                              + "\",\"AuthParameters\":{\"USERNAME\":\"#{email}\",\"PASSWORD\":\""
                              + com.dermrelay.testing.IntakeJourney.PASSWORD
                              + "\"}}"))
                  .check(status().is(200))
                  .check(jsonPath("$.AuthenticationResult.IdToken").saveAs("token")))
          .exec(
              http("patient: start case")
                  .post("/clinics/#{clinic}/cases")
                  .header("Authorization", "Bearer #{token}")
                  .body(StringBody(session -> load.draftBody(session.getString("clinic"))))
                  .check(status().is(201))
                  .check(jsonPath("$.caseId").saveAs("caseId")))
          .exec(photo("close_up", load))
          .exec(photo("context", load))
          .exec(
              http("patient: submit")
                  .post("/clinics/#{clinic}/cases/#{caseId}/submit")
                  .header("Authorization", "Bearer #{token}")
                  .header("Idempotency-Key", session -> "submit-" + session.getString("caseId"))
                  .check(status().is(200)))
          .exec(
              session -> {
                if (!session.isFailed()) {
                  load.submitted.add(
                      new String[] {
                        session.getString("clinic"),
                        session.getString("caseId"),
                        session.getString("token")
                      });
                }
                return session;
              })
          // Back every 5 s for up to a minute, as a patient checks their phone; reads the answer
          // once it is there (with three dermatologists, a high rate outruns them: no error).
          .exec(session -> session.set("status", "QUEUED").set("polls", 0))
          .asLongAs(
              session ->
                  !"ANSWERED".equals(session.getString("status")) && session.getInt("polls") < 12)
          .on(
              pause(Duration.ofSeconds(5))
                  .exec(
                      http("patient: read case")
                          .get("/clinics/#{clinic}/cases/#{caseId}")
                          .header("Authorization", "Bearer #{token}")
                          .check(status().is(200))
                          .check(jsonPath("$.status").saveAs("status")))
                  .exec(session -> session.set("polls", session.getInt("polls") + 1)))
          .doIf(session -> "ANSWERED".equals(session.getString("status")))
          .then(
              exec(http("patient: read answer")
                      .get("/clinics/#{clinic}/cases/#{caseId}/answer")
                      .header("Authorization", "Bearer #{token}")
                      .check(status().is(200)))
                  .exec(
                      session -> {
                        load.readByPatient.incrementAndGet();
                        return session;
                      }));

  private final ScenarioBuilder dermatologists =
      scenario("dermatologists")
          .exec(
              session ->
                  session.set(
                      "token",
                      load.dermatologistTokens.get(
                          (int) (session.userId() - 1) % load.dermatologistTokens.size())))
          .during(Duration.ofSeconds(SECONDS + RAMP_SECONDS + 30))
          .on(
              exec(session -> session.remove("row"))
                  .exec(
                      http("dermatologist: worklist")
                          .get("/worklist?limit=20")
                          .header("Authorization", "Bearer #{token}")
                          .check(status().is(200))
                          .check(
                              jsonPath("$.cases[?(@.claim == 'none')]")
                                  .ofMap()
                                  .findRandom()
                                  .optional()
                                  .saveAs("row")))
                  .doIfOrElse(session -> session.contains("row"))
                  .then(
                      exec(session -> fromRow(session))
                          .exec(
                              http("dermatologist: claim")
                                  .post("/clinics/#{clinic}/reviews/#{caseId}/claim")
                                  .header("Authorization", "Bearer #{token}")
                                  // Another dermatologist may claim it first: 409 is the answer.
                                  .check(status().in(200, 409).saveAs("claimStatus")))
                          .doIf(session -> session.getInt("claimStatus") == 200)
                          .then(
                              exec(http("dermatologist: read case")
                                      .get("/clinics/#{clinic}/reviews/#{caseId}")
                                      .header("Authorization", "Bearer #{token}")
                                      .check(status().is(200)))
                                  .exec(
                                      http("dermatologist: answer")
                                          .post("/clinics/#{clinic}/cases/#{caseId}/answer")
                                          .header("Authorization", "Bearer #{token}")
                                          .body(StringBody(ANSWER))
                                          .check(status().is(200)))
                                  .exec(
                                      session -> {
                                        if (!session.isFailed()) {
                                          load.answered.add(
                                              new String[] {
                                                session.getString("clinic"),
                                                session.getString("caseId")
                                              });
                                        }
                                        return session;
                                      })))
                  .orElse(exec(session -> session).pause(Duration.ofSeconds(1))));

  private final ScenarioBuilder admins =
      scenario("clinic admins")
          .exec(
              session ->
                  session
                      .set(
                          "token",
                          load.adminTokens.get(
                              (int) (session.userId() - 1) % load.adminTokens.size()))
                      .set(
                          "clinic",
                          load.clinics.get((int) (session.userId() - 1) % load.clinics.size())))
          .exec(
              http("admin: dashboard")
                  .get("/clinics/#{clinic}/dashboard")
                  .header("Authorization", "Bearer #{token}")
                  .check(status().is(200)))
          .exec(
              http("admin: audit search")
                  .get("/clinics/#{clinic}/audit-log?limit=20")
                  .header("Authorization", "Bearer #{token}")
                  .check(status().is(200)));

  private static Session fromRow(Session session) {
    Map<String, Object> row = session.getMap("row");
    return session
        .set("clinic", String.valueOf(row.get("tenantId")))
        .set("caseId", String.valueOf(row.get("caseId")));
  }

  {
    setUp(
            patients.injectOpen(
                rampUsersPerSec(0.1).to(RATE).during(RAMP_SECONDS),
                constantUsersPerSec(RATE).during(SECONDS)),
            dermatologists.injectOpen(io.gatling.javaapi.core.CoreDsl.atOnceUsers(3)),
            admins.injectOpen(constantUsersPerSec(0.5).during(SECONDS + RAMP_SECONDS)))
        .protocols(protocol)
        .assertions(global().failedRequests().count().is(0L));
  }

  @Override
  public void before() {
    load.startCpuClock();
  }

  @Override
  public void after() {
    double cpu = load.cpuSecondsSinceStart();
    try {
      String counts = load.countNothingLost(120);
      String report =
          String.format(
                  Locale.ROOT,
                  "rate=%.2f patients/s for %d s after a %d s ramp%nprocessCpuSeconds=%.1f%n",
                  RATE,
                  SECONDS,
                  RAMP_SECONDS,
                  cpu)
              + counts;
      System.out.println("Load run:\n" + report);
      Path file = Path.of("target", "load-rate-" + RATE + "-" + UUID.randomUUID() + ".txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, report);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      load.close();
    }
  }
}
