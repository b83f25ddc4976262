package com.dermrelay.local.identity;

import java.util.Map;

/**
 * A Lambda trigger of the user pool, called as Cognito calls one: synchronously, with the trigger's
 * event as JSON-shaped maps, before the operation changes anything. The local stack runs the real
 * handler in-process; tests may pass a lambda.
 */
@FunctionalInterface
public interface UserPoolTrigger {

  /**
   * Runs the function.
   *
   * @return the event as the function returned it (its {@code response} part filled in)
   * @throws Failed when the function threw: its error message, which Cognito passes on
   */
  Map<String, Object> invoke(Map<String, Object> event);

  /** The function ended in an error; the message is the function's own. */
  final class Failed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Failed(String functionErrorMessage) {
      super(functionErrorMessage);
    }
  }
}
