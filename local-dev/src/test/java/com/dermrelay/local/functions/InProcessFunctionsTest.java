package com.dermrelay.local.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.local.http.Exchanges;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InProcessFunctionsTest {
  private static final String ORDER = TestHandlers.OrderHandler.class.getName();
  private static final String FAILING = TestHandlers.FailingHandler.class.getName();

  private final InProcessFunctions functions = new InProcessFunctions(Map.of("GREETING", "hello"));

  private static JsonNode json(String text) throws Exception {
    return Exchanges.JSON.readTree(text);
  }

  @Test
  void buildsEachHandlerOnceThroughTheMapConstructorEvenUnderConcurrentCalls() throws Exception {
    int before = TestHandlers.OrderHandler.CONSTRUCTED.get();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<JsonNode>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 16; i++) {
        Callable<JsonNode> call =
            () -> {
              start.await();
              return functions.invokeJson(
                  ORDER, json("{\"item\":\"cream\",\"quantity\":1}"), "order");
            };
        results.add(pool.submit(call));
      }
      start.countDown();
      for (Future<JsonNode> result : results) {
        assertEquals(
            "hello", result.get().get("greeting").asText(), "environment reached the handler");
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(before + 1, TestHandlers.OrderHandler.CONSTRUCTED.get());
  }

  @Test
  void convertsThePayloadToTheDeclaredPojoAndTheResultBackToJson() throws Exception {
    JsonNode result =
        functions.invokeJson(
            ORDER,
            json("{\"item\":\"cream\",\"quantity\":3,\"tags\":\"single\",\"unknownField\":true}"),
            "placeOrder");
    assertEquals("cream", result.get("item").asText());
    assertEquals(30, result.get("total").asInt());
    assertEquals(
        "placeOrder", result.get("function").asText(), "context carries the function name");
    assertEquals(512, result.get("memory").asInt());
  }

  @Test
  void findsTheInputTypeThroughAGenericBaseClass() throws Exception {
    JsonNode result =
        functions.invokeJson(
            TestHandlers.SubclassHandler.class.getName(),
            json("{\"item\":\"x\",\"quantity\":2}"),
            "sub");
    assertEquals(TestHandlers.Order.class.getName(), result.get("inputClass").asText());
  }

  @Test
  void reportsAHandlerExceptionWithItsFullyQualifiedClassName() throws Exception {
    FunctionFailedException failure =
        assertThrows(
            FunctionFailedException.class, () -> functions.invokeJson(FAILING, json("{}"), "fail"));
    assertEquals("java.lang.IllegalStateException", failure.errorType());
    assertEquals("boom", failure.errorMessage());
    assertEquals("fail", failure.functionName());

    FunctionFailedException notFound =
        assertThrows(
            FunctionFailedException.class,
            () ->
                functions.invokeJson(
                    FAILING, json("{\"mode\":\"not-found\",\"caseId\":\"c1\"}"), "fail"));
    assertEquals(
        "com.dermrelay.local.functions.TestHandlers$CaseNotFoundException", notFound.errorType());
    assertEquals("case c1 not found", notFound.errorMessage());
  }

  @Test
  void aPayloadThatDoesNotFitTheInputTypeFailsTheInvocation() throws Exception {
    FunctionFailedException failure =
        assertThrows(
            FunctionFailedException.class,
            () -> functions.invokeJson(ORDER, json("{\"quantity\":\"many\"}"), "order"));
    assertTrue(failure.errorType().startsWith("com.fasterxml.jackson"), failure.errorType());
  }

  @Test
  void aMissingClassIsAConfigurationErrorNamingIt() {
    HandlerConfigurationException error =
        assertThrows(
            HandlerConfigurationException.class,
            () -> functions.verify("com.dermrelay.nowhere.MissingHandler"));
    assertEquals("com.dermrelay.nowhere.MissingHandler", error.handlerClass());
    assertTrue(error.getMessage().contains("com.dermrelay.nowhere.MissingHandler"));
    assertTrue(error.getMessage().contains("not found"));
  }

  @Test
  void aHandlerWithoutTheMapConstructorIsAConfigurationErrorNamingIt() throws Exception {
    String name = TestHandlers.NoMapConstructorHandler.class.getName();
    HandlerConfigurationException onVerify =
        assertThrows(HandlerConfigurationException.class, () -> functions.verify(name));
    assertTrue(onVerify.getMessage().contains(name));
    assertTrue(onVerify.getMessage().contains("Map<String,String>"));
    assertThrows(
        HandlerConfigurationException.class, () -> functions.invokeJson(name, json("{}"), "x"));
  }

  @Test
  void aClassThatIsNotARequestHandlerIsRefused() {
    HandlerConfigurationException error =
        assertThrows(
            HandlerConfigurationException.class,
            () -> functions.verify(TestHandlers.NotAHandler.class.getName()));
    assertTrue(error.getMessage().contains("RequestHandler"));
  }

  @Test
  void aFailingConstructorIsAConfigurationErrorWithItsCause() throws Exception {
    HandlerConfigurationException error =
        assertThrows(
            HandlerConfigurationException.class,
            () ->
                functions.invokeJson(
                    TestHandlers.ExplodingConstructorHandler.class.getName(), json("{}"), "x"));
    assertEquals("TABLE_NAME is not set", error.getCause().getMessage());
  }

  @Test
  void invokeHttpConvertsTheEventForAMapHandlerAndReadsAPlainResultAsHttpApiDoes() {
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setRouteKey("GET /health");
    event.setRawPath("/health");
    APIGatewayV2HTTPResponse response =
        functions.invokeHttp(TestHandlers.MapHttpHandler.class.getName(), event, "getHealth");
    assertEquals(200, response.getStatusCode());
    assertEquals("application/json", response.getHeaders().get("content-type"));
    assertFalse(response.getIsBase64Encoded());
    JsonNode body = assertDoesNotThrowParse(response.getBody());
    assertEquals("GET /health", body.get("routeKey").asText());
    assertEquals("/health", body.get("rawPath").asText());
  }

  @Test
  void aJsonResultWithAStatusCodeIsAResponse() {
    JsonNode result =
        Exchanges.JSON
            .createObjectNode()
            .put("statusCode", 201)
            .put("body", "created")
            .set("headers", Exchanges.JSON.createObjectNode().put("location", "/x"));
    APIGatewayV2HTTPResponse response =
        com.dermrelay.local.functions.internal.HttpResultMapper.toResponse(result);
    assertEquals(201, response.getStatusCode());
    assertEquals("created", response.getBody());
    assertEquals("/x", response.getHeaders().get("location"));
    assertNull(response.getCookies());
  }

  private static JsonNode assertDoesNotThrowParse(String body) {
    try {
      return Exchanges.JSON.readTree(body);
    } catch (Exception e) {
      throw new AssertionError("body is not JSON: " + body, e);
    }
  }
}
