package com.dermrelay.local.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One message the platform sent, as recorded by the outbox.
 *
 * @param id the MessageId answered to the sender
 * @param channel how it was sent
 * @param from the sender address (email), or null
 * @param to the recipients: email addresses (To, Cc and Bcc), a phone number, or an SNS ARN
 * @param subject null for SMS
 * @param text the plain text (for SMS: the message)
 * @param html the HTML part of an email, or null
 */
public record OutboxMessage(
    String id,
    Instant time,
    Channel channel,
    String from,
    List<String> to,
    String subject,
    String text,
    String html) {

  /** How a message left the platform. */
  public enum Channel {
    /** SES SendEmail, or an in-JVM service such as the identity emulator's codes. */
    EMAIL,
    /** SNS Publish to a phone number. */
    SMS,
    /** SNS Publish to a platform endpoint (TargetArn): a mobile push. */
    PUSH,
    /** SNS Publish to a topic (TopicArn); its subscribers are not emulated. */
    TOPIC
  }

  public OutboxMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(channel, "channel");
    to = List.copyOf(to);
  }

  /** Whether {@code address} is among the recipients (email addresses compare ignoring case). */
  public boolean isTo(String address) {
    String wanted = address.trim().toLowerCase(Locale.ROOT);
    return to.stream().anyMatch(recipient -> recipient.toLowerCase(Locale.ROOT).equals(wanted));
  }

  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("id", id);
    node.put("time", time.toString());
    node.put("channel", channel.name());
    node.put("from", from);
    to.forEach(node.putArray("to")::add);
    node.put("subject", subject);
    node.put("text", text);
    node.put("html", html);
    return node;
  }

  /**
   * @throws IllegalArgumentException if the JSON is not a recorded message
   */
  public static OutboxMessage fromJson(JsonNode node) {
    try {
      List<String> to = new ArrayList<>();
      node.path("to").forEach(recipient -> to.add(recipient.asText()));
      return new OutboxMessage(
          node.get("id").asText(),
          Instant.parse(node.get("time").asText()),
          Channel.valueOf(node.get("channel").asText()),
          textOrNull(node, "from"),
          to,
          textOrNull(node, "subject"),
          textOrNull(node, "text"),
          textOrNull(node, "html"));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a recorded outbox message: " + e.getMessage(), e);
    }
  }

  private static String textOrNull(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
