package com.dermrelay.bench.load;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.gateway.contract.ContractCheck;
import com.dermrelay.local.seed.DemoData;
import com.dermrelay.local.seed.DemoSeeder;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.Photos;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The local stack the load runs against, in this JVM with the real-time clock: ten clinics seeded
 * as the demo clinics are, three dermatologists who work for all ten, an admin per clinic, and
 * patient accounts made ahead (signing up is measured apart, issue 20's sign-up scenario). Keeps
 * what the run submitted and answered, to count afterwards that nothing was lost.
 */
final class LoadStack {
  static final int CLINICS = 10;
  static final String DERMATOLOGIST_PASSWORD = "Load-Dermatologist-1";
  static final String ADMIN_PASSWORD = "Load-Clinic-Admin-1";

  final LocalStack stack;
  final ApiCalls api;
  final List<String> clinics;
  final List<String> dermatologistTokens = new ArrayList<>();
  final List<String> adminTokens = new ArrayList<>();
  final Map<String, String> consentVersions = new HashMap<>();
  final byte[] closeUp = Photos.sharp(1600, 1200, 0);
  final byte[] context = Photos.sharp(1600, 1200, 1);

  /** (clinic, caseId, patient token) of every case whose submit answered 200. */
  final Queue<String[]> submitted = new ConcurrentLinkedQueue<>();

  /** (clinic, caseId) of every case whose answer answered 200. */
  final Queue<String[]> answered = new ConcurrentLinkedQueue<>();

  /** Answers read by their patient during the run (the rest are read when counting). */
  final AtomicInteger readByPatient = new AtomicInteger();

  private final IntakeJourney journey;
  private final Queue<Map<String, Object>> patientAccounts = new ConcurrentLinkedQueue<>();
  private long cpuAtStart;

  private LoadStack(int patients) {
    stack =
        LocalStack.start(
            LocalStackConfig.forTests()
                .withManualClock(false)
                // The contract check is the tests' referee, not part of the product.
                .withContractCheck(ContractCheck.Mode.OFF));
    api = new ApiCalls(stack);
    journey = new IntakeJourney(stack, api);
    clinics = IntStream.rangeClosed(1, CLINICS).mapToObj(i -> "load-clinic-" + i).toList();
    seed();
    for (String clinic : clinics) {
      consentVersions.put(clinic, journey.consentVersion(clinic));
    }
    for (int i = 0; i < patients; i++) {
      String clinic = clinics.get(i % CLINICS);
      IntakeJourney.Patient patient = journey.newPatient(clinic);
      patientAccounts.add(Map.of("clinic", clinic, "email", patient.email()));
    }
  }

  static LoadStack start(int patients) {
    return new LoadStack(patients);
  }

  private void seed() {
    ObjectNode template = DemoData.load().tenants().get(0).config();
    List<DemoData.Tenant> tenants = new ArrayList<>();
    List<DemoData.User> users = new ArrayList<>();
    for (String clinic : clinics) {
      ObjectNode config = template.deepCopy();
      config.put("tenantId", clinic).put("slug", clinic).put("displayName", "Clinic " + clinic);
      tenants.add(new DemoData.Tenant(clinic, config));
      users.add(
          new DemoData.User(
              "admin@" + clinic + ".example",
              ADMIN_PASSWORD,
              "clinic_admin",
              List.of(clinic),
              "Admin of " + clinic));
    }
    for (int d = 1; d <= 3; d++) {
      users.add(
          new DemoData.User(
              "load-derm-" + d + "@dermrelay.example",
              DERMATOLOGIST_PASSWORD,
              "dermatologist",
              clinics,
              "Dr Load " + d));
    }
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      new DemoSeeder(dynamoDb, LocalStackConfig.TABLE, stack.identity())
          .seed(new DemoData(tenants, users));
    }
    for (int d = 1; d <= 3; d++) {
      dermatologistTokens.add(
          api.idToken("load-derm-" + d + "@dermrelay.example", DERMATOLOGIST_PASSWORD));
    }
    for (String clinic : clinics) {
      adminTokens.add(api.idToken("admin@" + clinic + ".example", ADMIN_PASSWORD));
    }
  }

  /** Each patient account once: a patient's journey signs in with its own email. */
  Iterator<Map<String, Object>> patientFeeder() {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return !patientAccounts.isEmpty();
      }

      @Override
      public Map<String, Object> next() {
        Map<String, Object> account = new HashMap<>(patientAccounts.remove());
        String clinic = (String) account.get("clinic");
        account.put("consentVersion", consentVersions.get(clinic));
        return account;
      }
    };
  }

  String draftBody(String clinic) {
    return IntakeJourney.draftBody(IntakeJourney.routineIntake(), consentVersions.get(clinic));
  }

  void startCpuClock() {
    cpuAtStart = processCpuNanos();
  }

  double cpuSecondsSinceStart() {
    return (processCpuNanos() - cpuAtStart) / 1e9;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * After the run: every submitted case is queued or answered (it reached the worklist), and every
   * answer the API accepted reached its patient (their getAnswer answers 200). Waits up to {@code
   * seconds} for the workflows to finish what the run started.
   */
  String countNothingLost(int seconds) throws InterruptedException {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    Map<String, String> answeredCases = new HashMap<>();
    answered.forEach(a -> answeredCases.put(a[1], a[0]));
    int reachedWorklist;
    int answerDelivered;
    List<String> missing;
    do {
      reachedWorklist = 0;
      answerDelivered = 0;
      missing = new ArrayList<>();
      for (String[] c : submitted) {
        String path = "/clinics/" + c[0] + "/cases/" + c[1];
        JsonNode seen = ApiCalls.json(api.get(path, c[2]));
        String status = seen.path("status").asText();
        boolean queuedOrLater =
            List.of("QUEUED", "MORE_INFO_REQUESTED", "ANSWERED", "FOLLOW_UP_DUE", "CLOSED")
                .contains(status);
        if (queuedOrLater) {
          reachedWorklist++;
        } else {
          missing.add(c[1] + " " + status);
        }
        if (answeredCases.containsKey(c[1])) {
          HttpResponse<String> answer = api.get(path + "/answer", c[2]);
          if (answer.statusCode() == 200) {
            answerDelivered++;
          } else {
            missing.add(c[1] + " answer " + answer.statusCode());
          }
        }
      }
      if (missing.isEmpty()) {
        break;
      }
      Thread.sleep(2000);
    } while (System.currentTimeMillis() < deadline);
    return String.format(
        "submitted=%d%nreachedWorklist=%d%nanswered=%d%nanswerReachedPatient=%d%n"
            + "answerReadDuringRun=%d%nmissing=%s%n",
        submitted.size(),
        reachedWorklist,
        answeredCases.size(),
        answerDelivered,
        readByPatient.get(),
        missing);
  }

  void close() {
    stack.close();
  }
}
