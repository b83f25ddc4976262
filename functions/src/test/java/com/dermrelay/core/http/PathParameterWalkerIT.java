package com.dermrelay.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.core.access.OpenApiContract;
import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Walks every operation of api-spec/openapi.yaml and, for each of its path parameters, sends a
 * value that cannot be an id (1,500 characters; characters no id has, among them the key separator
 * '#', a path separator and markup), the other parameters well-formed, with the token of a role the
 * operation allows. Each answer must be a 400 or 404 problem the operation declares, never a 500,
 * and nothing may be written, not even an audit record: the value was refused before any store was
 * touched.
 */
@ExtendWith(LocalStackExtension.class)
class PathParameterWalkerIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Calls in flight at once: enough to keep both cores of a build machine busy. */
  private static final int CALLERS = 4;

  /** Path segments as sent, already percent-encoded where needed. */
  private static final Map<String, String> BAD_VALUES = badValues();

  @Test
  void noPathParameterOfAnyOperationReachesAStore(LocalStack stack) throws Exception {
    ApiCalls api = new ApiCalls(stack);
    Map<String, String> tokens =
        Map.of(
            "patient", api.idToken("patient@northside.example", "Demo-Patient-1"),
            "clinic_admin", api.idToken("admin@northside.example", "Demo-Admin-1"),
            "dermatologist", api.idToken("dr.chen@dermrelay.example", "Demo-Dermatologist-1"),
            "platform_operator", api.idToken("operator@dermrelay.example", "Demo-Operator-1"));
    TreeSet<String> before = api.snapshot(true);

    // The ~500 calls are independent and each waits on the stack (gateway, contract check,
    // handler): a few at a time instead of one after the other. Each answer is still checked.
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    List<Future<?>> calls = new ArrayList<>();
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    try {
      for (OpenApiContract.Operation op : OpenApiContract.operations()) {
        String token = op.isPublic() ? null : tokens.get(op.roles().get(0));
        for (String parameter : op.pathParameters()) {
          for (Map.Entry<String, String> bad : BAD_VALUES.entrySet()) {
            String path = op.path();
            for (String name : op.pathParameters()) {
              path =
                  path.replace(
                      "{" + name + "}", name.equals(parameter) ? bad.getValue() : wellFormed(name));
            }
            String sent = path;
            String where = op.routeKey() + " with " + bad.getKey() + " " + parameter;
            calls.add(
                callers.submit(
                    () -> {
                      check(where, op, call(stack, op, sent, token)).ifPresent(failures::add);
                      return null;
                    }));
          }
        }
      }
      for (Future<?> call : calls) {
        call.get();
      }
    } finally {
      callers.shutdownNow();
    }
    assertEquals(List.of(), failures.stream().sorted().toList());
    assertTrue(calls.size() >= 100, "the walker made only " + calls.size() + " calls");
    assertEquals(before, api.snapshot(true), "a refused path parameter reached a store");
  }

  /** What is wrong with one answer, if anything. */
  private static Optional<String> check(
      String where, OpenApiContract.Operation op, HttpResponse<String> response) {
    int status = response.statusCode();
    if (status != 400 && status != 404) {
      return Optional.of(where + " answered " + status + ": " + response.body());
    }
    if (!op.node().path("responses").has(Integer.toString(status))) {
      return Optional.of(where + " answered " + status + ", which the contract does not declare");
    }
    if (!response
        .headers()
        .firstValue("Content-Type")
        .orElse("")
        .startsWith("application/problem+json")) {
      return Optional.of(where + " answered " + status + " without problem+json");
    }
    return Optional.empty();
  }

  private static Map<String, String> badValues() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("1,500 characters as", "a".repeat(1_500));
    values.put("1,500 digits as", "1".repeat(1_500));
    values.put("the key separator in", "northside-skin%23MEMBER%23x");
    values.put("a path separator in", "..%2F..%2Fx");
    values.put("markup in", "%3Cscript%3Ex%3C%2Fscript%3E");
    values.put("a space and a control character in", "a%20b%0D%0Ac");
    values.put("non-ASCII letters in", "%C3%A9t%C3%A9");
    return values;
  }

  /** A value of the parameter's shape that names nothing in particular. */
  private static String wellFormed(String name) {
    return switch (name) {
      case "tenantId" -> "northside-skin";
      case "slug" -> "northside";
      case "round" -> "1";
      case "token" -> "aaaa.bbbb.cccc";
      default -> UUID.randomUUID().toString();
    };
  }

  /** The call with the operation's required headers filled in and its example body, if any. */
  private static HttpResponse<String> call(
      LocalStack stack, OpenApiContract.Operation op, String path, String token) throws Exception {
    JsonNode example = op.node().at("/requestBody/content/application~1json/example");
    String body = !op.hasBody() ? null : example.isMissingNode() ? "{}" : example.toString();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
            .method(
                op.method().toUpperCase(),
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    for (JsonNode parameter : op.node().path("parameters")) {
      JsonNode resolved =
          parameter.has("$ref")
              ? op.document().at(parameter.get("$ref").asText().substring(1))
              : parameter;
      if (resolved.path("in").asText().equals("header") && resolved.path("required").asBoolean()) {
        request.header(resolved.get("name").asText(), "walker-" + UUID.randomUUID());
      }
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
