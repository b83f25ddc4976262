package com.dermrelay.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {
  record Sample(String name, int count, List<String> tags) {}

  private final RequestBodies bodies = new RequestBodies(new ObjectMapper());

  private static APIGatewayV2HTTPEvent event(String contentType, String body) {
    return APIGatewayV2HTTPEvent.builder()
        .withHeaders(contentType == null ? Map.of() : Map.of("content-type", contentType))
        .withBody(body)
        .build();
  }

  private ApiProblem refused(String contentType, String body) {
    return assertThrows(ApiProblem.class, () -> bodies.read(event(contentType, body), Sample.class));
  }

  @Test
  void readsAWellFormedBody() {
    Sample sample = bodies.read(
        event("application/json; charset=utf-8", "{\"name\":\"a\",\"count\":2,\"tags\":[\"x\"]}"),
        Sample.class);
    assertEquals(new Sample("a", 2, List.of("x")), sample);
  }

  @Test
  void readsABase64EncodedBody() {
    APIGatewayV2HTTPEvent event = event("application/json",
        Base64.getEncoder().encodeToString("{\"name\":\"b\",\"count\":1}".getBytes(StandardCharsets.UTF_8)));
    event.setIsBase64Encoded(true);
    assertEquals("b", bodies.read(event, Sample.class).name());
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
    ApiProblem mistyped = refused("application/json", "{\"name\":\"a\",\"count\":\"many\"}");
    assertTrue(mistyped.detail().contains("count"), mistyped.detail());
    assertFalse(mistyped.detail().contains("many"));
  }

  @Test
  void emptyNullAndTrailingContentAreRefused() {
    assertEquals(400, refused("application/json", "").status());
    assertEquals(400, refused("application/json", "null").status());
    assertEquals(ProblemTypes.MALFORMED_JSON, refused("application/json", "{\"name\":\"a\"} {}").type());
  }
}
