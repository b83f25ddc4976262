package com.dermrelay.local.gateway.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.functions.InProcessFunctions;
import com.dermrelay.local.gateway.GatewayConfig;
import com.dermrelay.local.gateway.LocalGateway;
import com.dermrelay.local.gateway.OpenApiRoutes;
import com.dermrelay.local.gateway.RouteTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's contract check over real HTTP, against a small contract: what breaks it is named by
 * operation, part and JSON pointer, and is on record by the time the client has its answer.
 */
class ContractCheckTest {
  private static final String THING = "{\"id\":\"t1\",\"name\":\"Lamp\",\"note\":null}";
  private static final String PROBLEM =
      "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400}";
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static ContractCheck check;
  private static LocalGateway gateway;

  @BeforeAll
  static void start() {
    check = new ContractCheck(contract(), ContractCheck.Mode.RECORD);
    gateway =
        LocalGateway.start(
            GatewayConfig.builder().port(0).contractCheck(check).build(),
            routes(),
            new InProcessFunctions(Map.of()));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @BeforeEach
  void forgetEarlierViolations() {
    check.takeViolations();
  }

  @Test
  void exchangesThatKeepTheContractLeaveNothingOnRecord() {
    assertEquals(
        200, get("/things/t1?limit=3", answer(200, "application/json", THING)).statusCode());
    assertEquals(
        201,
        post(
                "/things",
                "{\"name\":\"Lamp\",\"ownerEmail\":\"avery@lakeside.example\"}",
                answer(201, "application/json", THING),
                "x-answer-location",
                "/things/t1")
            .statusCode());
    assertEquals(
        404, get("/things/t9", answer(404, "application/problem+json", PROBLEM)).statusCode());
    assertEquals(
        204,
        send(HttpRequest.newBuilder(uri("/things/t1")).DELETE().header("x-answer-status", "204"))
            .statusCode());
    assertEquals(List.of(), check.takeViolations());
  }

  @Test
  void aNullTheSchemaDoesNotAllowIsNamedByOperationAndPointer() {
    HttpResponse<String> response =
        get(
            "/things/t1",
            answer(
                200,
                "application/json",
                "{\"id\":\"t1\",\"name\":\"Lamp\",\"note\":null,\"size\":null}"));

    assertEquals(200, response.statusCode(), "the client still gets the answer as it was");
    List<ContractViolation> violations = check.takeViolations();
    assertEquals(1, violations.size(), violations.toString());
    ContractViolation violation = violations.get(0);
    assertEquals("getThing", violation.operationId());
    assertEquals("GET /things/{thingId}", violation.routeKey());
    assertEquals("response 200 body (application/json)", violation.part());
    assertEquals("/size", violation.pointer());
    assertEquals("type", violation.keyword());
  }

  @Test
  void aRequiredNullableFieldMustBeThereAndAnUnknownOneMustNot() {
    get(
        "/things/t1",
        answer(200, "application/json", "{\"id\":\"t1\",\"name\":\"Lamp\",\"colour\":\"red\"}"));

    assertEquals(
        Map.of("required", "", "additionalProperties", ""), byKeyword(check.takeViolations()));
  }

  @Test
  void anUndeclaredStatusAWrongMediaTypeAndAMissingHeaderAreViolations() {
    get("/things/t1", answer(500, "application/problem+json", PROBLEM));
    assertEquals(Map.of("status", ""), byKeyword(check.takeViolations()));

    get("/things/t1", answer(200, "text/plain", "Lamp"));
    assertEquals(Map.of("content-type", ""), byKeyword(check.takeViolations()));

    post("/things", "{\"name\":\"Lamp\"}", answer(201, "application/json", THING));
    List<ContractViolation> missingLocation = check.takeViolations();
    assertEquals(Map.of("header", ""), byKeyword(missingLocation));
    assertTrue(missingLocation.get(0).message().contains("Location"), missingLocation.toString());

    send(
        HttpRequest.newBuilder(uri("/things/t1"))
            .DELETE()
            .header("x-answer-status", "202")
            .header("x-answer-type", "application/json")
            .header("x-answer-body", THING));
    assertEquals(Map.of("content", ""), byKeyword(check.takeViolations()));
  }

  @Test
  void aRequestThatBreaksTheContractMustBeRefusedWithA4xx() {
    String badBody = "{\"name\":7,\"ownerEmail\":\"not-an-address\"}";
    post("/things", badBody, answer(400, "application/problem+json", PROBLEM));
    assertEquals(List.of(), check.takeViolations(), "refused: the contract is kept");

    post(
        "/things",
        badBody,
        answer(201, "application/json", THING),
        "x-answer-location",
        "/things/t1");
    List<ContractViolation> accepted = check.takeViolations();
    assertEquals(Map.of("type", "/name", "format", "/ownerEmail"), byKeyword(accepted));
    assertTrue(
        accepted.stream()
            .allMatch(
                v ->
                    v.part()
                        .equals(
                            "request body (application/json) (answered 201, "
                                + "not refused with a 4xx)")),
        accepted.toString());
  }

  @Test
  void parametersAreCheckedAgainstTheirSchemas() {
    get("/things/t1?limit=abc", answer(200, "application/json", THING));
    List<ContractViolation> notANumber = check.takeViolations();
    assertEquals(1, notANumber.size(), notANumber.toString());
    assertTrue(
        notANumber.get(0).part().startsWith("request query parameter limit"),
        notANumber.toString());

    get("/things/t1?limit=11", answer(200, "application/json", THING));
    assertEquals(Map.of("maximum", ""), byKeyword(check.takeViolations()));

    get("/things/" + "x".repeat(9), answer(200, "application/json", THING));
    assertEquals(Map.of("maxLength", ""), byKeyword(check.takeViolations()));

    post(
        "/things",
        "{\"name\":\"Lamp\"}",
        answer(201, "application/json", THING),
        "x-answer-location",
        "/things/t1",
        "Idempotency-Key",
        "k".repeat(21));
    assertEquals(Map.of("maxLength", ""), byKeyword(check.takeViolations()));

    post("/things", "", answer(201, "application/json", THING), "x-answer-location", "/things/t1");
    assertEquals(Map.of("required", ""), byKeyword(check.takeViolations()));
  }

  @Test
  void whatNoOperationRoutesIsLeftAlone() {
    assertEquals(404, get("/nowhere", answer(200, "text/plain", "x")).statusCode());
    assertEquals(List.of(), check.takeViolations());
  }

  @Test
  void theReportNamesEveryViolationOnItsOwnLine() {
    get(
        "/things/t1",
        answer(200, "application/json", "{\"id\":\"t1\",\"name\":null,\"note\":null}"));
    String report = ContractViolation.report(check.takeViolations());

    assertTrue(report.startsWith("1 violation of api-spec/openapi.yaml"), report);
    assertTrue(
        report.contains(
            "\n  getThing (GET /things/{thingId}) response 200 body (application/json) at /name: "),
        report);
  }

  @Test
  void aCheckThatOnlyLogsKeepsNothing() {
    ContractCheck logging = new ContractCheck(contract(), ContractCheck.Mode.LOG);
    try (LocalGateway other =
        LocalGateway.start(
            GatewayConfig.builder().port(0).contractCheck(logging).build(),
            routes(),
            new InProcessFunctions(Map.of()))) {
      HttpResponse<String> response =
          send(
              HttpRequest.newBuilder(URI.create(other.url() + "/things/t1"))
                  .GET()
                  .header("x-answer-status", "500"));
      assertEquals(500, response.statusCode());
      assertEquals(List.of(), logging.takeViolations());
    }
  }

  private static Map<String, String> byKeyword(List<ContractViolation> violations) {
    return violations.stream()
        .collect(Collectors.toMap(ContractViolation::keyword, ContractViolation::pointer));
  }

  private static String[] answer(int status, String type, String body) {
    return new String[] {
      "x-answer-status", Integer.toString(status), "x-answer-type", type, "x-answer-body", body
    };
  }

  private static HttpResponse<String> get(String path, String[] headers) {
    return send(HttpRequest.newBuilder(uri(path)).GET().headers(headers));
  }

  private static HttpResponse<String> post(
      String path, String body, String[] headers, String... more) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .headers(headers);
    if (more.length > 0) {
      request.headers(more);
    }
    return send(request);
  }

  private static URI uri(String path) {
    return URI.create(gateway.url() + path);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static InputStream yaml() {
    return ContractCheckTest.class.getResourceAsStream("/gateway/contract-openapi.yaml");
  }

  private static ApiContract contract() {
    try (InputStream in = yaml()) {
      return ApiContract.fromYaml(in, "contract-openapi.yaml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RouteTable routes() {
    try (InputStream in = yaml()) {
      return OpenApiRoutes.fromYaml(in, "contract-openapi.yaml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
