package com.dermrelay.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A parsed intrinsic function expression: a call, and the kinds of arguments a call takes. */
public sealed interface Intrinsic {

  /** A call such as {@code States.Format('{}', $.name)}. */
  record Call(String function, List<Intrinsic> args) implements Intrinsic {}

  /**
   * A literal. For string literals {@code raw} keeps the text between the quotes with its
   * escapes, which States.Format needs to tell {@code \{} from a placeholder.
   */
  record Literal(JsonNode value, String raw) implements Intrinsic {}

  /**
   * A path; {@code context} when it began with {@code $$}, in which case it was rewritten to {@code
   * $...}.
   */
  record PathArg(String path, boolean context) implements Intrinsic {}
}
