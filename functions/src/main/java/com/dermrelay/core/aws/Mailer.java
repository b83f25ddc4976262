package com.dermrelay.core.aws;

import com.dermrelay.core.http.NameText;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sends plain-text e-mail through SES v2 SendEmail ({@code POST /v2/email/outbound-emails}, Simple
 * content) over {@link SignedJsonClient}. Messages are notices and links only: no health data ever
 * goes into an e-mail, whose transport and mailbox are outside our control.
 */
public final class Mailer {
  private final SignedJsonClient client;
  private final ObjectMapper json;
  private final String from;

  public Mailer(SignedJsonClient client, ObjectMapper json, String from) {
    this.client = client;
    this.json = json;
    this.from = from;
  }

  /**
   * Sends one message; returns SES's message id. Every subject passes through {@link
   * NameText#forSubjectLine} here, the one place: subjects quote clinic names, and a line break or
   * a bidi override in one must never reach a mail header or a reader.
   */
  public String send(String to, String subject, String text) {
    ObjectNode request = json.createObjectNode().put("FromEmailAddress", from);
    request.putObject("Destination").putArray("ToAddresses").add(to);
    ObjectNode simple = request.putObject("Content").putObject("Simple");
    simple
        .putObject("Subject")
        .put("Data", NameText.forSubjectLine(subject))
        .put("Charset", "UTF-8");
    simple.putObject("Body").putObject("Text").put("Data", text).put("Charset", "UTF-8");
    return client.post("/v2/email/outbound-emails", request).path("MessageId").asText("");
  }
}
