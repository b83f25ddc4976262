package com.dermrelay.local.identity;

/**
 * A refusal in Cognito's terms: {@link #type()} is the exception name Cognito puts in {@code
 * __type} (e.g. {@code NotAuthorizedException}), the message is safe to show a caller.
 */
public final class IdentityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public static final String NOT_AUTHORIZED = "NotAuthorizedException";
  public static final String USER_NOT_FOUND = "UserNotFoundException";
  public static final String USERNAME_EXISTS = "UsernameExistsException";
  public static final String INVALID_PASSWORD = "InvalidPasswordException";
  public static final String CODE_MISMATCH = "CodeMismatchException";
  public static final String EXPIRED_CODE = "ExpiredCodeException";
  public static final String USER_NOT_CONFIRMED = "UserNotConfirmedException";
  public static final String INVALID_PARAMETER = "InvalidParameterException";
  public static final String RESOURCE_NOT_FOUND = "ResourceNotFoundException";
  public static final String TOO_MANY_REQUESTS = "TooManyRequestsException";

  /** ConfirmSignUp's answer once too many wrong codes were tried (Cognito's name for it). */
  public static final String TOO_MANY_FAILED_ATTEMPTS = "TooManyFailedAttemptsException";

  public static final String GROUP_EXISTS = "GroupExistsException";

  /** A pre-sign-up (or other) trigger refused: Cognito passes the function's message on. */
  public static final String USER_LAMBDA_VALIDATION = "UserLambdaValidationException";

  /** A trigger that could not be run at all. */
  public static final String UNEXPECTED_LAMBDA = "UnexpectedLambdaException";

  private final String type;

  public IdentityException(String type, String message) {
    super(message);
    this.type = type;
  }

  /** Cognito's exception name, as sent in {@code __type}. */
  public String type() {
    return type;
  }

  public static IdentityException invalidParameter(String message) {
    return new IdentityException(INVALID_PARAMETER, message);
  }

  public static IdentityException notAuthorized(String message) {
    return new IdentityException(NOT_AUTHORIZED, message);
  }

  public static IdentityException userNotFound() {
    return new IdentityException(USER_NOT_FOUND, "User does not exist.");
  }
}
