package com.dermrelay.local.stepfunctions.asl;

/** A definition the emulator cannot run; the API answers InvalidDefinition with this message. */
public final class InvalidDefinitionException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidDefinitionException(String message) {
    super(message);
  }

  /** Formats like AWS: {@code CODE: detail at /States/Name/Field}. */
  public static InvalidDefinitionException at(String code, String detail, String pointer) {
    return new InvalidDefinitionException(
        "Invalid State Machine Definition: '" + code + ": " + detail + " at " + pointer + "'");
  }
}
