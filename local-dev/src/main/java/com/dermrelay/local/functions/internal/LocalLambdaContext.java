package com.dermrelay.local.functions.internal;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** The {@link Context} one in-process invocation sees: what a Lambda handler may ask of it. */
public final class LocalLambdaContext implements Context {
  static final String ACCOUNT_ID = "000000000000";
  static final String REGION = "us-east-1";
  private static final int MEMORY_MB = 512;

  private final String requestId = UUID.randomUUID().toString();
  private final String functionName;
  private final long deadlineNanos;
  private final LambdaLogger logger;

  public LocalLambdaContext(String functionName, Duration timeout) {
    this.functionName = functionName;
    this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    this.logger = new StderrLogger(functionName, requestId);
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "local/[$LATEST]" + requestId.replace("-", "");
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:" + REGION + ":" + ACCOUNT_ID + ":function:" + functionName;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    long remaining = Duration.ofNanos(deadlineNanos - System.nanoTime()).toMillis();
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, remaining));
  }

  @Override
  public int getMemoryLimitInMB() {
    return MEMORY_MB;
  }

  @Override
  public LambdaLogger getLogger() {
    return logger;
  }

  /** Lambda sends a handler's own log lines to CloudWatch; locally they go to stderr, tagged. */
  private static final class StderrLogger implements LambdaLogger {
    private final String prefix;

    StderrLogger(String functionName, String requestId) {
      this.prefix = "[" + functionName + " " + requestId + "] ";
    }

    @Override
    public void log(String message) {
      System.err.println(prefix + message);
    }

    @Override
    public void log(byte[] message) {
      log(new String(message, StandardCharsets.UTF_8));
    }
  }
}
