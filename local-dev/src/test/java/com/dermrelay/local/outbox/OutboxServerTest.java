package com.dermrelay.local.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.SnsException;

/** The real SES v2 and SNS clients against the outbox server. */
class OutboxServerTest {
  private static final Outbox OUTBOX = new Outbox();
  private static OutboxServer server;
  private static SesV2Client ses;
  private static SnsClient sns;

  @BeforeAll
  static void start() {
    server = OutboxServer.start(OUTBOX, "127.0.0.1", 0);
    StaticCredentialsProvider credentials =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    ses =
        SesV2Client.builder()
            .endpointOverride(URI.create(server.url()))
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials)
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    sns =
        SnsClient.builder()
            .endpointOverride(URI.create(server.url()))
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials)
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }

  @AfterAll
  static void stop() {
    ses.close();
    sns.close();
    server.close();
  }

  @BeforeEach
  void clear() {
    OUTBOX.clear();
  }

  @Test
  void recordsASimpleEmailSentWithTheSdk() {
    SendEmailResponse response =
        ses.sendEmail(
            r ->
                r.fromEmailAddress("no-reply@acme.example")
                    .destination(
                        d -> d.toAddresses("Pat@Example.org").bccAddresses("audit@acme.example"))
                    .content(
                        c ->
                            c.simple(
                                m ->
                                    m.subject(s -> s.data("Your answer is ready"))
                                        .body(
                                            b ->
                                                b.text(t -> t.data("Dear Pat, see the portal."))
                                                    .html(h -> h.data("<p>Dear Pat</p>"))))));
    List<OutboxMessage> messages = OUTBOX.messagesTo("pat@example.org");
    assertEquals(1, messages.size());
    OutboxMessage message = messages.get(0);
    assertEquals(response.messageId(), message.id());
    assertEquals(OutboxMessage.Channel.EMAIL, message.channel());
    assertEquals("no-reply@acme.example", message.from());
    assertEquals(List.of("Pat@Example.org", "audit@acme.example"), message.to());
    assertEquals("Your answer is ready", message.subject());
    assertEquals("Dear Pat, see the portal.", message.text());
    assertEquals("<p>Dear Pat</p>", message.html());
    assertEquals(1, OUTBOX.messagesTo("audit@acme.example").size(), "Bcc recipients are recorded");
  }

  @Test
  void rendersAnInlineTemplate() {
    ses.sendEmail(
        r ->
            r.fromEmailAddress("no-reply@acme.example")
                .destination(d -> d.toAddresses("pat@example.org"))
                .content(
                    c ->
                        c.template(
                            t ->
                                t.templateContent(
                                        tc ->
                                            tc.subject("Case {{caseRef}} answered")
                                                .text(
                                                    "Hello {{patient.firstName}}, case {{caseRef}}."))
                                    .templateData(
                                        "{\"caseRef\":\"C-17\",\"patient\":{\"firstName\":\"Pat\"}}"))));
    OutboxMessage message = OUTBOX.messagesTo("pat@example.org").get(0);
    assertEquals("Case C-17 answered", message.subject());
    assertEquals("Hello Pat, case C-17.", message.text());
    assertNull(message.html());
  }

  @Test
  void namesAStoredTemplateAndKeepsItsData() {
    ses.sendEmail(
        r ->
            r.destination(d -> d.toAddresses("pat@example.org"))
                .content(
                    c ->
                        c.template(
                            t -> t.templateName("case-answered").templateData("{\"a\":1}"))));
    OutboxMessage message = OUTBOX.messagesTo("pat@example.org").get(0);
    assertEquals("[template case-answered]", message.subject());
    assertEquals("{\"a\":1}", message.text());
  }

  @Test
  void recordsARawEmail() {
    String mime =
        "From: no-reply@acme.example\r\nTo: pat@example.org\r\nSubject: Raw hello\r\n"
            + "Content-Type: text/plain\r\n\r\nBody line";
    ses.sendEmail(
        r ->
            r.content(
                c -> c.raw(raw -> raw.data(SdkBytes.fromString(mime, StandardCharsets.UTF_8)))));
    OutboxMessage message = OUTBOX.messagesTo("pat@example.org").get(0);
    assertEquals("Raw hello", message.subject());
    assertEquals("Body line", message.text());
    assertEquals("no-reply@acme.example", message.from());
  }

  @Test
  void anEmailWithoutRecipientsIsABadRequestTheSdkUnderstands() {
    SesV2Exception error =
        assertThrows(
            SesV2Exception.class,
            () ->
                ses.sendEmail(
                    r ->
                        r.fromEmailAddress("no-reply@acme.example")
                            .content(
                                c ->
                                    c.simple(
                                        m ->
                                            m.subject(s -> s.data("x"))
                                                .body(b -> b.text(t -> t.data("y")))))));
    assertEquals(400, error.statusCode());
    assertEquals("BadRequestException", error.awsErrorDetails().errorCode());
    assertTrue(error.awsErrorDetails().errorMessage().contains("recipient"));
    assertTrue(OUTBOX.messages().isEmpty());
  }

  @Test
  void recordsAnSmsPublishedWithTheSdk() {
    PublishResponse response =
        sns.publish(
            r ->
                r.phoneNumber("+15555550123").message("Your DermRelay code is 123456 & more <ok>"));
    OutboxMessage message = OUTBOX.messagesTo("+15555550123").get(0);
    assertEquals(response.messageId(), message.id());
    assertEquals(OutboxMessage.Channel.SMS, message.channel());
    assertEquals("Your DermRelay code is 123456 & more <ok>", message.text());
    assertNull(message.subject());
  }

  @Test
  void recordsTopicAndStructuredPublishes() {
    String topic = "arn:aws:sns:us-east-1:000000000000:case-events";
    sns.publish(r -> r.topicArn(topic).subject("Case escalated").message("case C-1 is overdue"));
    OutboxMessage onTopic = OUTBOX.messagesTo(topic).get(0);
    assertEquals(OutboxMessage.Channel.TOPIC, onTopic.channel());
    assertEquals("Case escalated", onTopic.subject());

    sns.publish(
        r ->
            r.phoneNumber("+15555550199")
                .messageStructure("json")
                .message("{\"default\":\"long text\",\"sms\":\"short text\"}"));
    assertEquals("short text", OUTBOX.messagesTo("+15555550199").get(0).text());
  }

  @Test
  void aPublishWithoutAMessageIsRefusedAsSnsWould() {
    SnsException error =
        assertThrows(
            SnsException.class, () -> sns.publish(r -> r.phoneNumber("+15555550123").message("")));
    assertEquals(400, error.statusCode());
    assertEquals("InvalidParameter", error.awsErrorDetails().errorCode());
    SnsException twoTargets =
        assertThrows(
            SnsException.class,
            () ->
                sns.publish(
                    r -> r.phoneNumber("+15555550123").topicArn("arn:aws:sns:x").message("m")));
    assertEquals("InvalidParameter", twoTargets.awsErrorDetails().errorCode());
    assertTrue(OUTBOX.messages().isEmpty());
  }

  @Test
  void servesThePageAndJsonAtItsRootToo() throws Exception {
    sns.publish(r -> r.phoneNumber("+15555550123").message("<b>code</b>"));
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    java.net.http.HttpResponse<String> page =
        client.send(
            java.net.http.HttpRequest.newBuilder(URI.create(server.url() + "/")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("&lt;b&gt;code&lt;/b&gt;"));
    java.net.http.HttpResponse<String> json =
        client.send(
            java.net.http.HttpRequest.newBuilder(
                    URI.create(server.url() + "/messages?to=%2B15555550123"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertTrue(json.body().contains("\"text\":\"<b>code</b>\""), json.body());
  }
}
