package com.dermrelay.local.stepfunctions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds and checks state machine and execution ARNs. */
final class Arns {
  private static final Pattern STATE_MACHINE =
      Pattern.compile("arn:aws[a-z-]*:states:([a-z0-9-]+):(\\d{12}):stateMachine:([^:]+)");
  private static final Pattern EXECUTION =
      Pattern.compile("arn:aws[a-z-]*:states:([a-z0-9-]+):(\\d{12}):execution:([^:]+):([^:]+)");
  private static final Pattern INVALID_NAME_CHARS =
      Pattern.compile("[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\u0000-\\u001f\\u007f-\\u009f]");

  private final String region;
  private final String account;

  Arns(String region, String account) {
    this.region = region;
    this.account = account;
  }

  String stateMachine(String name) {
    return "arn:aws:states:" + region + ":" + account + ":stateMachine:" + name;
  }

  String execution(String stateMachineName, String name) {
    return "arn:aws:states:"
        + region
        + ":"
        + account
        + ":execution:"
        + stateMachineName
        + ":"
        + name;
  }

  /** The state machine name in a well-formed ARN, else InvalidArn. */
  static String stateMachineName(String arn) {
    Matcher m = arn == null ? null : STATE_MACHINE.matcher(arn);
    if (m == null || !m.matches()) {
      throw new StepFunctionsException(
          "InvalidArn", "Invalid Arn: 'Resource type not valid in this context: " + arn + "'");
    }
    return m.group(3);
  }

  static void checkExecution(String arn) {
    if (arn == null || !EXECUTION.matcher(arn).matches()) {
      throw new StepFunctionsException(
          "InvalidArn", "Invalid Arn: 'Resource type not valid in this context: " + arn + "'");
    }
  }

  /** Names of state machines and executions: 1 to 80 characters, none of the reserved ones. */
  static void checkName(String name, String what) {
    if (name == null
        || name.isEmpty()
        || name.length() > 80
        || INVALID_NAME_CHARS.matcher(name).find()) {
      throw new StepFunctionsException(
          "InvalidName", "Invalid Name: '" + name + "' is not a valid " + what + " name");
    }
  }
}
