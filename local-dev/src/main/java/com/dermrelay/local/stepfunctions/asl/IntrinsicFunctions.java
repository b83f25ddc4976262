package com.dermrelay.local.stepfunctions.asl;

import com.dermrelay.local.http.Exchanges;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The intrinsic functions of the JSONPath query language. Failures are States.Runtime. */
public final class IntrinsicFunctions {
  /** Allowed argument counts: {min, max}. */
  private static final Map<String, int[]> ARITY =
      Map.ofEntries(
          Map.entry("States.Format", new int[] {1, Integer.MAX_VALUE}),
          Map.entry("States.StringToJson", new int[] {1, 1}),
          Map.entry("States.JsonToString", new int[] {1, 1}),
          Map.entry("States.Array", new int[] {0, Integer.MAX_VALUE}),
          Map.entry("States.ArrayPartition", new int[] {2, 2}),
          Map.entry("States.ArrayContains", new int[] {2, 2}),
          Map.entry("States.ArrayRange", new int[] {3, 3}),
          Map.entry("States.ArrayGetItem", new int[] {2, 2}),
          Map.entry("States.ArrayLength", new int[] {1, 1}),
          Map.entry("States.ArrayUnique", new int[] {1, 1}),
          Map.entry("States.Base64Encode", new int[] {1, 1}),
          Map.entry("States.Base64Decode", new int[] {1, 1}),
          Map.entry("States.Hash", new int[] {2, 2}),
          Map.entry("States.JsonMerge", new int[] {3, 3}),
          Map.entry("States.MathRandom", new int[] {2, 3}),
          Map.entry("States.MathAdd", new int[] {2, 2}),
          Map.entry("States.StringSplit", new int[] {2, 2}),
          Map.entry("States.UUID", new int[] {0, 0}));

  private static final Map<String, String> HASH_ALGORITHMS =
      Map.of(
          "MD5", "MD5", "SHA-1", "SHA-1", "SHA-256", "SHA-256", "SHA-384", "SHA-384", "SHA-512",
          "SHA-512");

  private IntrinsicFunctions() {}

  static boolean isKnown(String name) {
    return ARITY.containsKey(name);
  }

  static void checkArity(String name, int count) {
    int[] range = ARITY.get(name);
    if (count < range[0] || count > range[1]) {
      throw new IllegalArgumentException(
          name
              + " takes "
              + (range[0] == range[1] ? String.valueOf(range[0]) : range[0] + " or more")
              + " argument(s), got "
              + count);
    }
  }

  public static JsonNode evaluate(Intrinsic.Call call, JsonNode input, JsonNode context) {
    List<JsonNode> args = new ArrayList<>();
    for (Intrinsic arg : call.args()) {
      args.add(argument(arg, input, context));
    }
    try {
      return apply(call, args);
    } catch (StatesError e) {
      throw e;
    } catch (RuntimeException e) {
      throw fail(call, e.getMessage());
    }
  }

  private static JsonNode argument(Intrinsic arg, JsonNode input, JsonNode context) {
    if (arg instanceof Intrinsic.Literal literal) {
      return literal.value();
    }
    if (arg instanceof Intrinsic.PathArg path) {
      return JsonPaths.require(path.context() ? context : input, path.path(), "intrinsic argument");
    }
    return evaluate((Intrinsic.Call) arg, input, context);
  }

  private static JsonNode apply(Intrinsic.Call call, List<JsonNode> a) {
    switch (call.function()) {
      case "States.Format":
        return TextNode.valueOf(format(call, a));
      case "States.StringToJson":
        try {
          return Exchanges.JSON.readTree(text(call, a, 0));
        } catch (JsonProcessingException e) {
          throw fail(call, "the argument is not valid JSON: " + e.getOriginalMessage());
        }
      case "States.JsonToString":
        return TextNode.valueOf(a.get(0).toString());
      case "States.Array":
        return Exchanges.JSON.createArrayNode().addAll(a);
      case "States.ArrayPartition":
        return partition(array(call, a, 0), integer(call, a, 1));
      case "States.ArrayContains":
        for (JsonNode item : array(call, a, 0)) {
          if (item.equals(a.get(1))) {
            return Exchanges.JSON.getNodeFactory().booleanNode(true);
          }
        }
        return Exchanges.JSON.getNodeFactory().booleanNode(false);
      case "States.ArrayRange":
        return range(call, integer(call, a, 0), integer(call, a, 1), integer(call, a, 2));
      case "States.ArrayGetItem":
        {
          ArrayNode array = array(call, a, 0);
          int index = integer(call, a, 1);
          if (index < 0 || index >= array.size()) {
            throw fail(
                call, "index " + index + " is out of bounds for an array of " + array.size());
          }
          return array.get(index);
        }
      case "States.ArrayLength":
        return IntNode.valueOf(array(call, a, 0).size());
      case "States.ArrayUnique":
        {
          Set<JsonNode> seen = new LinkedHashSet<>();
          array(call, a, 0).forEach(seen::add);
          return Exchanges.JSON.createArrayNode().addAll(seen);
        }
      case "States.Base64Encode":
        return TextNode.valueOf(
            Base64.getEncoder().encodeToString(text(call, a, 0).getBytes(StandardCharsets.UTF_8)));
      case "States.Base64Decode":
        return TextNode.valueOf(
            new String(Base64.getDecoder().decode(text(call, a, 0)), StandardCharsets.UTF_8));
      case "States.Hash":
        return TextNode.valueOf(hash(call, text(call, a, 0), text(call, a, 1)));
      case "States.JsonMerge":
        return merge(call, a);
      case "States.MathRandom":
        {
          int start = integer(call, a, 0);
          int end = integer(call, a, 1);
          if (end <= start) {
            throw fail(call, "the end must be greater than the start");
          }
          Random random =
              a.size() == 3 ? new Random(integer(call, a, 2)) : ThreadLocalRandom.current();
          return IntNode.valueOf(start + random.nextInt(end - start));
        }
      case "States.MathAdd":
        return IntNode.valueOf(Math.addExact(integer(call, a, 0), integer(call, a, 1)));
      case "States.StringSplit":
        return split(text(call, a, 0), text(call, a, 1));
      case "States.UUID":
        return TextNode.valueOf(UUID.randomUUID().toString());
      default:
        throw fail(call, "not implemented");
    }
  }

