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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Security finding 5, at connection time: the host is resolved once per call, every address
 * checked, and the connection made to a checked address (never a second lookup), with TLS verified
 * against the host's name; no redirect is followed; the whole call ends by its timeout; answers
 * over the size cap are refused. A table stands in for DNS and points names at this machine.
 */
class OutboundHttpTest {
  private static final String PASSWORD = "changeit";
  private static final byte[] THIS_MACHINE = {127, 0, 0, 1};
  private static HttpServer plain;
  private static HttpsServer tls;
  private static SSLContext trustingTestCa;
  private static final AtomicInteger REQUESTS = new AtomicInteger();
  private static final List<String> HOST_HEADERS = new CopyOnWriteArrayList<>();

  /**
   * DNS for this test: names ending in .test answer 127.0.0.1 unless told otherwise; records every
   * lookup.
   */
  private static final class TestDns implements OutboundAddressGuard.Resolver {
    final Map<String, byte[]> answers = new ConcurrentHashMap<>();
    final List<String> lookups = new CopyOnWriteArrayList<>();

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      lookups.add(host);
      if (!host.endsWith(".test")) {
        throw new UnknownHostException(host);
      }
      return new InetAddress[] {
        InetAddress.getByAddress(host, answers.getOrDefault(host, THIS_MACHINE))
      };
    }
  }

  private final TestDns dns = new TestDns();

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    plain = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    plain.createContext("/", OutboundHttpTest::answer);
    plain.setExecutor(Executors.newCachedThreadPool());
    plain.start();

    // A certificate for ehr.test only, made by the JDK's keytool: the client must check the name.
    Path keystore = dir.resolve("ehr-test.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "ehr",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=ehr.test",
                "-ext",
                "SAN=dns:ehr.test",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD)
            .redirectErrorStream(true)
            .start();
    assertTrue(
        keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0,
        new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      keys.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory keyManagers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
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
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    trustingTestCa = SSLContext.getInstance("TLS");
    trustingTestCa.init(null, trust.getTrustManagers(), null);
  }

  @AfterAll
  static void stop() {
    plain.stop(0);
    tls.stop(0);
  }

  /**
   * Echoes the body and the Authorization header. {@code /chunked} answers without a length, {@code
   * /slow} after 3 s, {@code /trickle} a byte every 200 ms for 4 s, {@code /huge} 9 MB chunked and
   * {@code /huge-length} 9 MB with a length; {@code /moved} redirects to the metadata service and
   * {@code /moved-inside} to a name of this machine.
   */
  private static void answer(HttpExchange exchange) throws IOException {
    REQUESTS.incrementAndGet();
    HOST_HEADERS.add(exchange.getRequestHeaders().getFirst("Host"));
    byte[] received = exchange.getRequestBody().readAllBytes();
    String path = exchange.getRequestURI().getPath();
    switch (path) {
      case "/slow" -> pause(3_000);
      case "/moved", "/moved-inside" -> {
        exchange
            .getResponseHeaders()
            .add(
                "Location",
                path.equals("/moved")
                    ? "http://169.254.169.254/latest/meta-data/"
                    : "http://internal.test:" + plain.getAddress().getPort() + "/fhir");
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
        return;
      }
      case "/trickle", "/huge", "/huge-length" -> {
        boolean trickle = path.equals("/trickle");
        int size = trickle ? 20 : 9 * 1024 * 1024;
        exchange.sendResponseHeaders(200, path.equals("/huge-length") ? size : 0);
        try (OutputStream out = exchange.getResponseBody()) {
          for (int sent = 0; sent < size; sent += trickle ? 1 : 8192) {
            out.write(trickle ? new byte[] {'x'} : new byte[8192]);
            out.flush();
            if (trickle) {
              pause(200);
            }
          }
        } catch (IOException e) {
          // The client gave up, as it should.
        }
        return;
      }
      default -> {}
    }
    byte[] body =
        ("{\"got\":\""
                + new String(received, StandardCharsets.UTF_8)
                + "\",\"auth\":\""
                + exchange.getRequestHeaders().getFirst("Authorization")
                + "\"}")
            .repeat(path.equals("/chunked") ? 500 : 1)
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(201, path.equals("/chunked") ? 0 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * @param local true as in the local stack (loopback allowed), false as on AWS
   */
  private OutboundHttp client(boolean local) {
    return new OutboundHttp(new OutboundAddressGuard(local, dns), trustingTestCa);
  }

  /**
   * A call expected to be answered: a deadline a loaded CI machine's first TLS handshake fits in.
   */
  private static OutboundHttp.Response post(OutboundHttp http, String url) throws IOException {
    return postWithin(http, url, Duration.ofSeconds(15));
  }

  /** A call to /slow or /trickle, whose answer comes after this deadline. */
  private static OutboundHttp.Response postWithin(OutboundHttp http, String url, Duration deadline)
      throws IOException {
    return http.post(
        URI.create(url),
        Map.of("Authorization", "Bearer t-1", "Content-Type", "application/json"),
        "hello",
        deadline);
  }

  private static String plainUrl(String host, String path) {
    return "http://" + host + ":" + plain.getAddress().getPort() + path;
  }

  @Test
  void aNameThatResolvesToAnInternalAddressIsRefusedBeforeAnyConnection() {
    int before = REQUESTS.get();
    OutboundAddressGuard.Refused refused =
        assertThrows(
            OutboundAddressGuard.Refused.class,
            () -> post(client(false), plainUrl("rebound.test", "/fhir")));
    assertTrue(
        refused.getMessage().contains("rebound.test") && refused.getMessage().contains("loopback"),
        refused.getMessage());
    assertEquals(before, REQUESTS.get(), "nothing reached the server");
  }

  @Test
  void aNameThatLaterResolvesToAPrivateAddressIsRefusedAtConnectTime() throws IOException {
    OutboundHttp http = client(true);
    assertEquals(201, post(http, plainUrl("ehr.test", "/fhir")).status());

    dns.answers.put(
        "ehr.test", new byte[] {10, 0, 0, 7}); // the name now points into a private network
    int before = REQUESTS.get();
    OutboundAddressGuard.Refused refused =
        assertThrows(
            OutboundAddressGuard.Refused.class, () -> post(http, plainUrl("ehr.test", "/fhir")));
    assertEquals(
        "ehr.test resolves to a private address, which is not allowed", refused.getMessage());
    assertEquals(before, REQUESTS.get(), "nothing was sent anywhere");
    assertEquals(
        List.of("ehr.test", "ehr.test"),
        dns.lookups,
        "one lookup per call, the one that was checked");
  }

  @Test
  void anAddressWrittenInTheUrlIsCheckedToo() {
    // The system's resolver, as in production: it parses literals without a lookup.
    OutboundHttp onAws =
        new OutboundHttp(
            new OutboundAddressGuard(false, InetAddress::getAllByName), trustingTestCa);
    int before = REQUESTS.get();
    for (String host : List.of("127.0.0.1", "[::1]", "[::ffff:127.0.0.1]")) {
      OutboundAddressGuard.Refused refused =
          assertThrows(
              OutboundAddressGuard.Refused.class, () -> post(onAws, plainUrl(host, "/fhir")), host);
      assertTrue(refused.getMessage().contains("loopback"), refused.getMessage());
    }
    assertEquals(before, REQUESTS.get(), "nothing reached the server");
  }

  @Test
  void theConnectionGoesToTheCheckedAddressAndNamesTheHost() throws IOException {
    OutboundHttp.Response response = post(client(true), plainUrl("ehr.test", "/fhir?x=1"));
    assertEquals(201, response.status());
    assertEquals("{\"got\":\"hello\",\"auth\":\"Bearer t-1\"}", response.body());
    assertEquals(
        "ehr.test:" + plain.getAddress().getPort(),
        HOST_HEADERS.get(HOST_HEADERS.size() - 1),
        "the system's DNS does not know ehr.test: only the checked address was used");
    assertEquals(List.of("ehr.test"), dns.lookups);
  }

  @Test
  void aChunkedAnswerIsReadWhole() throws IOException {
    OutboundHttp.Response response = post(client(true), plainUrl("ehr.test", "/chunked"));
    assertEquals(201, response.status());
    assertEquals("{\"got\":\"hello\",\"auth\":\"Bearer t-1\"}".repeat(500), response.body());
  }

  @Test
  void tlsIsVerifiedAgainstTheNameNotTheAddress() throws IOException {
    int port = tls.getAddress().getPort();
    OutboundHttp.Response response = post(client(true), "https://ehr.test:" + port + "/fhir");
    assertEquals(201, response.status());
    assertThrows(
        SSLHandshakeException.class,
        () -> post(client(true), "https://other.test:" + port + "/fhir"),
        "same address, but the certificate is for ehr.test only");
  }

  @Test
  void aRedirectIsTheAnswerNeverFollowedToTheMetadataServiceOrInside() throws IOException {
    for (String path : List.of("/moved", "/moved-inside")) {
      int before = REQUESTS.get();
      dns.lookups.clear();
      OutboundHttp.Response response = post(client(true), plainUrl("ehr.test", path));
      assertEquals(302, response.status(), path);
      assertEquals(
          before + 1, REQUESTS.get(), "one request, not a second to where it points: " + path);
      assertEquals(
          List.of("ehr.test"), dns.lookups, "the target was never even looked up: " + path);
    }
  }

  @Test
  void anAnswerLaterThanTheTimeoutIsATimeout() {
    assertThrows(
        SocketTimeoutException.class,
        () -> postWithin(client(true), plainUrl("ehr.test", "/slow"), Duration.ofSeconds(2)));
  }

  /**
   * The deadline and the per-read timeout race; whichever wins, a slow EHR is reported as a timeout
   * ("did not answer within"), never as a dropped connection. The hand-written client this replaced
   * answered "Socket closed" to 155 of 240 such calls run 24 at a time.
   */
  @Test
  void slowAnswersAreTimeoutsWhereverTheDeadlineFallsAndManyRunAtOnce() throws Exception {
    OutboundHttp http = client(true);
    ExecutorService callers = Executors.newFixedThreadPool(12);
    try {
      List<Future<String>> outcomes = new ArrayList<>();
      for (int i = 0; i < 48; i++) {
        Duration timeout = Duration.ofMillis(200 + (i % 13) * 100);
        outcomes.add(
            callers.submit(
                () -> {
                  try {
                    http.post(URI.create(plainUrl("ehr.test", "/slow")), Map.of(), "x", timeout);
                    return "answered";
                  } catch (SocketTimeoutException e) {
                    return "timeout";
                  } catch (IOException | RuntimeException e) {
                    return e.toString();
                  }
                }));
      }
      Map<String, Integer> counts = new TreeMap<>();
      for (Future<String> outcome : outcomes) {
        counts.merge(outcome.get(), 1, Integer::sum);
      }
      assertEquals(Map.of("timeout", 48), counts);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void anAnswerTrickledPastTheTimeoutIsATimeoutThoughEachByteCameInTime() {
    assertThrows(
        SocketTimeoutException.class,
        () -> postWithin(client(true), plainUrl("ehr.test", "/trickle"), Duration.ofSeconds(2)));
  }

  @Test
  void anAnswerOverEightMegabytesIsRefusedWithOrWithoutALength() {
    for (String path : List.of("/huge", "/huge-length")) {
      IOException tooLarge =
          assertThrows(IOException.class, () -> post(client(true), plainUrl("ehr.test", path)));
      assertEquals("the answer is too large", tooLarge.getMessage(), path);
    }
  }
}
