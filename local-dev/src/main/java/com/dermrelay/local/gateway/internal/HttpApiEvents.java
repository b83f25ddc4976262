package com.dermrelay.local.gateway.internal;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.sun.net.httpserver.HttpExchange;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the payload-format-2.0 event HTTP API would send for a request. */
public final class HttpApiEvents {
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final String accountId;
  private final String apiId;

  public HttpApiEvents(String accountId, String apiId) {
    this.accountId = accountId;
    this.apiId = apiId;
  }

  /** What the gateway knows about a request besides the exchange itself. */
  public record RequestFacts(
      String requestId,
      String routeKey,
      Map<String, String> pathParameters,
      byte[] body,
      Instant time,
      JwtAuthorizer.Authorized authorization) {}

  public APIGatewayV2HTTPEvent build(HttpExchange exchange, RequestFacts facts) {
    String rawPath = exchange.getRequestURI().getRawPath();
    String rawQuery = exchange.getRequestURI().getRawQuery();
    String sourceIp = exchange.getRemoteAddress().getAddress().getHostAddress();

    Map<String, String> headers = new LinkedHashMap<>();
    List<String> cookies = new ArrayList<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              String lower = name.toLowerCase(Locale.ROOT);
              if (lower.equals("cookie")) {
                // HTTP API moves cookies out of the headers into their own list.
                values.forEach(value -> addCookies(cookies, value));
              } else {
                headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
              }
            });
    headers.putIfAbsent("x-forwarded-for", sourceIp);
    headers.putIfAbsent("x-forwarded-proto", "http");
    headers.putIfAbsent("x-forwarded-port", String.valueOf(exchange.getLocalAddress().getPort()));
    String host = headers.getOrDefault("host", "localhost");

    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setVersion("2.0");
    event.setRouteKey(facts.routeKey());
    event.setRawPath(rawPath);
    event.setRawQueryString(rawQuery == null ? "" : rawQuery);
    event.setCookies(cookies.isEmpty() ? null : cookies);
    event.setHeaders(headers);
    event.setQueryStringParameters(queryParameters(rawQuery));
    event.setPathParameters(facts.pathParameters().isEmpty() ? null : facts.pathParameters());
    setBody(event, facts.body(), headers.get("content-type"));

    RequestContext context = new RequestContext();
    context.setAccountId(accountId);
    context.setApiId(apiId);
    context.setDomainName(host);
    context.setDomainPrefix(host.split("[.:]", 2)[0]);
    context.setRequestId(facts.requestId());
    context.setRouteKey(facts.routeKey());
    context.setStage("$default");
    context.setTime(REQUEST_TIME.format(facts.time()));
    context.setTimeEpoch(facts.time().toEpochMilli());
    RequestContext.Http http = new RequestContext.Http();
    http.setMethod(exchange.getRequestMethod());
    http.setPath(rawPath);
    http.setProtocol(exchange.getProtocol());
    http.setSourceIp(sourceIp);
    http.setUserAgent(headers.get("user-agent"));
    context.setHttp(http);
    if (facts.authorization() != null) {
      RequestContext.Authorizer.JWT jwt = new RequestContext.Authorizer.JWT();
      jwt.setClaims(facts.authorization().claims());
      jwt.setScopes(facts.authorization().scopes());
      RequestContext.Authorizer authorizer = new RequestContext.Authorizer();
      authorizer.setJwt(jwt);
      context.setAuthorizer(authorizer);
    }
    event.setRequestContext(context);
    return event;
  }

  private static void addCookies(List<String> cookies, String header) {
    for (String cookie : header.split(";")) {
      if (!cookie.isBlank()) {
        cookies.add(cookie.trim());
      }
    }
  }

  /** Decoded values; a repeated name has its values joined with commas, as HTTP API does. */
  static Map<String, String> queryParameters(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return null;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = PercentDecoding.decodeQuery(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : PercentDecoding.decodeQuery(pair.substring(equals + 1));
      parameters.merge(name, value, (a, b) -> a + "," + b);
    }
    return parameters.isEmpty() ? null : parameters;
  }

  /**
   * Text bodies travel as text, everything else base64-encoded, as HTTP API does (which, like here,
   * base64-encodes form posts and bodies without a content type). Text that is not valid UTF-8
   * travels base64 too, so the handler always gets the exact bytes.
   */
  private static void setBody(APIGatewayV2HTTPEvent event, byte[] body, String contentType) {
    if (body.length == 0) {
      event.setIsBase64Encoded(false);
      return;
    }
    String text = isTextual(contentType) ? utf8OrNull(body) : null;
    if (text != null) {
      event.setBody(text);
      event.setIsBase64Encoded(false);
    } else {
      event.setBody(Base64.getEncoder().encodeToString(body));
      event.setIsBase64Encoded(true);
    }
  }

  static boolean isTextual(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return type.startsWith("text/")
        || type.equals("application/json")
        || type.endsWith("+json")
        || type.equals("application/xml")
        || type.endsWith("+xml")
        || type.equals("application/javascript")
        || type.equals("application/yaml");
  }

  private static String utf8OrNull(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
