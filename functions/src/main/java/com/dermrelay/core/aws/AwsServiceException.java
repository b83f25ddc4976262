package com.dermrelay.core.aws;

import java.util.Set;

/** An AWS service refused a call made through {@link SignedJsonClient}. */
public final class AwsServiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What AWS services answer when a caller is over its quota or the service is overloaded. */
  private static final Set<String> THROTTLED =
      Set.of(
          "TooManyRequestsException",
          "ThrottlingException",
          "Throttling",
          "RequestLimitExceeded",
          "InternalErrorException",
          "ServiceUnavailable");

  private final int status;
  private final String errorCode;

  public AwsServiceException(String service, int status, String errorCode, String message) {
    super(service + " answered " + status + " " + errorCode + ": " + message);
    this.status = status;
    this.errorCode = errorCode;
  }

  public int status() {
    return status;
  }

  /** The service's error name, e.g. {@code UsernameExistsException}. */
  public String errorCode() {
    return errorCode;
  }

  public boolean is(String code) {
    return errorCode.equals(code);
  }

  /**
   * The service was overloaded, over the caller's quota or failed on its side: the same call may
   * work later. A refusal of the request itself (a missing user, a bad parameter) is not.
   */
  public boolean transientFailure() {
    return status >= 500 || THROTTLED.contains(errorCode);
  }
}
