package com.dermrelay.core.aws;

import com.dermrelay.core.config.Settings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * STS AssumeRole over its query API (form POST, XML answer), signed with the SDK's own SigV4
 * signer: the SDK's {@code sts} module would add to a jar at its size budget for one call. Only the
 * fields we need are read from the answer; an error answer becomes an {@link AwsServiceException}
 * with STS's error code, never the request.
 */
public final class StsAssumeRole {
  static final String API_VERSION = "2011-06-15";

  private final SdkHttpClient http;
  private final AwsCredentialsProvider credentials;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
  private final URI endpoint;
  private final String region;

  StsAssumeRole(
      SdkHttpClient http, AwsCredentialsProvider credentials, URI endpoint, String region) {
    this.http = http;
    this.credentials = credentials;
    this.endpoint = endpoint;
    this.region = region;
  }

  /**
   * The regional endpoint (or {@code AWS_ENDPOINT_URL_STS}), signed with the function's own keys.
   */
  public static StsAssumeRole forSettings(
      Settings settings, SdkHttpClient http, AwsCredentialsProvider credentials) {
    URI endpoint =
        settings
            .endpointFor("STS")
            .orElseGet(() -> URI.create("https://sts." + settings.region() + ".amazonaws.com"));
    return new StsAssumeRole(http, credentials, endpoint, settings.region());
  }

  /** What one AssumeRole asks for. */
  public record Request(
      String roleArn,
      String sessionName,
      Map<String, String> sessionTags,
      Optional<String> sessionPolicy,
      Duration duration) {}

  /** Temporary credentials and when they stop working. */
  public record Session(AwsSessionCredentials credentials, Instant expiration) {}

  public Session assumeRole(Request request) {
    byte[] payload = form(request).getBytes(StandardCharsets.UTF_8);
    SignedRequest signed = sign(payload);
    try {
      SignedCall answer = SignedCall.send(http, signed);
      Document xml = parse(answer.body());
      int status = answer.status();
      if (status / 100 != 2) {
        throw new AwsServiceException(
            "sts", status, text(xml, "Code").orElse("Unknown"), text(xml, "Message").orElse(""));
      }
      AwsSessionCredentials session =
          AwsSessionCredentials.create(
              required(xml, "AccessKeyId"),
              required(xml, "SecretAccessKey"),
              required(xml, "SessionToken"));
      return new Session(session, Instant.parse(required(xml, "Expiration")));
    } catch (IOException e) {
      throw new UncheckedIOException("call to sts failed", e);
    }
  }

  /** The form body: visible for the test of what is sent. */
  static String form(Request request) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Action", "AssumeRole");
    fields.put("Version", API_VERSION);
    fields.put("RoleArn", request.roleArn());
    fields.put("RoleSessionName", request.sessionName());
    fields.put("DurationSeconds", Long.toString(request.duration().toSeconds()));
    int n = 1;
    for (Map.Entry<String, String> tag : request.sessionTags().entrySet()) {
      fields.put("Tags.member." + n + ".Key", tag.getKey());
      fields.put("Tags.member." + n + ".Value", tag.getValue());
      n++;
    }
    request.sessionPolicy().ifPresent(policy -> fields.put("Policy", policy));
    return fields.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  SignedRequest sign(byte[] payload) {
    String base = endpoint.toString().replaceAll("/+$", "");
    SdkHttpRequest request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(URI.create(base + "/"))
            .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
            .putHeader("Content-Length", Integer.toString(payload.length))
            .build();
    return signer.sign(
        r ->
            r.identity(credentials.resolveCredentials())
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** STS's XML, parsed with DTDs and external entities off. */
  private static Document parse(byte[] answer) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      factory.setNamespaceAware(false);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(answer));
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("sts answered something that is not XML", e);
    }
  }

  private static Optional<String> text(Document xml, String element) {
    NodeList nodes = xml.getElementsByTagName(element);
    return nodes.getLength() == 0
        ? Optional.empty()
        : Optional.of(nodes.item(0).getTextContent().trim());
  }

  private static String required(Document xml, String element) {
    return text(xml, element)
        .filter(s -> !s.isEmpty())
        .orElseThrow(() -> new IllegalStateException("sts answered without " + element));
  }
}
