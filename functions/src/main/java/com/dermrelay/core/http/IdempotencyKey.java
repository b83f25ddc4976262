package com.dermrelay.core.http;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} request header, checked against the contract ({@code
 * components.schemas.IdempotencyKey} in openapi.yaml) before a use case sees it: 8 to {@value
 * #MAX_LENGTH} letters, digits or {@code _.:-} (a UUID fits). Anything else is 400 naming the
 * header, never quoting it: the key is stored with what it created, so its size is ours to bound.
 */
public final class IdempotencyKey {
  public static final String HEADER = "Idempotency-Key";
  public static final int MAX_LENGTH = 200;

  /** As the contract's pattern. */
  public static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9_.:-]{8," + MAX_LENGTH + "}$");

  private IdempotencyKey() {}

  /** The key if the request sent one (blank counts as none); 400 if it is malformed. */
  public static Optional<String> optional(ApiRequest request) {
    Optional<String> key = request.header(HEADER).filter(value -> !value.isBlank());
    if (key.isPresent() && !SHAPE.matcher(key.get()).matches()) {
      throw ApiProblem.badRequest(
          ProblemTypes.INVALID_REQUEST,
          "Header '"
              + HEADER
              + "' must be 8 to "
              + MAX_LENGTH
              + " letters, digits or _.:- (a UUID will do).");
    }
    return key;
  }

  /** The key the operation requires; 400 when it is missing or malformed. */
  public static String required(ApiRequest request) {
    return optional(request)
        .orElseThrow(
            () ->
                ApiProblem.badRequest(
                    ProblemTypes.INVALID_REQUEST,
                    "Header '"
                        + HEADER
                        + "' is required: a random value, the same on every retry."));
  }
}
