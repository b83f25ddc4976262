package com.dermrelay.local.stepfunctions;

import static com.dermrelay.local.stepfunctions.SfnHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.http.LocalHttpServer;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** The real AWS SDK v2 SfnClient against the HTTP server. */
class SfnClientTest {
  private static final String DEFINITION =
      """
      {"Comment":"review","StartAt":"Review","States":{
        "Review":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
          "Parameters":{"FunctionName":"notify","Payload":{"token.$":"$$.Task.Token","case.$":"$.case"}},
          "ResultPath":"$.review","Next":"Done"},
        "Done":{"Type":"Succeed"}}}""";
  private static final String ROLE = "arn:aws:iam::000000000000:role/sfn";

  private final SfnHarness sfn = new SfnHarness();
  private SfnClient client;
  private String serverUrl;

  @BeforeEach
  void start() {
    sfn.function("notify", p -> TextNode.valueOf("queued"));
    LocalHttpServer server = sfn.emulator.start("127.0.0.1", 0);
    serverUrl = server.url();
    client =
        SfnClient.builder()
            .endpointOverride(URI.create(server.url()))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }

  @AfterEach
  void close() {
    client.close();
    sfn.close();
  }

  private String createMachine(String name) {
    return client
        .createStateMachine(b -> b.name(name).definition(DEFINITION).roleArn(ROLE))
        .stateMachineArn();
  }

  private String lastToken() {
    return sfn.calls().get(sfn.calls().size() - 1).payload().get("token").textValue();
  }

  @Test
  void createDescribeStartHistoryAndSendTaskSuccess() {
    CreateStateMachineResponse created =
        client.createStateMachine(b -> b.name("case-review").definition(DEFINITION).roleArn(ROLE));
    assertEquals(
        "arn:aws:states:us-east-1:000000000000:stateMachine:case-review",
        created.stateMachineArn());
    assertEquals(ManualClock.DEFAULT_START, created.creationDate());
    assertEquals(
        DEFINITION,
        client
            .describeStateMachine(b -> b.stateMachineArn(created.stateMachineArn()))
            .definition());

    StartExecutionResponse started =
        client.startExecution(
            b ->
                b.stateMachineArn(created.stateMachineArn())
                    .name("c-42")
                    .input("{\"case\":\"c-42\"}"));
    assertEquals(
        "arn:aws:states:us-east-1:000000000000:execution:case-review:c-42", started.executionArn());
    DescribeExecutionResponse running =
        client.describeExecution(b -> b.executionArn(started.executionArn()));
    assertEquals(ExecutionStatus.RUNNING, running.status());
    assertEquals("{\"case\":\"c-42\"}", running.input());

    client.sendTaskSuccess(b -> b.taskToken(lastToken()).output("{\"diagnosis\":\"eczema\"}"));
    DescribeExecutionResponse done =
        client.describeExecution(b -> b.executionArn(started.executionArn()));
    assertEquals(ExecutionStatus.SUCCEEDED, done.status());
    assertEquals(
        json("{\"case\":\"c-42\",\"review\":{\"diagnosis\":\"eczema\"}}"), json(done.output()));
    assertNotNull(done.stopDate());

    GetExecutionHistoryResponse history =
        client.getExecutionHistory(b -> b.executionArn(started.executionArn()));
    List<HistoryEventType> types = history.events().stream().map(HistoryEvent::type).toList();
    assertEquals(
        List.of(
            HistoryEventType.EXECUTION_STARTED,
            HistoryEventType.TASK_STATE_ENTERED,
            HistoryEventType.TASK_SCHEDULED,
            HistoryEventType.TASK_STARTED,
            HistoryEventType.TASK_SUBMITTED,
            HistoryEventType.TASK_SUCCEEDED,
            HistoryEventType.TASK_STATE_EXITED,
            HistoryEventType.SUCCEED_STATE_ENTERED,
            HistoryEventType.SUCCEED_STATE_EXITED,
            HistoryEventType.EXECUTION_SUCCEEDED),
        types);
    HistoryEvent entered = history.events().get(1);
    assertEquals(2L, entered.id());
    assertEquals(1L, entered.previousEventId());
    assertEquals("Review", entered.stateEnteredEventDetails().name());
    assertEquals(
        "invoke.waitForTaskToken", history.events().get(2).taskScheduledEventDetails().resource());
    assertEquals(ROLE, history.events().get(0).executionStartedEventDetails().roleArn());

    GetExecutionHistoryResponse reversed =
        client.getExecutionHistory(
            b -> b.executionArn(started.executionArn()).reverseOrder(true).maxResults(3));
    assertEquals(
        List.of(
            HistoryEventType.EXECUTION_SUCCEEDED,
            HistoryEventType.SUCCEED_STATE_EXITED,
            HistoryEventType.SUCCEED_STATE_ENTERED),
        reversed.events().stream().map(HistoryEvent::type).toList());
    assertNotNull(reversed.nextToken());
    GetExecutionHistoryResponse rest =
        client.getExecutionHistory(
            b ->
                b.executionArn(started.executionArn())
                    .reverseOrder(true)
                    .nextToken(reversed.nextToken()));
    assertEquals(7, rest.events().size());
  }

