package com.dermrelay.core.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SnapStartPrimingTest {

  private HttpServer awsEndpoint;

  /** Every request that reached the stand-in for DynamoDB, S3 and Step Functions. */
  private final List<String> received = new CopyOnWriteArrayList<>();

  private Map<String, String> environment;

  @BeforeEach
  void startEndpoint() throws IOException {
    awsEndpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    awsEndpoint.createContext(
        "/",
        exchange -> {
          received.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + " "
                  + exchange.getRequestHeaders().getFirst("X-Amz-Target"));
          exchange.sendResponseHeaders(500, -1);
          exchange.close();
        });
    awsEndpoint.start();
    String url = "http://127.0.0.1:" + awsEndpoint.getAddress().getPort();
    environment =
        Map.of(
            "AWS_REGION", "eu-central-1",
            "AWS_ACCESS_KEY_ID", "AKIDPRIMINGTEST",
            "AWS_SECRET_ACCESS_KEY", "secret",
            "AWS_ENDPOINT_URL_DYNAMODB", url,
            "AWS_ENDPOINT_URL_S3", url,
            "AWS_ENDPOINT_URL_SFN", url,
            "DERMRELAY_TABLE", "priming-test-table",
            "DERMRELAY_MEDIA_BUCKET", "priming-test-bucket");
  }

  @AfterEach
  void stopEndpoint() {
    awsEndpoint.stop(0);
  }

  @Test
  void buildingAComponentRegistersItsPrimingWithTheCheckpointContext() {
    RecordingContext checkpoints = new RecordingContext();
    FunctionsComponent component = Functions.create(environment, checkpoints);
    assertEquals(1, checkpoints.registered.size());
    assertSame(component.snapStartPriming(), checkpoints.registered.get(0));
  }

  @Test
  void primingWarmsTheHealthProbesCallsWithoutSendingAnyRequest() throws Exception {
    RecordingContext checkpoints = new RecordingContext();
    SnapStartPriming priming = Functions.create(environment, checkpoints).snapStartPriming();

    List<String> warmed = priming.prime();

    assertEquals(
        List.of(
            "Dagger handler support",
            SnapStartPriming.JSON,
            "DynamoDB.DescribeTable",
            "S3.HeadBucket",
            "SFN.ListStateMachines"),
        warmed);
    // No request left the process: no table item (no tenant data), no bucket, no workflow was read.
    assertEquals(List.of(), received);
  }

  @Test
  void theCheckpointHookRunsThePrimingAndCanRunAgain() throws Exception {
    RecordingContext checkpoints = new RecordingContext();
    Functions.create(environment, checkpoints);
    checkpoints.beforeCheckpoint(null);
    checkpoints.beforeCheckpoint(null); // a second snapshot of the same container (a new version)
    checkpoints.afterRestore(null);
    assertEquals(List.of(), received);
  }

  /** The checkpoint context of a CRaC runtime, reduced to what registration needs. */
  private static final class RecordingContext extends Context<Resource> {
    final List<Resource> registered = new ArrayList<>();

    @Override
    public void register(Resource resource) {
      registered.add(resource);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context)
        throws org.crac.CheckpointException {
      for (Resource resource : registered) {
        try {
          resource.beforeCheckpoint(this);
        } catch (Exception e) {
          throw new AssertionError("priming failed", e);
        }
      }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) throws org.crac.RestoreException {
      for (Resource resource : registered) {
        try {
          resource.afterRestore(this);
        } catch (Exception e) {
          throw new AssertionError("restore failed", e);
        }
      }
    }
  }
}
