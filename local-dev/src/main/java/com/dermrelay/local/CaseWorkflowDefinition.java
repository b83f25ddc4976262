package com.dermrelay.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The case workflow's ASL, the same file CDK deploys (infrastructure/src/main/resources/workflows),
 * with each {@code ${NameFunctionArn}} replaced as CDK's definition substitutions would, by the
 * ARN of a local Lambda function called {@code Name}.
 */
public final class CaseWorkflowDefinition {
  public static final String RESOURCE = "dermrelay/workflows/case-workflow.asl.json";
  private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([A-Za-z]+)FunctionArn}");

  private CaseWorkflowDefinition() {}

  /** The file as written, with its placeholders. */
  public static String raw() {
    try (InputStream in = CaseWorkflowDefinition.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the case workflow is missing from the classpath: " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** The definition ready to run, each function named {@code functionArnPrefix + Name}. */
  public static String substituted(String functionArnPrefix) {
    Matcher matcher = SUBSTITUTION.matcher(raw());
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(functionArnPrefix + matcher.group(1)));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
