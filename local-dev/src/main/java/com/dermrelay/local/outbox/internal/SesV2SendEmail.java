package com.dermrelay.local.outbox.internal;

import com.dermrelay.local.http.Exchanges;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the JSON body of SES v2 {@code SendEmail} ({@code POST /v2/email/outbound-emails}): Simple
 * content, Template content (inline templates rendered, stored ones named), or Raw MIME.
 */
public final class SesV2SendEmail {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*}}");

  /** The parts of an email worth recording. */
  public record Email(String from, List<String> to, String subject, String text, String html) {}

  /** A request SES would refuse; the message becomes the BadRequestException's. */
  public static final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;

    public BadRequest(String message) {
      super(message);
    }
  }

  private SesV2SendEmail() {}

  public static Email parse(JsonNode request) throws BadRequest {
    if (request == null || !request.isObject()) {
      throw new BadRequest("The request body must be a JSON object.");
    }
    JsonNode content = request.path("Content");
    String from = text(request.get("FromEmailAddress"));
    List<String> to = recipients(request.path("Destination"));
    if (content.has("Raw")) {
      return raw(content.get("Raw"), from, to);
    }
    if (to.isEmpty()) {
      throw new BadRequest("Destination must name at least one recipient.");
    }
    if (content.has("Simple")) {
      JsonNode simple = content.get("Simple");
      String subject = text(simple.path("Subject").get("Data"));
      if (subject == null) {
        throw new BadRequest("Content.Simple.Subject.Data is required.");
      }
      String textBody = text(simple.path("Body").path("Text").get("Data"));
      String htmlBody = text(simple.path("Body").path("Html").get("Data"));
      if (textBody == null && htmlBody == null) {
        throw new BadRequest("Content.Simple.Body needs Text or Html.");
      }
      return new Email(from, to, subject, textBody, htmlBody);
    }
    if (content.has("Template")) {
      return template(content.get("Template"), from, to);
    }
    throw new BadRequest("Content must have Simple, Template or Raw.");
  }

  private static Email template(JsonNode template, String from, List<String> to) throws BadRequest {
    String data = text(template.get("TemplateData"));
    JsonNode inline = template.get("TemplateContent");
    if (inline != null && inline.isObject()) {
      JsonNode values;
      try {
        values = data == null ? null : Exchanges.JSON.readTree(data);
      } catch (IOException e) {
        throw new BadRequest("TemplateData is not valid JSON.");
      }
      return new Email(
          from,
          to,
          render(text(inline.get("Subject")), values),
          render(text(inline.get("Text")), values),
          render(text(inline.get("Html")), values));
    }
    String name = text(template.get("TemplateName"));
    if (name == null) {
      name = text(template.get("TemplateArn"));
    }
    if (name == null) {
      throw new BadRequest("Content.Template needs TemplateName, TemplateArn or TemplateContent.");
    }
    // Stored templates are not emulated: record which one, and the data it was given.
    return new Email(from, to, "[template " + name + "]", data, null);
  }

  /** Replaces {@code {{name}}} and {@code {{a.b}}} as SES's Handlebars does for plain values. */
  static String render(String template, JsonNode values) {
    if (template == null || values == null) {
      return template;
    }
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      JsonNode value = values;
      for (String part : matcher.group(1).split("\\.")) {
        value = value.path(part);
      }
      String replacement = value.isMissingNode() || value.isNull() ? "" : value.asText();
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static Email raw(JsonNode raw, String from, List<String> to) throws BadRequest {
    String data = text(raw.get("Data"));
    if (data == null) {
      throw new BadRequest("Content.Raw.Data is required.");
    }
    String mime;
    try {
      mime = new String(Base64.getMimeDecoder().decode(data), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("Content.Raw.Data is not base64.");
    }
    String[] parts = mime.split("\r?\n\r?\n", 2);
    String subject = null;
    List<String> recipients = new ArrayList<>(to);
    for (String line : parts[0].split("\r?\n")) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("subject:")) {
        subject = line.substring("subject:".length()).trim();
      } else if (to.isEmpty() && (lower.startsWith("to:") || lower.startsWith("cc:"))) {
        for (String address : line.substring(3).split(",")) {
          if (!address.isBlank()) {
            recipients.add(address.trim());
          }
        }
      } else if (from == null && lower.startsWith("from:")) {
        from = line.substring(5).trim();
      }
    }
    if (recipients.isEmpty()) {
      throw new BadRequest("The raw message names no recipient.");
    }
    // The MIME body is recorded as sent; a local reader can make sense of it.
    return new Email(from, recipients, subject, parts.length > 1 ? parts[1] : "", null);
  }

  private static List<String> recipients(JsonNode destination) {
    List<String> to = new ArrayList<>();
    for (String field : List.of("ToAddresses", "CcAddresses", "BccAddresses")) {
      destination.path(field).forEach(address -> to.add(address.asText()));
    }
    return to;
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
  }
}
