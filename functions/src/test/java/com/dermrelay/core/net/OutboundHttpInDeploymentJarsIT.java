package com.dermrelay.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both deployment jars carry Apache HttpClient 5 and make EHR calls with it on their own (the shade
 * configuration used to leave it out of dermrelay-functions.jar, where delivery runs too): {@link
 * OutboundHttpJarProbe} runs in a fresh JVM whose classpath is the jar and the probe only. An
 * integration test because the jars exist from the package phase on.
 */
class OutboundHttpInDeploymentJarsIT {
  private static HttpServer ehr;
  private static final AtomicInteger REQUESTS = new AtomicInteger();

  @BeforeAll
  static void start() throws IOException {
    ehr = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    ehr.createContext(
        "/",
        exchange -> {
          REQUESTS.incrementAndGet();
          byte[] body =
              ("{\"got\":"
                      + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                      + "}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(201, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    ehr.start();
  }

  @AfterAll
  static void stop() {
    ehr.stop(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dermrelay-functions.jar", "dermrelay-fhir.jar"})
  void theJarAloneCallsAnAllowedAddressAndRefusesAnInternalOne(String jar, @TempDir Path dir)
      throws Exception {
    Path shaded = Path.of("target", jar);
    assertTrue(
        Files.isRegularFile(shaded), shaded + " is built in the package phase, before this test");
    int before = REQUESTS.get();
    String url = "http://localhost:" + ehr.getAddress().getPort() + "/fhir";

    Process probe =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                shaded + File.pathSeparator + probeOnly(dir),
                OutboundHttpJarProbe.class.getName(),
                url)
            .redirectErrorStream(true)
            .start();
    assertTrue(probe.waitFor(60, TimeUnit.SECONDS), "the probe ended");
    List<String> lines =
        new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
            .lines()
            .filter(
                line ->
                    line.startsWith("local: ")
                        || line.startsWith("aws: ")
                        || line.contains("Exception")
                        || line.contains("Error"))
            .toList();
    assertEquals(0, probe.exitValue(), String.join("\n", lines));
    assertEquals(
        List.of(
            "local: 201 {\"got\":{\"probe\":true}}",
            "aws: refused: localhost resolves to a loopback address, which is not allowed"),
        lines);
    assertEquals(before + 1, REQUESTS.get(), "only the local-stack call reached the server");
  }

  /** A directory holding the probe's class file and nothing else of the test classpath. */
  private static Path probeOnly(Path dir) throws IOException, URISyntaxException {
    String file = OutboundHttpJarProbe.class.getName().replace('.', '/') + ".class";
    Path compiled = Path.of(OutboundHttpJarProbe.class.getClassLoader().getResource(file).toURI());
    Path copy = dir.resolve(file);
    Files.createDirectories(copy.getParent());
    Files.copy(compiled, copy);
    return dir;
  }
}
