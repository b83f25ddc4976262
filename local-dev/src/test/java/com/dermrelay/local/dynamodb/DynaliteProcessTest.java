package com.dermrelay.local.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynaliteProcessTest {
  static Path localDevDir() {
    return Path.of(System.getProperty("dermrelay.nodeModules", "node_modules")).getParent();
  }

  static DynamoDbClient client(String endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  @Test
  void createsTheTableWithItsIndexesAndStopsTheChildOnClose() {
    DynaliteProcess dynalite = DynaliteProcess.start(localDevDir(), "127.0.0.1", 0, null);
    try (DynamoDbClient dynamoDb = client(dynalite.endpoint())) {
      TableSetup.ensureTable(dynamoDb, "cases");
      TableSetup.ensureTable(dynamoDb, "cases"); // a second start finds it and leaves it alone
      var table = dynamoDb.describeTable(r -> r.tableName("cases")).table();
      assertEquals(
          List.of("gsi1", "gsi2"),
          table.globalSecondaryIndexes().stream().map(i -> i.indexName()).sorted().toList());
      dynamoDb.putItem(
          r ->
              r.tableName("cases")
                  .item(
                      Map.of(
                          "pk",
                          AttributeValue.fromS("a"),
                          "sk",
                          AttributeValue.fromS("b"),
                          "gsi1pk",
                          AttributeValue.fromS("x"),
                          "gsi1sk",
                          AttributeValue.fromS("y"))));
      assertEquals(
          1,
          dynamoDb
              .query(
                  r ->
                      r.tableName("cases")
                          .indexName("gsi1")
                          .keyConditionExpression("gsi1pk = :p")
                          .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("x"))))
              .count());
    } finally {
      dynalite.close();
    }
    assertFalse(dynalite.isAlive());
  }

  @Test
  void keepsTablesAcrossRestartsWithADataDirectory(@TempDir Path data) {
    try (DynaliteProcess first = DynaliteProcess.start(localDevDir(), "127.0.0.1", 0, data);
        DynamoDbClient dynamoDb = client(first.endpoint())) {
      TableSetup.ensureTable(dynamoDb, "kept");
      dynamoDb.putItem(
          r ->
              r.tableName("kept")
                  .item(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromS("b"))));
    }
    try (DynaliteProcess second = DynaliteProcess.start(localDevDir(), "127.0.0.1", 0, data);
        DynamoDbClient dynamoDb = client(second.endpoint())) {
      assertTrue(
          dynamoDb
              .getItem(
                  r ->
                      r.tableName("kept")
                          .key(
                              Map.of(
                                  "pk",
                                  AttributeValue.fromS("a"),
                                  "sk",
                                  AttributeValue.fromS("b"))))
              .hasItem());
    }
  }

  @Test
  void aBusyPortIsAClearStartFailureAndLeavesNoProcess() {
    try (DynaliteProcess first = DynaliteProcess.start(localDevDir(), "127.0.0.1", 0, null)) {
      IllegalStateException failure =
          assertThrows(
              IllegalStateException.class,
              () -> DynaliteProcess.start(localDevDir(), "127.0.0.1", first.port(), null));
      assertTrue(failure.getMessage().contains("dynalite failed to start"), failure.getMessage());
    }
  }

  /** The promise that matters most: kill -9 the JVM and dynalite still goes away. */
  @Test
  void theChildExitsWhenItsJvmIsKilled() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process jvm =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-Ddermrelay.nodeModules=" + System.getProperty("dermrelay.nodeModules"),
                DynaliteHolder.class.getName())
            .redirectErrorStream(true)
            .start();
    long childPid;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.startsWith("PID "));
      assertTrue(line != null, "the holder JVM never reported dynalite's pid");
      childPid = Long.parseLong(line.substring(4).trim());
      Optional<ProcessHandle> child = ProcessHandle.of(childPid);
      assertTrue(child.isPresent() && child.get().isAlive());

      jvm.destroyForcibly(); // SIGKILL: no shutdown hook runs
      assertTrue(jvm.waitFor(10, TimeUnit.SECONDS));
      assertTrue(child.get().onExit().get(10, TimeUnit.SECONDS) != null);
      assertFalse(ProcessHandle.of(childPid).map(ProcessHandle::isAlive).orElse(false));
    }
  }

  /** Run in a separate JVM by the test above. */
  public static final class DynaliteHolder {
    public static void main(String[] args) throws InterruptedException {
      DynaliteProcess dynalite = DynaliteProcess.start(localDevDir(), "127.0.0.1", 0, null);
      System.out.println("PID " + dynalite.pid());
      System.out.flush();
      Thread.sleep(60_000);
    }
  }
}
