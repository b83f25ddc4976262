package com.dermrelay.local.outbox.internal;

import com.dermrelay.local.http.Exchanges;
import com.dermrelay.local.outbox.OutboxMessage.Channel;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads SNS {@code Publish} in the AWS Query protocol and writes its XML answers. */
public final class SnsPublish {
  private static final String NAMESPACE = "https://sns.amazonaws.com/doc/2010-03-31/";

  /** A publish worth recording. */
  public record Publish(Channel channel, String to, String subject, String message) {}

  /** A request SNS would refuse, with its Query error code. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;

    public Refused(String code, String message) {
      super(message);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  private SnsPublish() {}

  public static Map<String, String> parseForm(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name =
          URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value =
          equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      form.put(name, value);
    }
    return form;
  }

  public static Publish parse(Map<String, String> form) throws Refused {
    String action = form.get("Action");
    if (!"Publish".equals(action)) {
      throw new Refused(
          "InvalidAction", "The local outbox implements only Publish, not " + action + ".");
    }
    String phone = blankToNull(form.get("PhoneNumber"));
    String target = blankToNull(form.get("TargetArn"));
    String topic = blankToNull(form.get("TopicArn"));
    int destinations = (phone != null ? 1 : 0) + (target != null ? 1 : 0) + (topic != null ? 1 : 0);
    if (destinations != 1) {
      throw new Refused(
          "InvalidParameter",
          "Invalid parameter: exactly one of PhoneNumber, TargetArn, TopicArn is required.");
    }
    String message = form.get("Message");
    if (message == null || message.isEmpty()) {
      throw new Refused("InvalidParameter", "Invalid parameter: Empty message");
    }
    Channel channel = phone != null ? Channel.SMS : target != null ? Channel.PUSH : Channel.TOPIC;
    if ("json".equals(form.get("MessageStructure"))) {
      message = pickStructured(message, channel);
    }
    return new Publish(
        channel,
        phone != null ? phone : target != null ? target : topic,
        form.get("Subject"),
        message);
  }

  /** With MessageStructure=json, SNS sends the protocol's own text, else {@code default}. */
  private static String pickStructured(String message, Channel channel) throws Refused {
    JsonNode structure;
    try {
      structure = Exchanges.JSON.readTree(message);
    } catch (IOException e) {
      throw new Refused(
          "InvalidParameter",
          "Invalid parameter: Message Structure - JSON message body failed to parse");
    }
    if (structure == null || !structure.has("default")) {
      throw new Refused(
          "InvalidParameter",
          "Invalid parameter: Message Structure - No default entry in JSON message body");
    }
    JsonNode own = channel == Channel.SMS ? structure.get("sms") : null;
    return (own != null ? own : structure.get("default")).asText();
  }

  public static String response(String messageId, String requestId) {
    return "<PublishResponse xmlns=\""
        + NAMESPACE
        + "\">"
        + "<PublishResult><MessageId>"
        + messageId
        + "</MessageId></PublishResult>"
        + "<ResponseMetadata><RequestId>"
        + requestId
        + "</RequestId></ResponseMetadata>"
        + "</PublishResponse>";
  }

  public static String error(String code, String message, String requestId) {
    return "<ErrorResponse xmlns=\""
        + NAMESPACE
        + "\">"
        + "<Error><Type>Sender</Type><Code>"
        + xml(code)
        + "</Code><Message>"
        + xml(message)
        + "</Message></Error><RequestId>"
        + requestId
        + "</RequestId></ErrorResponse>";
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
