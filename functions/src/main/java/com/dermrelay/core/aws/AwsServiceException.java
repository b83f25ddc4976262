package com.dermrelay.core.aws;

/** An AWS service refused a call made through {@link SignedJsonClient}. */
public final class AwsServiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

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
}
