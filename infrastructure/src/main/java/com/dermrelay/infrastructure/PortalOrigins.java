package com.dermrelay.infrastructure;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses and checks the browser origins allowed by the media bucket's CORS rule. An origin is
 * exactly {@code scheme://host[:port]}: S3 compares it literally, so a path or trailing slash would
 * silently never match, and a wildcard would let any site upload with a leaked presigned URL.
 */
final class PortalOrigins {

  static final String DEFAULT = "http://localhost:8080";

  private PortalOrigins() {}

  /**
   * Accepts the context value as a comma-separated string or a list of strings; null means the
   * default.
   */
  static List<String> parse(Object contextValue) {
    if (contextValue == null) {
      return List.of(DEFAULT);
    }
    List<String> raw = new ArrayList<>();
    if (contextValue instanceof String s) {
      raw.addAll(List.of(s.split(",", -1)));
    } else if (contextValue instanceof List<?> list) {
      for (Object item : list) {
        if (!(item instanceof String s)) {
          throw new IllegalArgumentException(
              "Context '"
                  + StageConfig.PORTAL_ORIGINS_KEY
                  + "' list entries must be strings; got "
                  + item);
        }
        raw.add(s);
      }
    } else {
      throw new IllegalArgumentException(
          "Context '"
              + StageConfig.PORTAL_ORIGINS_KEY
              + "' must be a comma-separated string or a list; got "
              + contextValue);
    }
    return raw.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** Returns the origins de-duplicated in order, or throws naming the first bad one. */
  static List<String> validate(List<String> origins) {
    if (origins == null || origins.isEmpty()) {
      throw new IllegalArgumentException(
          "Context '" + StageConfig.PORTAL_ORIGINS_KEY + "' must name at least one origin");
    }
    Set<String> unique = new LinkedHashSet<>();
    for (String origin : origins) {
      unique.add(checked(origin));
    }
    return List.copyOf(unique);
  }

  private static String checked(String origin) {
    URI uri;
    try {
      uri = new URI(origin);
    } catch (URISyntaxException e) {
      throw invalid(origin, "it is not a URI (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme();
    if (!"https".equals(scheme) && !"http".equals(scheme)) {
      throw invalid(origin, "the scheme must be https (or http for localhost)");
    }
    String host = uri.getHost();
    if (host == null || host.contains("*")) {
      throw invalid(origin, "it needs a concrete host name");
    }
    if (uri.getRawUserInfo() != null
        || !uri.getRawPath().isEmpty()
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw invalid(
          origin, "an origin is only scheme://host[:port], without path, slash, query or user");
    }
    if ("http".equals(scheme) && !isLoopback(host)) {
      throw invalid(origin, "plain http is allowed only for localhost");
    }
    return origin;
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
  }

  private static IllegalArgumentException invalid(String origin, String why) {
    return new IllegalArgumentException(
        "Context '"
            + StageConfig.PORTAL_ORIGINS_KEY
            + "' has an invalid origin '"
            + origin
            + "': "
            + why);
  }
}
