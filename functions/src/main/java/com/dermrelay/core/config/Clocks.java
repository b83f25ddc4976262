package com.dermrelay.core.config;

import java.lang.reflect.Method;
import java.time.Clock;

/**
 * The functions' clock: the system clock on Lambda. The local stack runs the functions in its own
 * JVM on the Step Functions interpreter's clock (which tests drive), naming it in {@code
 * DERMRELAY_CLOCK} as {@code <class>:<id>}: the class's static {@code clock(String id)} answers it.
 * Ignored on Lambda, whatever the environment says.
 */
public final class Clocks {
  public static final String ENVIRONMENT = "DERMRELAY_CLOCK";

  private Clocks() {}

  public static Clock forSettings(Settings settings) {
    String named = settings.environment().get(ENVIRONMENT);
    if (named == null
        || named.isBlank()
        || settings.environment().containsKey("AWS_LAMBDA_FUNCTION_NAME")) {
      return Clock.systemUTC();
    }
    int colon = named.indexOf(':');
    try {
      Class<?> source =
          Class.forName(named.substring(0, colon), true, Clocks.class.getClassLoader());
      Method clock = source.getMethod("clock", String.class);
      return (Clock) clock.invoke(null, named.substring(colon + 1));
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(ENVIRONMENT + " names no clock: " + named, e);
    }
  }
}
