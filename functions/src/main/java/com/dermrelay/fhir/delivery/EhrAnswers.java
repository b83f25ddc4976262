package com.dermrelay.fhir.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads what a FHIR endpoint answered (parsed with Jackson: no FHIR model needed) into a receipt or
 * the exception a person or the workflow acts on. The reason quotes the EHR's issue diagnostics
 * (its words about our Bundle), shortened, never the Bundle itself.
 */
final class EhrAnswers {
  private final ObjectMapper json;

  EhrAnswers(ObjectMapper json) {
    this.json = json;
  }

  record Token(String accessToken, long expiresInSeconds) {}

  FhirEndpointClient.Receipt classify(int status, String body) {
    if (status == 429 || status >= 500) {
      throw new EhrUnavailableException(
          "The EHR answered HTTP " + status + detail(parse(body)) + ".");
    }
    JsonNode answer = parse(body);
    if (status == 401 || status == 403) {
      throw new EhrRejectedException(
          "The EHR refused our credentials (HTTP "
              + status
              + ")"
              + detail(answer)
              + ". Check the credentials stored with putEhrCredentials.");
    }
    if (status < 200 || status >= 300) {
      throw new EhrRejectedException(
          "The EHR refused the Bundle (HTTP " + status + ")" + detail(answer) + ".");
    }
    if (answer == null) {
      throw new EhrRejectedException(
          "The EHR answered HTTP " + status + " without a FHIR resource.");
    }
    String type = answer.path("resourceType").asText();
    if (type.equals("OperationOutcome")) {
      List<String> errors = errors(answer);
      if (!errors.isEmpty()) {
        throw new EhrRejectedException(
            "The EHR reported an error: " + String.join("; ", errors) + ".");
      }
      throw new EhrRejectedException(
          "The EHR answered an OperationOutcome instead of a transaction-response.");
    }
    if (!type.equals("Bundle") || !answer.path("type").asText().equals("transaction-response")) {
      throw new EhrRejectedException("The EHR's answer is not a transaction-response Bundle.");
    }
    List<String> locations = new ArrayList<>();
    Set<String> problems = new LinkedHashSet<>();
    int index = 0;
    for (JsonNode entry : answer.path("entry")) {
      JsonNode response = entry.path("response");
      String entryStatus = response.path("status").asText("");
      List<String> errors = errors(response.path("outcome"));
      if (!entryStatus.startsWith("2") || !errors.isEmpty()) {
        problems.add(
            "entry "
                + index
                + " "
                + (entryStatus.isEmpty() ? "without a status" : entryStatus)
                + (errors.isEmpty() ? "" : ": " + String.join("; ", errors)));
      }
      locations.add(response.path("location").asText(""));
      index++;
    }
    if (!problems.isEmpty()) {
      throw new EhrRejectedException(
          "The EHR did not accept every entry: " + String.join("; ", problems) + ".");
    }
    return new FhirEndpointClient.Receipt(List.copyOf(locations));
  }

  Token token(int status, String body) {
    if (status == 429 || status >= 500) {
      throw new EhrUnavailableException("The EHR's token endpoint answered HTTP " + status + ".");
    }
    JsonNode answer = parse(body);
    if (status < 200 || status >= 300 || answer == null || !answer.hasNonNull("access_token")) {
      String error = answer == null ? "" : answer.path("error").asText("");
      throw new EhrRejectedException(
          "The EHR's token endpoint refused our client credentials (HTTP "
              + status
              + (error.isEmpty() ? "" : ", " + error)
              + "). Check the credentials stored with putEhrCredentials.");
    }
    long expires = answer.path("expires_in").asLong(300);
    return new Token(answer.get("access_token").asText(), Math.max(1, expires));
  }

  /** The error and fatal issues' texts of an OperationOutcome. */
  private static List<String> errors(JsonNode outcome) {
    List<String> texts = new ArrayList<>();
    for (JsonNode issue : outcome.path("issue")) {
      String severity = issue.path("severity").asText();
      if (severity.equals("error") || severity.equals("fatal")) {
        String text =
            issue.path("diagnostics").asText(issue.path("details").path("text").asText(""));
        // Our sentences end with their own full stop: the EHR's may too.
        text = text.strip().replaceAll("[.\\s]+$", "");
        texts.add(text.isBlank() ? issue.path("code").asText("error") : text);
      }
    }
    return texts;
  }

  private static String detail(JsonNode answer) {
    if (answer == null || !answer.path("resourceType").asText().equals("OperationOutcome")) {
      return "";
    }
    List<String> errors = errors(answer);
    return errors.isEmpty() ? "" : ": " + String.join("; ", errors);
  }

  private JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode node = json.readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (IOException notJson) {
      return null;
    }
  }
}
