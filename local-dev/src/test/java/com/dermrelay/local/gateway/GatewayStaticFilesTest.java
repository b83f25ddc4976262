package com.dermrelay.local.gateway;

import static com.dermrelay.local.gateway.GatewayFixture.get;
import static com.dermrelay.local.gateway.GatewayFixture.send;
import static com.dermrelay.local.gateway.GatewayFixture.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portal's static files and the white-label patient app, beside the API routes. */
class GatewayStaticFilesTest {
  private static final String BIG_SCRIPT = "console.log('a line of the portal');\n".repeat(200);
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};

  @TempDir static Path temp;
  private static TestIssuer issuer;
  private static LocalGateway gateway;

  @BeforeAll
  static void start() throws IOException {
    Path portal = temp.resolve("portal");
    write(portal.resolve("index.html"), "<h1>home</h1>");
    write(portal.resolve("styles/app.css"), "body{}");
    write(portal.resolve("clinician/index.html"), "<h1>clinician</h1>");
    write(portal.resolve("patient/index.html"), "<h1>patient app</h1>");
    write(portal.resolve("patient/assets/app.js"), "console.log(1)");
    write(portal.resolve("patient/manifest.webmanifest"), "{}");
    write(portal.resolve("scripts/big.js"), BIG_SCRIPT);
    Files.createDirectories(portal.resolve("img"));
    Files.write(portal.resolve("img/logo.png"), PNG);
    write(temp.resolve("secret.txt"), "outside the portal");
    // Vendor scripts: the dist folders of the packages portal/package.json depends on.
    write(portal.resolve("package.json"), "{\"dependencies\": {\"resizer\": \"1.0.0\"}}");
    write(portal.resolve("node_modules/resizer/dist/resizer.js"), "self.resize = 1;");
    write(portal.resolve("node_modules/resizer/package.json"), "{}");
    write(portal.resolve("node_modules/stray/dist/stray.js"), "not a dependency");

    issuer = new TestIssuer();
    issuer.publish(TestIssuer.newKey("k1"));
    gateway = GatewayFixture.start(GatewayFixture.config(issuer).staticDir(portal).build());
  }

  @AfterAll
  static void stop() {
    gateway.close();
    issuer.close();
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static void assertServed(String path, String contentType, String body) {
    HttpResponse<byte[]> response = send(get(gateway, path));
    assertEquals(200, response.statusCode(), path);
    assertEquals(contentType, response.headers().firstValue("content-type").orElse(null), path);
    assertEquals("no-cache", response.headers().firstValue("cache-control").orElse(null));
    assertEquals(body, text(response), path);
  }

  @Test
  void servesFilesWithTheirContentTypes() {
    assertServed("/", "text/html; charset=utf-8", "<h1>home</h1>");
    assertServed("/index.html", "text/html; charset=utf-8", "<h1>home</h1>");
    assertServed("/styles/app.css", "text/css; charset=utf-8", "body{}");
    assertServed("/clinician/", "text/html; charset=utf-8", "<h1>clinician</h1>");
    HttpResponse<byte[]> png = send(get(gateway, "/img/logo.png"));
    assertEquals("image/png", png.headers().firstValue("content-type").orElse(null));
    assertArrayEquals(PNG, png.body());
  }

  @Test
  void textArrivesGzippedWhenTheBrowserAcceptsItAsCloudFrontSendsIt() throws IOException {
    HttpResponse<byte[]> zipped =
        send(get(gateway, "/scripts/big.js").header("Accept-Encoding", "gzip, deflate, br"));
    assertEquals(200, zipped.statusCode());
    assertEquals("gzip", zipped.headers().firstValue("content-encoding").orElse(null));
    assertEquals("Accept-Encoding", zipped.headers().firstValue("vary").orElse(null));
    assertTrue(zipped.body().length < BIG_SCRIPT.length() / 4, "compressed");
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
      assertEquals(BIG_SCRIPT, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> plain = send(get(gateway, "/scripts/big.js"));
    assertFalse(plain.headers().firstValue("content-encoding").isPresent(), "no gzip unasked");
    assertEquals(BIG_SCRIPT, text(plain));
    HttpResponse<byte[]> refused =
        send(get(gateway, "/scripts/big.js").header("Accept-Encoding", "gzip;q=0, identity"));
    assertFalse(refused.headers().firstValue("content-encoding").isPresent(), "q=0 refuses it");
    // Small files and images stay as they are, as CloudFront leaves them.
    for (String path : new String[] {"/styles/app.css", "/img/logo.png"}) {
      HttpResponse<byte[]> response = send(get(gateway, path).header("Accept-Encoding", "gzip"));
      assertFalse(response.headers().firstValue("content-encoding").isPresent(), path);
    }
  }

  @Test
  void aDirectoryWithoutTrailingSlashRedirects() {
    HttpResponse<byte[]> response = send(get(gateway, "/clinician"));
    assertEquals(301, response.statusCode());
    assertEquals("/clinician/", response.headers().firstValue("location").orElse(null));
  }

  @Test
  void headAnswersWithoutABody() {
    HttpResponse<byte[]> response =
        send(get(gateway, "/styles/app.css").method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertEquals(200, response.statusCode());
    assertEquals(0, response.body().length);
  }

  @Test
  void theWhiteLabelledPortalFallsBackToThePatientApp() {
    assertServed("/c/acme/", "text/html; charset=utf-8", "<h1>patient app</h1>");
    assertServed("/c/acme/cases/123", "text/html; charset=utf-8", "<h1>patient app</h1>");
    assertServed("/c/other-clinic/sign-in", "text/html; charset=utf-8", "<h1>patient app</h1>");
    assertServed("/c/acme/assets/app.js", "text/javascript; charset=utf-8", "console.log(1)");
    assertServed("/c/acme/manifest.webmanifest", "application/manifest+json", "{}");
    assertEquals(404, send(get(gateway, "/c/acme/assets/missing.js")).statusCode());
    assertEquals(404, send(get(gateway, "/c/acme/missing.png")).statusCode());
    HttpResponse<byte[]> noSlash = send(get(gateway, "/c/acme"));
    assertEquals(301, noSlash.statusCode());
    assertEquals("/c/acme/", noSlash.headers().firstValue("location").orElse(null));
  }

  @Test
  void apiRoutesWinOverFilesAndOnlyGetAndHeadServeFiles() {
    assertEquals(
        "GET /health",
        send(get(gateway, "/health")).headers().firstValue("x-route-key").orElse(null));
    HttpResponse<byte[]> post =
        send(get(gateway, "/index.html").POST(HttpRequest.BodyPublishers.ofString("x")));
    assertEquals(404, post.statusCode());
  }

  @Test
  void vendorScriptsAreTheDistFilesOfThePortalsDependenciesOnly() {
    assertServed(
        "/vendor/resizer/resizer.js", "text/javascript; charset=utf-8", "self.resize = 1;");
    assertEquals(
        404, send(get(gateway, "/vendor/resizer/package.json")).statusCode(), "outside dist");
    assertEquals(
        404, send(get(gateway, "/vendor/stray/stray.js")).statusCode(), "not a dependency");
    assertEquals(404, send(get(gateway, "/node_modules/resizer/dist/resizer.js")).statusCode());
    assertEquals(404, send(get(gateway, "/vendor/resizer/../package.json")).statusCode());
  }

  @Test
  void missingFilesAre404() {
    assertEquals(404, send(get(gateway, "/nope.js")).statusCode());
  }

  @Test
  void pathTraversalIsRefused() throws IOException {
    for (String path :
        new String[] {
          "/../secret.txt",
          "/%2e%2e/secret.txt",
          "/styles/..%2f..%2fsecret.txt",
          "/c/acme/assets/../../../secret.txt",
          "/c/acme/assets/%2e%2e/%2e%2e/%2e%2e/secret.txt",
          "/styles/%5c..%5c..%5csecret.txt"
        }) {
      String response = rawGet(path);
      assertTrue(
          response.startsWith("HTTP/1.1 404"),
          path + " -> " + response.lines().findFirst().orElse(""));
      assertFalse(response.contains("outside the portal"), path);
    }
  }

  @Test
  void withoutAStaticDirectoryThosePathsAre404() {
    try (LocalGateway bare = GatewayFixture.start(GatewayFixture.config(issuer).build())) {
      assertEquals(404, send(get(bare, "/index.html")).statusCode());
      assertEquals(404, send(get(bare, "/c/acme/")).statusCode());
    }
  }

  /** Sends the path exactly as written; HTTP clients would normalise the dots away. */
  private static String rawGet(String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
