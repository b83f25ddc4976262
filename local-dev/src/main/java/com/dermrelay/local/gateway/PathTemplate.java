package com.dermrelay.local.gateway;

import com.dermrelay.local.gateway.internal.PercentDecoding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parsed path template: literal segments, {@code {name}} parameters, and a greedy {@code {name+}}
 * as the last segment, as API Gateway allows. Parameters span whole segments.
 */
final class PathTemplate implements Comparable<PathTemplate> {
  private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z0-9_.-]+)(\\+?)}");

  /** Ordered from most to least specific: this order is how API Gateway prefers a match. */
  private enum Kind {
    LITERAL,
    PARAMETER,
    GREEDY
  }

  private record Segment(Kind kind, String text) {}

  private final String template;
  private final List<Segment> segments;

  private PathTemplate(String template, List<Segment> segments) {
    this.template = template;
    this.segments = segments;
  }

  static PathTemplate parse(String template) {
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("path " + template + " does not start with /");
    }
    List<Segment> segments = new ArrayList<>();
    List<String> parts = split(template);
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      var matcher = PARAMETER.matcher(part);
      if (matcher.matches()) {
        boolean greedy = !matcher.group(2).isEmpty();
        if (greedy && i != parts.size() - 1) {
          throw new IllegalArgumentException(
              "path " + template + ": a greedy parameter must be the last segment");
        }
        segments.add(new Segment(greedy ? Kind.GREEDY : Kind.PARAMETER, matcher.group(1)));
      } else if (part.contains("{") || part.contains("}")) {
        throw new IllegalArgumentException(
            "path " + template + ": a parameter must be a whole segment, got '" + part + "'");
      } else if (part.isEmpty()) {
        throw new IllegalArgumentException("path " + template + " has an empty segment");
      } else {
        segments.add(new Segment(Kind.LITERAL, part));
      }
    }
    return new PathTemplate(template, List.copyOf(segments));
  }

  /**
   * Matches raw (still percent-encoded) path segments; returns the decoded path parameters, or null
   * if the path does not fit.
   */
  Map<String, String> match(List<String> rawSegments) {
    Map<String, String> parameters = new HashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      Segment segment = segments.get(i);
      if (segment.kind == Kind.GREEDY) {
        if (i >= rawSegments.size()) {
          return null;
        }
        String rest = String.join("/", rawSegments.subList(i, rawSegments.size()));
        parameters.put(segment.text, PercentDecoding.decodePath(rest));
        return parameters;
      }
      if (i >= rawSegments.size() || rawSegments.get(i).isEmpty()) {
        return null;
      }
      String value = PercentDecoding.decodePath(rawSegments.get(i));
      if (segment.kind == Kind.LITERAL) {
        if (!segment.text.equals(value)) {
          return null;
        }
      } else {
        parameters.put(segment.text, value);
      }
    }
    return rawSegments.size() == segments.size() ? parameters : null;
  }

  String template() {
    return template;
  }

  /** Negative when this template is more specific: literals before parameters before greedy. */
  @Override
  public int compareTo(PathTemplate other) {
    int common = Math.min(segments.size(), other.segments.size());
    for (int i = 0; i < common; i++) {
      int byKind = segments.get(i).kind.compareTo(other.segments.get(i).kind);
      if (byKind != 0) {
        return byKind;
      }
    }
    return Integer.compare(other.segments.size(), segments.size());
  }

  /** Splits {@code /a/b} into [a, b]; {@code /} into []; a trailing slash gives an empty last. */
  static List<String> split(String path) {
    String rest = path.startsWith("/") ? path.substring(1) : path;
    if (rest.isEmpty()) {
      return List.of();
    }
    return List.of(rest.split("/", -1));
  }
}
