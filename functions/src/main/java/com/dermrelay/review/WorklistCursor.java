package com.dermrelay.review;

import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The merged worklist's position in every clinic's queue: per clinic, the queue sort key of the
 * last row handed out ({@code <rank>#<dueAt>#<caseId>}); a clinic whose queue is exhausted is left
 * out, one not read yet maps to "". A cursor naming a clinic the caller does not act for, or a
 * position that is not a queue sort key, is refused (400): it can only select within the caller's
 * own clinics' queues, whatever it says.
 */
final class WorklistCursor {
  static final Pattern POSITION =
      Pattern.compile("^$|^[1-3]#\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z#[0-9a-f-]{36}$");

  private WorklistCursor() {}

  static String encode(ObjectMapper json, Map<String, String> positions) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(json.writeValueAsBytes(positions));
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a cursor", e);
    }
  }

  /** The positions, or empty for the first page (every clinic from its start). */
  static Optional<Map<String, String>> decode(
      ObjectMapper json, Optional<String> cursor, Set<String> clinics) {
    if (cursor.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> positions;
    try {
      positions =
          json.readValue(
              Base64.getUrlDecoder().decode(cursor.get().getBytes(StandardCharsets.US_ASCII)),
              new TypeReference<LinkedHashMap<String, String>>() {});
    } catch (IllegalArgumentException | IOException e) {
      throw invalid();
    }
    for (Map.Entry<String, String> entry : positions.entrySet()) {
      if (!clinics.contains(entry.getKey())
          || entry.getValue() == null
          || !POSITION.matcher(entry.getValue()).matches()) {
        throw invalid();
      }
    }
    return Optional.of(positions);
  }

  private static ApiProblem invalid() {
    return ApiProblem.badRequest(
        ProblemTypes.INVALID_REQUEST, "Parameter 'cursor' is not a cursor of this list.");
  }
}
