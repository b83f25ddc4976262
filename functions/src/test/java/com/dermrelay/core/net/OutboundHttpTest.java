package com.dermrelay.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Security finding 5, at connection time: the host is resolved once, every address checked, and
 * the connection made to a checked address (never a second lookup), with TLS verified against the
 * host's name. A resolver in the test points names at this machine's servers.
 */
class OutboundHttpTest {
  private static final String PASSWORD = "changeit";
  private static HttpServer plain;
  private static HttpsServer tls;
  private static SSLContext trustingTestCa;
  private static final AtomicInteger REQUESTS = new AtomicInteger();
  private static final List<String> HOST_HEADERS = new CopyOnWriteArrayList<>();

  /** Every name this test knows answers with 127.0.0.1, as a rebinding DNS would for an internal one. */
  private static final OutboundAddressGuard.Resolver TO_THIS_MACHINE = host -> {
    if (host.endsWith(".test")) {
      return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
    }
    throw new UnknownHostException(host);
  };

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    plain = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    plain.createContext("/", OutboundHttpTest::answer);
    plain.setExecutor(Executors.newCachedThreadPool());
    plain.start();

    // A certificate for ehr.test only, made by the JDK's keytool: the client must check the name.
    Path keystore = dir.resolve("ehr-test.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "ehr", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=ehr.test", "-ext", "SAN=dns:ehr.test", "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
        .redirectErrorStream(true).start();
    assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0,
        new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      keys.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, PASSWORD.toCharArray());
    SSLContext serverContext = SSLContext.getInstance("TLS");
    serverContext.init(keyManagers.getKeyManagers(), null, null);
    tls = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    tls.setHttpsConfigurator(new HttpsConfigurator(serverContext));
    tls.createContext("/", OutboundHttpTest::answer);
    tls.setExecutor(Executors.newCachedThreadPool());
    tls.start();

    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("ehr", keys.getCertificate("ehr"));
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    trustingTestCa = SSLContext.getInstance("TLS");
    trustingTestCa.init(null, trust.getTrustManagers(), null);
  }

  @AfterAll
  static void stop() {
    plain.stop(0);
    tls.stop(0);
  }

  /** Echoes the body; {@code /chunked} answers without a length, {@code /slow} after 3 s, {@code /moved} 302. */
  private static void answer(HttpExchange exchange) throws IOException {
    REQUESTS.incrementAndGet();
    HOST_HEADERS.add(exchange.getRequestHeaders().getFirst("Host"));
    byte[] received = exchange.getRequestBody().readAllBytes();
    String path = exchange.getRequestURI().getPath();
    if (path.equals("/slow")) {
      try {
        Thread.sleep(3_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (path.equals("/moved")) {
      exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
      return;
    }
    byte[] body = ("{\"got\":\"" + new String(received, StandardCharsets.UTF_8) + "\",\"auth\":\""
        + exchange.getRequestHeaders().getFirst("Authorization") + "\"}").repeat(path.equals("/chunked") ? 500 : 1)
        .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(201, path.equals("/chunked") ? 0 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static OutboundHttp client(boolean local) {
    return new OutboundHttp(new OutboundAddressGuard(local, TO_THIS_MACHINE), trustingTestCa.getSocketFactory());
  }

  private static OutboundHttp.Response post(OutboundHttp http, String url) throws IOException {
    return http.post(URI.create(url), Map.of("Authorization", "Bearer t-1", "Content-Type", "application/json"),
        "hello", Duration.ofSeconds(2));
  }

  @Test
  void aNameThatResolvesToAnInternalAddressIsRefusedBeforeAnyConnection() {
    int before = REQUESTS.get();
    OutboundAddressGuard.Refused refused = assertThrows(OutboundAddressGuard.Refused.class,
        () -> post(client(false), "http://rebound.test:" + plain.getAddress().getPort() + "/fhir"));
    assertTrue(refused.getMessage().contains("rebound.test") && refused.getMessage().contains("loopback"),
        refused.getMessage());
    assertEquals(before, REQUESTS.get(), "nothing reached the server");
  }

  @Test
  void theConnectionGoesToTheCheckedAddressAndNamesTheHost() throws IOException {
    int port = plain.getAddress().getPort();
    OutboundHttp.Response response = post(client(true), "http://ehr.test:" + port + "/fhir?x=1");
    assertEquals(201, response.status());
    assertEquals("{\"got\":\"hello\",\"auth\":\"Bearer t-1\"}", response.body());
    assertEquals("ehr.test:" + port, HOST_HEADERS.get(HOST_HEADERS.size() - 1),
        "the system's DNS does not know ehr.test: only the checked address was used");
  }

  @Test
  void aChunkedAnswerIsReadWhole() throws IOException {
    OutboundHttp.Response response = post(client(true), "http://ehr.test:" + plain.getAddress().getPort() + "/chunked");
    assertEquals(201, response.status());
    assertEquals("{\"got\":\"hello\",\"auth\":\"Bearer t-1\"}".repeat(500), response.body());
  }

  @Test
  void tlsIsVerifiedAgainstTheNameNotTheAddress() throws IOException {
    int port = tls.getAddress().getPort();
    OutboundHttp.Response response = post(client(true), "https://ehr.test:" + port + "/fhir");
    assertEquals(201, response.status());
    assertThrows(SSLHandshakeException.class, () -> post(client(true), "https://other.test:" + port + "/fhir"),
        "the certificate is for ehr.test only");
  }

  @Test
  void redirectsAreNotFollowed() throws IOException {
    OutboundHttp.Response response = post(client(true), "http://ehr.test:" + plain.getAddress().getPort() + "/moved");
    assertEquals(302, response.status());
  }

  @Test
  void anAnswerLaterThanTheTimeoutIsATimeout() {
    assertThrows(SocketTimeoutException.class,
        () -> post(client(true), "http://ehr.test:" + plain.getAddress().getPort() + "/slow"));
  }
}