  /** {} is a placeholder; \{ \} \' \\ are literal characters. */
  private static String format(Intrinsic.Call call, List<JsonNode> a) {
    Intrinsic first = call.args().get(0);
    String raw =
        first instanceof Intrinsic.Literal literal && literal.value().isTextual()
            ? literal.raw()
            : escapeAll(text(call, a, 0));
    StringBuilder out = new StringBuilder();
    int next = 1;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length()) {
        out.append(raw.charAt(++i));
      } else if (c == '{' && i + 1 < raw.length() && raw.charAt(i + 1) == '}') {
        if (next >= a.size()) {
          throw fail(call, "more placeholders than arguments");
        }
        JsonNode value = a.get(next++);
        out.append(value.isTextual() ? value.textValue() : value.toString());
        i++;
      } else {
        out.append(c);
      }
    }
    if (next != a.size()) {
      throw fail(call, "more arguments than placeholders");
    }
    return out.toString();
  }

  private static String escapeAll(String text) {
    return text.replace("\\", "\\\\");
  }

  private static ArrayNode partition(ArrayNode array, int size) {
    if (size <= 0) {
      throw new IllegalArgumentException("the chunk size must be positive");
    }
    ArrayNode out = Exchanges.JSON.createArrayNode();
    ArrayNode chunk = null;
    for (JsonNode item : array) {
      if (chunk == null || chunk.size() == size) {
        chunk = out.addArray();
      }
      chunk.add(item);
    }
    return out;
  }

  private static ArrayNode range(Intrinsic.Call call, int start, int end, int step) {
    if (step == 0) {
      throw fail(call, "the step cannot be 0");
    }
    ArrayNode out = Exchanges.JSON.createArrayNode();
    for (long i = start; step > 0 ? i <= end : i >= end; i += step) {
      if (out.size() >= 1000) {
        throw fail(call, "the range has more than 1000 items");
      }
      out.add((int) i);
    }
    return out;
  }

  private static String hash(Intrinsic.Call call, String data, String algorithm) {
    String name = HASH_ALGORITHMS.get(algorithm);
    if (name == null) {
      throw fail(
          call,
          "unsupported algorithm '" + algorithm + "'; use one of " + HASH_ALGORITHMS.keySet());
    }
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance(name).digest(data.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + name, e);
    }
  }

  private static JsonNode merge(Intrinsic.Call call, List<JsonNode> a) {
    if (!a.get(0).isObject() || !a.get(1).isObject()) {
      throw fail(call, "both arguments must be JSON objects");
    }
    if (!a.get(2).isBoolean() || a.get(2).booleanValue()) {
      throw fail(call, "only a shallow merge (false) is supported");
    }
    ObjectNode merged = a.get(0).deepCopy();
    merged.setAll((ObjectNode) a.get(1));
    return merged;
  }

  private static ArrayNode split(String text, String delimiters) {
    ArrayNode out = Exchanges.JSON.createArrayNode();
    StringBuilder current = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (delimiters.indexOf(c) >= 0) {
        if (current.length() > 0) {
          out.add(current.toString());
        }
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (current.length() > 0) {
      out.add(current.toString());
    }
    return out;
  }

  private static String text(Intrinsic.Call call, List<JsonNode> a, int i) {
    if (!a.get(i).isTextual()) {
      throw fail(call, "argument " + (i + 1) + " must be a string, got " + a.get(i));
    }
    return a.get(i).textValue();
  }

  private static ArrayNode array(Intrinsic.Call call, List<JsonNode> a, int i) {
    if (!a.get(i).isArray()) {
      throw fail(call, "argument " + (i + 1) + " must be an array, got " + a.get(i));
    }
    return (ArrayNode) a.get(i);
  }

  private static int integer(Intrinsic.Call call, List<JsonNode> a, int i) {
    JsonNode value = a.get(i);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw fail(call, "argument " + (i + 1) + " must be an integer, got " + value);
    }
    return value.intValue();
  }

  private static StatesError fail(Intrinsic.Call call, String problem) {
    return StatesError.runtime("The function " + call.function() + " failed: " + problem);
  }
}
