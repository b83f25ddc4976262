package com.dermrelay.local.outbox;

import com.dermrelay.local.gateway.LocalTool;
import com.dermrelay.local.http.Exchanges;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The outbox for developers: a readable page ({@code ""} or {@code /}) and a JSON list ({@code
 * /messages}, optional {@code ?to=}), newest first. The gateway mounts it at {@code
 * /_local/outbox}; the outbox server serves it at its root.
 */
public final class OutboxViews implements LocalTool {
  private final Outbox outbox;
  private final ClockPanel clockPanel;

  public OutboxViews(Outbox outbox) {
    this(outbox, null);
  }

  /**
   * With the local clock's button on the page ({@code /_local/clock}): the identity service's
   * Cognito endpoint and app client, for the operator's sign-in.
   */
  public OutboxViews(Outbox outbox, ClockPanel clockPanel) {
    this.outbox = outbox;
    this.clockPanel = clockPanel;
  }

  static final String STYLES =
      "body{font-family:system-ui,sans-serif;margin:2rem;color:#222}\n"
          + "article{border:1px solid #ccc;border-radius:6px;padding:.75rem 1rem;margin:.75rem 0}\n"
          + ".meta{color:#555;font-size:.9rem}pre{white-space:pre-wrap;margin:.5rem 0}\n"
          + "form label{display:block;margin:.4rem 0}section{border:1px solid #ccc;border-radius:6px;padding:.5rem 1rem}\n";

  /** Where the clock button signs the operator in. */
  public record ClockPanel(String identityUrl, String clientId) {}

  @Override
  public void handle(HttpExchange exchange, String subPath) throws IOException {
    String method = exchange.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      Exchanges.sendProblem(exchange, 405, "Method Not Allowed", "The outbox is read-only here.");
      return;
    }
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    if (subPath.isEmpty()) {
      // The page links to "messages" relatively, which needs the trailing slash.
      exchange.getResponseHeaders().set("Location", exchange.getRequestURI().getRawPath() + "/");
      Exchanges.send(exchange, 301, null, new byte[0]);
    } else if (subPath.equals("/")) {
      Exchanges.sendText(
          exchange, 200, "text/html; charset=utf-8", page(outbox.newestFirst(), clockPanel));
    } else if (subPath.equals("/outbox.css")) {
      Exchanges.sendText(exchange, 200, "text/css; charset=utf-8", STYLES);
    } else if (subPath.equals("/messages")) {
      String to = queryParameter(exchange.getRequestURI().getRawQuery(), "to");
      List<OutboxMessage> messages = outbox.newestFirst();
      ArrayNode json = Exchanges.JSON.createArrayNode();
      messages.stream()
          .filter(message -> to == null || message.isTo(to))
          .forEach(message -> json.add(message.toJson()));
      Exchanges.sendJson(exchange, 200, json);
    } else {
      Exchanges.sendProblem(
          exchange, 404, "Not Found", "The outbox has /, /outbox.css and /messages.");
    }
  }

  static String page(List<OutboxMessage> messages) {
    return page(messages, null);
  }

  static String page(List<OutboxMessage> messages, ClockPanel clockPanel) {
    StringBuilder html = new StringBuilder(4096);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        // A stylesheet, not a <style>: the gateway's Content-Security-Policy allows 'self' only.
        .append(
            "<title>DermRelay local outbox</title><link rel=\"stylesheet\" href=\"outbox.css\">");
    if (clockPanel != null) {
      html.append("<script src=\"/_local/clock/panel.js\" defer></script>");
    }
    html.append("</head><body><h1>Local outbox</h1>");
    if (clockPanel != null) {
      // Days pass here at the press of a button: follow-ups come due, SLAs escalate, and what
      // they send lands below. Operator only; the demo operator's address is filled in.
      html.append(
              "<section aria-labelledby=\"clock-title\"><h2 id=\"clock-title\">Local clock</h2>")
          .append("<p>Now: <span id=\"clock-now\">…</span></p>")
          .append("<form id=\"clock-form\" data-identity=\"")
          .append(escape(clockPanel.identityUrl()))
          .append("\" data-client=\"")
          .append(escape(clockPanel.clientId()))
          .append("\">")
          .append(
              "<label>Operator email <input name=\"email\" id=\"clock-email\" autocomplete=\"username\"")
          .append(" value=\"operator@dermrelay.example\"></label>")
          .append(
              "<label>Password <input type=\"password\" name=\"password\" id=\"clock-password\"")
          .append(" autocomplete=\"current-password\" required></label>")
          .append("<label>Move forward by <select name=\"advanceBy\" id=\"clock-advance-by\">")
          .append("<option value=\"PT1H\">1 hour</option><option value=\"PT12H\">12 hours</option>")
          .append(
              "<option value=\"P1D\" selected>1 day</option><option value=\"P7D\">7 days</option>")
          .append("<option value=\"P30D\">30 days</option></select></label>")
          .append("<button type=\"submit\" id=\"clock-move\">Move the clock forward</button>")
          .append("<p id=\"clock-result\" role=\"status\"></p></form></section>\n");
    }
    html.append("<p class=\"meta\">")
        .append(messages.size())
        .append(" message(s), newest first. JSON: <a href=\"messages\">messages</a>")
        .append(" (filter with <code>?to=</code>).</p>\n");
    for (OutboxMessage message : messages) {
      html.append("<article><div class=\"meta\"><time>")
          .append(escape(message.time().toString()))
          .append("</time> &middot; ")
          .append(escape(message.channel().name()))
          .append(" &middot; to ")
          .append(escape(String.join(", ", message.to())));
      if (message.from() != null) {
        html.append(" &middot; from ").append(escape(message.from()));
      }
      html.append("</div>");
      if (message.subject() != null) {
        html.append("<h2>").append(escape(message.subject())).append("</h2>");
      }
      if (message.text() != null) {
        html.append("<pre>").append(escape(message.text())).append("</pre>");
      }
      if (message.html() != null) {
        // Shown as source, never rendered: it is whatever the sender put in.
        html.append("<details><summary>HTML part (source)</summary><pre>")
            .append(escape(message.html()))
            .append("</pre></details>");
      }
      html.append("</article>\n");
    }
    return html.append("</body></html>\n").toString();
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String queryParameter(String rawQuery, String name) {
    if (rawQuery == null) {
      return null;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String key = decode(equals < 0 ? pair : pair.substring(0, equals));
      if (key.equals(name)) {
        return equals < 0 ? "" : decode(pair.substring(equals + 1));
      }
    }
    return null;
  }

  /** A broken escape is taken as sent: it then simply matches no recipient. */
  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }
}
