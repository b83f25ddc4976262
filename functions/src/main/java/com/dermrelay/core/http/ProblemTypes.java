package com.dermrelay.core.http;

/**
 * The problem types the API answers with, as stable URNs a client can switch on. Each one is
 * described in api-spec/openapi.yaml under components.schemas.Problem.
 */
public final class ProblemTypes {
  private static final String PREFIX = "urn:dermrelay:problem:";

  public static final String MALFORMED_JSON = PREFIX + "malformed-json";
  public static final String UNSUPPORTED_MEDIA_TYPE = PREFIX + "unsupported-media-type";
  public static final String INVALID_REQUEST = PREFIX + "invalid-request";
  public static final String NOT_FOUND = PREFIX + "not-found";
  public static final String CONFLICT = PREFIX + "conflict";
  public static final String RATE_LIMITED = PREFIX + "rate-limited";
  public static final String INTERNAL = PREFIX + "internal";

  /** A service the API depends on (storage, the user pool, the table) did not answer. */
  public static final String SERVICE_UNAVAILABLE = PREFIX + "service-unavailable";

  /** The caller answered the case, so may not give its second read (issue 16). */
  public static final String OWN_ANSWER = PREFIX + "own-answer";

  private ProblemTypes() {}
}