  @Test
  void sendTaskFailureAndStopAndListExecutions() {
    String machine = createMachine("m");
    String failed =
        client
            .startExecution(b -> b.stateMachineArn(machine).name("f").input("{\"case\":\"1\"}"))
            .executionArn();
    client.sendTaskFailure(b -> b.taskToken(lastToken()).error("PhotoRejected").cause("blurry"));
    DescribeExecutionResponse failure = client.describeExecution(b -> b.executionArn(failed));
    assertEquals(ExecutionStatus.FAILED, failure.status());
    assertEquals("PhotoRejected", failure.error());
    assertEquals("blurry", failure.cause());

    String stopped =
        client
            .startExecution(b -> b.stateMachineArn(machine).name("s").input("{\"case\":\"2\"}"))
            .executionArn();
    client.sendTaskHeartbeat(b -> b.taskToken(lastToken()));
    client.stopExecution(b -> b.executionArn(stopped).error("Cancelled").cause("patient withdrew"));
    assertEquals(
        ExecutionStatus.ABORTED, client.describeExecution(b -> b.executionArn(stopped)).status());

    sfn.clock.advance(Duration.ofSeconds(1));
    client.startExecution(b -> b.stateMachineArn(machine).name("r").input("{\"case\":\"3\"}"));
    assertEquals(
        List.of("r", "s", "f"),
        client.listExecutions(b -> b.stateMachineArn(machine)).executions().stream()
            .map(e -> e.name())
            .toList());
    assertEquals(
        List.of("r"),
        client
            .listExecutions(b -> b.stateMachineArn(machine).statusFilter(ExecutionStatus.RUNNING))
            .executions()
            .stream()
            .map(e -> e.name())
            .toList());
    assertTrue(
        client.listStateMachines().stateMachines().stream()
            .anyMatch(m -> m.stateMachineArn().equals(machine)));
  }

  @Test
  void duplicateStartIsIdempotentOnlyForTheSameInput() {
    String machine = createMachine("dup");
    StartExecutionResponse first =
        client.startExecution(b -> b.stateMachineArn(machine).name("x").input("{\"case\":\"1\"}"));
    StartExecutionResponse again =
        client.startExecution(b -> b.stateMachineArn(machine).name("x").input("{\"case\":\"1\"}"));
    assertEquals(first.executionArn(), again.executionArn());
    assertEquals(first.startDate(), again.startDate());
    assertThrows(
        ExecutionAlreadyExistsException.class,
        () ->
            client.startExecution(
                b -> b.stateMachineArn(machine).name("x").input("{\"case\":\"2\"}")));
  }

  @Test
  void errorsMapToTypedExceptions() {
    InvalidDefinitionException invalid =
        assertThrows(
            InvalidDefinitionException.class,
            () ->
                client.createStateMachine(
                    b ->
                        b.name("bad")
                            .roleArn(ROLE)
                            .definition(
                                "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"}}}")));
    assertTrue(
        invalid.awsErrorDetails().errorMessage().contains("Missing 'Next' target: B"),
        invalid.getMessage());
    assertEquals(400, invalid.statusCode());
    assertThrows(
        StateMachineDoesNotExistException.class,
        () ->
            client.startExecution(
                b -> b.stateMachineArn("arn:aws:states:us-east-1:000000000000:stateMachine:nope")));
    assertThrows(
        InvalidArnException.class, () -> client.describeExecution(b -> b.executionArn("nope")));
    assertThrows(
        ExecutionDoesNotExistException.class,
        () ->
            client.describeExecution(
                b -> b.executionArn("arn:aws:states:us-east-1:000000000000:execution:m:nope")));
    assertThrows(
        InvalidTokenException.class,
        () -> client.sendTaskSuccess(b -> b.taskToken("bogus").output("{}")));
    assertThrows(
        TaskDoesNotExistException.class,
        () ->
            client.sendTaskSuccess(
                b -> b.taskToken("sfnlocal-00000000000000000000000000000000").output("{}")));

    String machine = createMachine("timeouts");
    client.startExecution(b -> b.stateMachineArn(machine).input("{\"case\":\"1\"}"));
    String token = lastToken();
    client.sendTaskSuccess(b -> b.taskToken(token).output("{}"));
    assertThrows(
        TaskTimedOutException.class,
        () -> client.sendTaskSuccess(b -> b.taskToken(token).output("{}")));
  }

  @Test
  void theWireFormatIsAwsJson10() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(serverUrl + "/"))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "AWSStepFunctions.DescribeExecution")
                .POST(HttpRequest.BodyPublishers.ofString("{\"executionArn\":\"nope\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(400, response.statusCode());
    assertEquals(
        "application/x-amz-json-1.0", response.headers().firstValue("Content-Type").orElse(""));
    assertEquals("InvalidArn", json(response.body()).get("__type").textValue());
    assertTrue(json(response.body()).get("message").textValue().contains("nope"));

    HttpResponse<String> unknown =
        http.send(
            HttpRequest.newBuilder(URI.create(serverUrl + "/"))
                .header("X-Amz-Target", "AWSStepFunctions.StartSyncExecution")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(400, unknown.statusCode());
    assertEquals("UnknownOperationException", json(unknown.body()).get("__type").textValue());
  }
}
