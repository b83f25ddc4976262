package com.dermrelay.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The Lambda functions the case workflow's Task states name, mapped to handler classes, from
 * {@code dermrelay/workflow-functions.properties} on the classpath (the functions module
 * ships it as its handlers land). Lambda function name = handler class.
 */
final class WorkflowFunctions {
  private static final String RESOURCE = "dermrelay/workflow-functions.properties";
  private static final Properties FUNCTIONS = load();

  private WorkflowFunctions() {}

  static String handlerFor(String functionName) {
    return FUNCTIONS.getProperty(functionName);
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = WorkflowFunctions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return properties;
  }
}
