package com.dermrelay.local.gateway.contract;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request to an operation and the response it got, as the gateway saw them.
 *
 * @param pathParameters decoded, by the template's names
 * @param rawQuery the query string as received (still percent-encoded), or null
 * @param requestHeaders names compared case-insensitively
 * @param responseHeaders names compared case-insensitively
 */
public record RecordedExchange(
    String method,
    Map<String, String> pathParameters,
    String rawQuery,
    Map<String, List<String>> requestHeaders,
    byte[] requestBody,
    int status,
    Map<String, List<String>> responseHeaders,
    byte[] responseBody) {

  public RecordedExchange {
    pathParameters = Map.copyOf(pathParameters);
    requestHeaders = caseInsensitive(requestHeaders);
    responseHeaders = caseInsensitive(responseHeaders);
    requestBody = requestBody == null ? new byte[0] : requestBody;
    responseBody = responseBody == null ? new byte[0] : responseBody;
  }

  /** The first value of a request header, or null. */
  public String requestHeader(String name) {
    return first(requestHeaders, name);
  }

  /** The first value of a response header, or null. */
  public String responseHeader(String name) {
    return first(responseHeaders, name);
  }

  /** The media type of a Content-Type value, lower case, without parameters; null if none. */
  static String mediaType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    }
    return java.util.Collections.unmodifiableMap(copy);
  }
}
