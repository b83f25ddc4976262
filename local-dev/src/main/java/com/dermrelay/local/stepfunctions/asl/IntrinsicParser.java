package com.dermrelay.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Parses intrinsic function expressions; throws IllegalArgumentException naming the problem. */
public final class IntrinsicParser {
  private final String text;
  private int pos;

  private IntrinsicParser(String text) {
    this.text = text;
  }

  public static boolean looksLikeIntrinsic(String text) {
    return text.startsWith("States.");
  }

  public static Intrinsic.Call parse(String text) {
    IntrinsicParser parser = new IntrinsicParser(text);
    Intrinsic.Call call = parser.call();
    parser.skipSpaces();
    if (parser.pos != text.length()) {
      throw parser.error("unexpected text after the closing parenthesis");
    }
    return call;
  }

  private Intrinsic.Call call() {
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
      pos++;
    }
    String name = text.substring(start, pos);
    if (!IntrinsicFunctions.isKnown(name)) {
      throw error("unknown intrinsic function '" + name + "'");
    }
    skipSpaces();
    expect('(');
    List<Intrinsic> args = new ArrayList<>();
    skipSpaces();
    if (peek() == ')') {
      pos++;
    } else {
      while (true) {
        skipSpaces();
        args.add(arg());
        skipSpaces();
        char c = next();
        if (c == ')') {
          break;
        }
        if (c != ',') {
          throw error("expected ',' or ')'");
        }
      }
    }
    IntrinsicFunctions.checkArity(name, args.size());
    return new Intrinsic.Call(name, List.copyOf(args));
  }

  private Intrinsic arg() {
    char c = peek();
    if (c == '\'') {
      return string();
    }
    if (c == '$') {
      return path();
    }
    if (text.startsWith("States.", pos)) {
      return call();
    }
    int start = pos;
    while (pos < text.length() && peek() != ',' && peek() != ')') {
      pos++;
    }
    String token = text.substring(start, pos).trim();
    switch (token) {
      case "true":
        return new Intrinsic.Literal(BooleanNode.TRUE, token);
      case "false":
        return new Intrinsic.Literal(BooleanNode.FALSE, token);
      case "null":
        return new Intrinsic.Literal(NullNode.instance, token);
      default:
        try {
          BigDecimal number = new BigDecimal(token);
          if (number.scale() <= 0
              && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            long value = number.longValueExact();
            return new Intrinsic.Literal(
                value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value),
                token);
          }
          return new Intrinsic.Literal(DecimalNode.valueOf(number), token);
        } catch (NumberFormatException | ArithmeticException e) {
          throw error("invalid argument '" + token + "'");
        }
    }
  }

  private Intrinsic.Literal string() {
    pos++; // opening quote
    StringBuilder raw = new StringBuilder();
    StringBuilder value = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string literal");
      }
      char c = text.charAt(pos++);
      if (c == '\\') {
        if (pos >= text.length()) {
          throw error("dangling escape");
        }
        char escaped = text.charAt(pos++);
        raw.append('\\').append(escaped);
        value.append(escaped);
      } else if (c == '\'') {
        return new Intrinsic.Literal(TextNode.valueOf(value.toString()), raw.toString());
      } else {
        raw.append(c);
        value.append(c);
      }
    }
  }

  /** A path runs to the next ',' or ')' outside brackets, parentheses and quotes (filters). */
  private Intrinsic.PathArg path() {
    int start = pos;
    int depth = 0;
    char quote = 0;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '[' || c == '(') {
        depth++;
      } else if (c == ']' || c == ')') {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        break;
      }
      pos++;
    }
    String path = text.substring(start, pos).trim();
    boolean context = path.startsWith("$$");
    String own = context ? path.substring(1) : path;
    try {
      JsonPaths.validate(own);
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage());
    }
    return new Intrinsic.PathArg(own, context);
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private char peek() {
    if (pos >= text.length()) {
      throw error("unexpected end");
    }
    return text.charAt(pos);
  }

  private char next() {
    char c = peek();
    pos++;
    return c;
  }

  private void expect(char c) {
    if (next() != c) {
      throw error("expected '" + c + "'");
    }
  }

  private IllegalArgumentException error(String problem) {
    return new IllegalArgumentException(
        "invalid intrinsic function '" + text + "': " + problem + " (at character " + pos + ")");
  }
}
