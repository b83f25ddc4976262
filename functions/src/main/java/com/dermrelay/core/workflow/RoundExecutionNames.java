package com.dermrelay.core.workflow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The execution name of a workflow started once per answered round (EHR delivery, second read): the
 * same round always gets the same name, so a retried step that starts it again meets
 * ExecutionAlreadyExists instead of starting a second execution.
 */
public final class RoundExecutionNames {
  /** Step Functions' limit on an execution name. */
  public static final int MAX_NAME = 80;

  private RoundExecutionNames() {}

  /**
   * {@code <prefix>-<tenant>-<case>-<round>}, or when that would pass {@link #MAX_NAME} characters
   * (long clinic ids) {@code <prefix>-<sha-256 of tenant and case, 40 hex>-<round>}.
   */
  public static String of(String prefix, String tenantId, String caseId, int round) {
    String name = prefix + "-" + tenantId + "-" + caseId + "-" + round;
    if (name.length() <= MAX_NAME) {
      return name;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((tenantId + "/" + caseId).getBytes(StandardCharsets.UTF_8));
      return prefix + "-" + HexFormat.of().formatHex(digest).substring(0, 40) + "-" + round;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
