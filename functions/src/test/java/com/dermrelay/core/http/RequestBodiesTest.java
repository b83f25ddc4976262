package com.dermrelay.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {
  record Sample(String name, int count, List<String> tags) {}

  /** Every scalar kind a request body has, nested as intake answers are. */
  record Typed(
      Integer whole,
      Long big,
      Double size,
      Boolean flag,
      String text,
      boolean primitive,
      List<Item> items) {}

  record Item(Integer count) {}

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);

  private final RequestBodies bodies = new RequestBodies(new ObjectMapper());

  private <T> T read(APIGatewayV2HTTPEvent event, Class<T> type) {
    return bodies.read(new ApiRequest(event, "req-1", null, null, CLOCK), type);
  }

  private static APIGatewayV2HTTPEvent event(String contentType, String body) {
    return APIGatewayV2HTTPEvent.builder()
        .withHeaders(contentType == null ? Map.of() : Map.of("content-type", contentType))
        .withBody(body)
        .build();
  }

  private ApiProblem refused(String contentType, String body) {
    return assertThrows(ApiProblem.class, () -> read(event(contentType, body), Sample.class));
  }

  @Test
  void readsAWellFormedBody() {
    Sample sample =
        read(
            event(
                "application/json; charset=utf-8", "{\"name\":\"a\",\"count\":2,\"tags\":[\"x\"]}"),
            Sample.class);
    assertEquals(new Sample("a", 2, List.of("x")), sample);
  }

  @Test
  void readsABase64EncodedBody() {
    APIGatewayV2HTTPEvent event =
        event(
            "application/json",
            Base64.getEncoder()
                .encodeToString("{\"name\":\"b\",\"count\":1}".getBytes(StandardCharsets.UTF_8)));
    event.setIsBase64Encoded(true);
    assertEquals("b", read(event, Sample.class).name());
  }

  @Test
  void malformedJsonSaysWhereWithoutQuotingTheBody() {
    ApiProblem problem = refused("application/json", "{\"name\": \"secret rash\", ");
    assertEquals(400, problem.status());
    assertEquals(ProblemTypes.MALFORMED_JSON, problem.type());
    assertTrue(problem.detail().contains("line 1"), problem.detail());
    assertFalse(problem.detail().contains("secret rash"));
  }

  @Test
  void wrongOrMissingContentTypeIs415() {
    assertEquals(415, refused("text/plain", "{}").status());
    assertEquals(415, refused(null, "{}").status());
  }

  @Test
  void unknownAndMistypedFieldsAreNamed() {
    ApiProblem unknown = refused("application/json", "{\"name\":\"a\",\"colour\":\"red\"}");
    assertEquals(ProblemTypes.INVALID_REQUEST, unknown.type());
    assertTrue(unknown.detail().contains("colour"));
    assertEquals("/colour", unknown.errors().get(0).pointer());
    ApiProblem mistyped = refused("application/json", "{\"name\":\"a\",\"count\":\"many\"}");
    assertTrue(mistyped.detail().contains("count"), mistyped.detail());
    assertFalse(mistyped.detail().contains("many"));
  }

  private ApiProblem refusedTyped(String body) {
    return assertThrows(ApiProblem.class, () -> read(event("application/json", body), Typed.class));
  }

  /** The one bad field, by pointer and what it takes; the problem never quotes the value sent. */
  private void refusedAt(String body, String pointer, String detail) {
    ApiProblem problem = refusedTyped(body);
    assertEquals(400, problem.status(), body);
    assertEquals(ProblemTypes.INVALID_REQUEST, problem.type());
    assertEquals(List.of(new ApiProblem.FieldError(pointer, detail)), problem.errors(), body);
    assertTrue(problem.detail().contains(pointer), problem.detail());
    assertFalse(
        problem.detail().contains("6.9") || problem.detail().contains("\"7\""), problem.detail());
  }

  @Test
  void aFractionIsNeverCutToAWholeNumber() {
    refusedAt("{\"whole\":6.9}", "/whole", "must be a whole number");
    refusedAt("{\"whole\":6.0}", "/whole", "must be a whole number");
    refusedAt("{\"big\":2.5}", "/big", "must be a whole number");
    refusedAt(
        "{\"items\":[{\"count\":1},{\"count\":1.5}]}", "/items/1/count", "must be a whole number");
  }

  @Test
  void aStringIsNeverReadAsANumberOrABoolean() {
    refusedAt("{\"whole\":\"7\"}", "/whole", "must be a whole number");
    refusedAt("{\"size\":\"6.9\"}", "/size", "must be a number");
    refusedAt("{\"size\":\"\"}", "/size", "must be a number");
    refusedAt("{\"flag\":\"true\"}", "/flag", "must be true or false");
  }

  @Test
  void aNumberOrABooleanIsNeverReadAsAString() {
    refusedAt("{\"text\":7}", "/text", "must be a string");
    refusedAt("{\"text\":6.5}", "/text", "must be a string");
    refusedAt("{\"text\":false}", "/text", "must be a string");
  }

  @Test
  void aNumberIsNeverReadAsABoolean() {
    refusedAt("{\"flag\":1}", "/flag", "must be true or false");
    refusedAt("{\"flag\":0}", "/flag", "must be true or false");
    refusedAt("{\"primitive\":1}", "/primitive", "must be true or false");
  }

  @Test
  void nullForAPrimitiveAndANumberTooLargeForItsFieldAreRefused() {
    refusedAt("{\"primitive\":null}", "/primitive", "must be true or false");
    refusedAt("{\"whole\":99999999999}", "/whole", "must be a whole number");
    refusedAt("{\"items\":\"\"}", "/items", "must be an array");
  }

  @Test
  void numbersArriveAsSentAndAWholeNumberIsAFraction() {
    Typed typed =
        read(
            event(
                "application/json",
                "{\"whole\":7,\"big\":12345678901,\"size\":6.9,\"flag\":true,\"text\":\"7\",\"primitive\":true,"
                    + "\"items\":[{\"count\":2}]}"),
            Typed.class);
    assertEquals(new Typed(7, 12345678901L, 6.9, true, "7", true, List.of(new Item(2))), typed);
    assertEquals(7.0, read(event("application/json", "{\"size\":7}"), Typed.class).size());
  }

  @Test
  void emptyNullAndTrailingContentAreRefused() {
    assertEquals(400, refused("application/json", "").status());
    assertEquals(400, refused("application/json", "null").status());
    assertEquals(
        ProblemTypes.MALFORMED_JSON, refused("application/json", "{\"name\":\"a\"} {}").type());
  }
}
