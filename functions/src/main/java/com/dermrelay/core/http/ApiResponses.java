package com.dermrelay.core.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** Builds HTTP API responses: JSON bodies and RFC 9457 problems, with safe default headers. */
public final class ApiResponses {
  public static final String JSON = "application/json";
  public static final String PROBLEM_JSON = "application/problem+json";

  private final ObjectMapper mapper;

  public ApiResponses(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public APIGatewayV2HTTPResponse json(int status, Object body) {
    return response(status, JSON, write(body));
  }

  /** A body already written in its media type (e.g. a FHIR resource as application/fhir+json). */
  public APIGatewayV2HTTPResponse body(int status, String contentType, String body) {
    return response(status, contentType, body);
  }

  /**
   * A file to download (e.g. a PDF), base64 as API Gateway carries binary bodies, saved under
   * {@code fileName}: a name the caller chose to hold no health data.
   */
  public APIGatewayV2HTTPResponse file(
      int status, String contentType, String fileName, byte[] bytes) {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(
            Map.of(
                "Content-Type",
                contentType,
                "Content-Disposition",
                "attachment; filename=\"" + fileName + "\"",
                "Cache-Control",
                "no-store",
                "X-Content-Type-Options",
                "nosniff"))
        .withBody(java.util.Base64.getEncoder().encodeToString(bytes))
        .withIsBase64Encoded(true)
        .build();
  }

  public APIGatewayV2HTTPResponse problem(ApiProblem problem, String requestId) {
    APIGatewayV2HTTPResponse response =
        problem(problem.status(), problem.type(), problem.title(), problem.detail(), requestId);
    if (!problem.errors().isEmpty()) {
      ObjectNode body = read(response.getBody());
      var errors = body.putArray("errors");
      problem
          .errors()
          .forEach(e -> errors.addObject().put("pointer", e.pointer()).put("detail", e.detail()));
      response = response(problem.status(), PROBLEM_JSON, write(body));
    }
    long retryAfter =
        problem instanceof TooManyRequests tooMany
            ? tooMany.retryAfterSeconds()
            : problem instanceof ServiceUnavailable unavailable
                ? unavailable.retryAfterSeconds()
                : 0;
    if (retryAfter > 0) {
      Map<String, String> headers = new HashMap<>(response.getHeaders());
      headers.put("Retry-After", Long.toString(retryAfter));
      response.setHeaders(headers);
    }
    return response;
  }

  private ObjectNode read(String body) {
    try {
      return (ObjectNode) mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("problem body cannot be read back", e);
    }
  }

  public APIGatewayV2HTTPResponse problem(
      int status, String type, String title, String detail, String requestId) {
    ObjectNode body = mapper.createObjectNode();
    body.put("type", type);
    body.put("title", title);
    body.put("status", status);
    if (detail != null) {
      body.put("detail", detail);
    }
    // Lets support find the log lines of one failed request without the caller seeing them.
    if (requestId != null) {
      body.put("requestId", requestId);
    }
    return response(status, PROBLEM_JSON, write(body));
  }

  private APIGatewayV2HTTPResponse response(int status, String contentType, String body) {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(
            Map.of(
                "Content-Type", contentType,
                // Responses may carry health data: never cache them anywhere.
                "Cache-Control", "no-store",
                "X-Content-Type-Options", "nosniff"))
        .withBody(body)
        .withIsBase64Encoded(false)
        .build();
  }

  private String write(Object body) {
    try {
      return mapper.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("response body cannot be written as JSON", e);
    }
  }
}
