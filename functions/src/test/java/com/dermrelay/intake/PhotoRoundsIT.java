package com.dermrelay.intake;

import static com.dermrelay.intake.IntakeSteps.CLINIC;
import static com.dermrelay.intake.IntakeSteps.casePath;
import static com.dermrelay.intake.IntakeSteps.completeIntake;
import static com.dermrelay.intake.IntakeSteps.consentVersion;
import static com.dermrelay.intake.IntakeSteps.create;
import static com.dermrelay.intake.IntakeSteps.newPatient;
import static com.dermrelay.intake.IntakeSteps.submit;
import static com.dermrelay.intake.IntakeSteps.uploadAndConfirm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.CaseStore;
import com.dermrelay.core.access.InternalAccess;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.config.Settings;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.TenantCredentials;
import com.dermrelay.core.tenancy.TenantDirectory;
import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.Photos;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Photos after submission: while the clinic waits for the patient (a question, a follow-up) the
 * case takes photos again, kept apart per round; otherwise its photos are closed. The review
 * workflow sets those statuses; here the test sets them through {@link CaseStore#update}.
 */
@ExtendWith(LocalStackExtension.class)
class PhotoRoundsIT {
  private static ApiCalls api;
  private static DynamoDbClient dynamoDb;
  private static CaseStore store;
  private static InternalAccess access;

  @BeforeAll
  static void stack(LocalStack localStack) {
    IntakeSteps.use(localStack);
    api = new ApiCalls(localStack);
    dynamoDb = api.dynamoDb();
    Settings settings = Settings.from(localStack.functionEnvironment());
    ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    SingleTable table =
        new SingleTable(
            dynamoDb, settings, json, Clock.systemUTC(), TenantCredentials.functionsOwn());
    store = new CaseStore(table, new AuditTrail(table), json);
    access = new InternalAccess(new TenantDirectory(table, json, Clock.systemUTC()));
  }

  @AfterAll
  static void close() {
    dynamoDb.close();
  }

  @Test
  void aSubmittedCaseTakesPhotosOnlyWhileThePatientIsAskedAndKeepsEachRoundApart()
      throws Exception {
    String patient = newPatient();
    String caseId = create(patient, completeIntake(), consentVersion()).get("caseId").asText();
    JsonNode first = uploadAndConfirm(patient, caseId, "close_up", Photos.sharp(1600, 1200, 0));
    uploadAndConfirm(patient, caseId, "context", Photos.sharp(1600, 1200, 1));
    assertEquals(200, submit(patient, caseId, "key-" + UUID.randomUUID()).statusCode());
    assertEquals(
        409, requestSlot(patient, caseId).statusCode(), "submitted, not waiting for photos");

    setStatus(caseId, CaseRecord.MORE_INFO_REQUESTED);
    JsonNode reply = uploadAndConfirm(patient, caseId, "close_up", Photos.sharp(1600, 1200, 2));
    assertEquals("CHECKED", reply.get("status").asText(), reply.toString());
    assertNotEquals(first.get("photoId").asText(), reply.get("photoId").asText());
    CaseRecord afterReply = store.find(context(), caseId).orElseThrow().record();
    assertEquals(Set.of("close_up", "context", "close_up@1"), afterReply.photos().keySet());
    assertEquals(
        first.get("photoId").asText(),
        afterReply.photos().get("close_up").photoId(),
        "the intake's close-up is kept as the dermatologist saw it");
    assertEquals(reply.get("photoId").asText(), afterReply.photos().get("close_up@1").photoId());
    HttpResponse<String> earlier =
        api.call(
            "POST",
            casePath(caseId) + "/photos/" + first.get("photoId").asText() + "/confirm",
            patient,
            "{\"keep\":true}");
    assertEquals(409, earlier.statusCode(), "an earlier round's photo cannot change");

    setStatus(caseId, CaseRecord.ANSWERED);
    assertEquals(
        409, requestSlot(patient, caseId).statusCode(), "answered, not waiting for photos");

    setStatus(caseId, CaseRecord.FOLLOW_UP_DUE);
    uploadAndConfirm(patient, caseId, "context", Photos.sharp(1600, 1200, 3));
    assertEquals(
        Set.of("close_up", "context", "close_up@1", "context@2"),
        store.find(context(), caseId).orElseThrow().record().photos().keySet());
  }

  private static HttpResponse<String> requestSlot(String patient, String caseId) {
    return api.call(
        "POST",
        casePath(caseId) + "/photo-uploads",
        patient,
        "{\"photos\":[{\"view\":\"close_up\",\"contentType\":\"image/jpeg\",\"sizeBytes\":20000}]}");
  }

  /** What the review workflow does: a status, and a new round when it asks the patient for more. */
  private static void setStatus(String caseId, String status) {
    String now = Instant.now().toString();
    store.update(
        context(),
        caseId,
        c ->
            asksForMore(status)
                ? c.withNextRound(status, now, status.toLowerCase())
                : c.withStatus(status, now, status.toLowerCase()));
  }

  private static TenantContext context() {
    return access.forWorkflowStep(
        CLINIC, "PhotoRoundsIT", "test-" + UUID.randomUUID(), Instant.now());
  }

  private static boolean asksForMore(String status) {
    return status.equals(CaseRecord.MORE_INFO_REQUESTED) || status.equals(CaseRecord.FOLLOW_UP_DUE);
  }
}
