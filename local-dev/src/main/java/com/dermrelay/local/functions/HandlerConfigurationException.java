package com.dermrelay.local.functions;

/**
 * A handler class named in the configuration (the OpenAPI {@code x-handler}, the state machine's
 * task resources) cannot be used: missing, not a {@code RequestHandler}, no {@code Map}
 * constructor, or its constructor failed. A set-up error, never a request error.
 */
public final class HandlerConfigurationException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final String handlerClass;

  public HandlerConfigurationException(String handlerClass, String problem, Throwable cause) {
    super("handler " + handlerClass + ": " + problem, cause);
    this.handlerClass = handlerClass;
  }

  public String handlerClass() {
    return handlerClass;
  }
}
