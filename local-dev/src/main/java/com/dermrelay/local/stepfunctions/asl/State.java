package com.dermrelay.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A validated state. Conventions: {@code next} is null for a terminal state (End, Succeed, Fail);
 * {@code inputPath}/{@code outputPath} are "$" when absent and null when the definition says {@code
 * null}; {@code parameters}/{@code resultSelector} are null when absent.
 */
public sealed interface State {
  String name();

  /** The event-type prefix, e.g. "Task" for TaskStateEntered. */
  String type();

  record Pass(
      String name,
      String next,
      String inputPath,
      String outputPath,
      JsonNode parameters,
      JsonNode result,
      ResultPath resultPath)
      implements State {
    @Override
    public String type() {
      return "Pass";
    }
  }

  record Task(
      String name,
      String next,
      String inputPath,
      String outputPath,
      TaskResource resource,
      JsonNode parameters,
      JsonNode resultSelector,
      ResultPath resultPath,
      List<Retrier> retry,
      List<Catcher> catchers,
      Integer timeoutSeconds,
      String timeoutSecondsPath,
      Integer heartbeatSeconds,
      String heartbeatSecondsPath)
      implements State {
    @Override
    public String type() {
      return "Task";
    }
  }

  record Choice(
      String name,
      String inputPath,
      String outputPath,
      List<ChoiceRule.Branch> choices,
      String defaultNext)
      implements State {
    @Override
    public String type() {
      return "Choice";
    }
  }

  /** Exactly one of seconds, timestamp, secondsPath, timestampPath is set. */
  record Wait(
      String name,
      String next,
      String inputPath,
      String outputPath,
      Long seconds,
      Instant timestamp,
      String secondsPath,
      String timestampPath)
      implements State {
    @Override
    public String type() {
      return "Wait";
    }
  }

  record Parallel(
      String name,
      String next,
      String inputPath,
      String outputPath,
      List<StateGraph> branches,
      JsonNode parameters,
      JsonNode resultSelector,
      ResultPath resultPath,
      List<Retrier> retry,
      List<Catcher> catchers)
      implements State {
    @Override
    public String type() {
      return "Parallel";
    }
  }

  record Succeed(String name, String inputPath, String outputPath) implements State {
    @Override
    public String type() {
      return "Succeed";
    }
  }

  /**
   * error/cause are literals; errorPath/causePath paths or intrinsic calls; each pair exclusive.
   */
  record Fail(String name, String error, String cause, String errorPath, String causePath)
      implements State {
    @Override
    public String type() {
      return "Fail";
    }
  }

  /** One Retry entry with its defaults applied. */
  record Retrier(
      List<String> errorEquals,
      int intervalSeconds,
      int maxAttempts,
      double backoffRate,
      Integer maxDelaySeconds) {}

  /** One Catch entry; resultPath defaults to $. */
  record Catcher(List<String> errorEquals, String next, ResultPath resultPath) {}
}
