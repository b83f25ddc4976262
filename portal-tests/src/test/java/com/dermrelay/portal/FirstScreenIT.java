package com.dermrelay.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.BrowserExtension;
import com.dermrelay.testing.portal.PatientPortalPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The patient portal's first screen on a slow phone network (DevTools network emulation: 400 kbit/s
 * each way, 400 ms latency, empty cache). Asserts what a patient's phone is spared: the views of
 * later screens are not downloaded before they are needed, and text arrives compressed. The time to
 * the first screen is reported (stdout and {@code target/first-screen-slow-3g.properties}, quoted
 * in docs/performance.md), never asserted.
 */
@ExtendWith({LocalStackExtension.class, BrowserExtension.class})
class FirstScreenIT {
  /** Chrome DevTools' "Slow 3G"-like profile of the issue: bytes per second and milliseconds. */
  private static final int KILOBITS = 400;

  private static final int LATENCY_MS = 400;

  /** Modules only later screens use: the sign-in screen must not wait for them. */
  private static final List<String> LATER_SCREENS =
      List.of(
          "/patient/views/intake",
          "/patient/views/photos.js",
          "/patient/views/case.js",
          "/patient/body-map.js",
          "/patient/photo-card.js",
          "/patient/views/privacy.js");

  @Test
  void theSignInScreenComesFirstAndAloneOverASlowNetwork(LocalStack stack, WebDriver browser) {
    // Once at full speed: the loopback-only identity override is stored in the tab's session.
    new PatientPortalPage(stack, browser).open("northside", "");
    ChromiumDriver chromium = (ChromiumDriver) browser;
    chromium.executeCdpCommand("Network.enable", Map.of());
    chromium.executeCdpCommand("Network.clearBrowserCache", Map.of());
    chromium.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
    int bytesPerSecond = KILOBITS * 1000 / 8;
    chromium.executeCdpCommand(
        "Network.emulateNetworkConditions",
        Map.of(
            "offline",
            false,
            "latency",
            LATENCY_MS,
            "downloadThroughput",
            bytesPerSecond,
            "uploadThroughput",
            bytesPerSecond));
    try {
      browser.get(stack.gatewayUrl() + "/c/northside/");
      new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(20))
          .until(
              driver ->
                  "Sign in"
                      .equals(
                          script(driver, "return document.querySelector('main h1')?.textContent")));
      double visibleMs = ((Number) script(browser, "return performance.now()")).doubleValue();
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> resources =
          (List<Map<String, Object>>)
              script(
                  browser,
                  "return performance.getEntriesByType('navigation').concat("
                      + "performance.getEntriesByType('resource')).map(e => ({name: new URL(e.name).pathname,"
                      + " transfer: e.transferSize, encoded: e.encodedBodySize, decoded: e.decodedBodySize,"
                      + " end: e.responseEnd}))");

      List<String> names = resources.stream().map(r -> (String) r.get("name")).toList();
      long transferred = resources.stream().mapToLong(r -> number(r, "transfer")).sum();
      report(visibleMs, resources.size(), transferred);
      resources.forEach(
          r ->
              System.out.printf(
                  Locale.ROOT,
                  "  %-40s %7d bytes, done at %6.0f ms%n",
                  r.get("name"),
                  number(r, "transfer"),
                  ((Number) r.get("end")).doubleValue()));
      for (String later : LATER_SCREENS) {
        assertTrue(
            names.stream().noneMatch(name -> name.startsWith(later)),
            "the first screen does not download " + later + "; it loaded " + names);
      }
      for (Map<String, Object> resource : resources) {
        String name = (String) resource.get("name");
        boolean text = name.endsWith(".js") || name.endsWith(".json") || name.endsWith(".css");
        if (text && number(resource, "decoded") > 1024) {
          assertTrue(
              number(resource, "encoded") < number(resource, "decoded"),
              name + " arrives compressed (" + resource + ")");
        }
      }
    } finally {
      chromium.executeCdpCommand(
          "Network.emulateNetworkConditions",
          Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
      chromium.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
    }
    assertEquals("Sign in", new PatientPortalPage(stack, browser).heading());
  }

  private static void report(double visibleMs, int requests, long transferredBytes) {
    String figures =
        String.format(
            Locale.ROOT,
            "profile=%d kbit/s, %d ms latency, empty cache%nfirstScreenVisibleMs=%.0f%nrequests=%d%ntransferredBytes=%d%n",
            KILOBITS,
            LATENCY_MS,
            visibleMs,
            requests,
            transferredBytes);
    System.out.println("Patient portal first screen on a slow network:\n" + figures);
    try {
      Path file = Path.of("target", "first-screen-slow-3g.properties");
      Files.createDirectories(file.getParent());
      Files.writeString(file, figures.replace("profile=", "# "));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long number(Map<String, Object> resource, String key) {
    Object value = resource.get(key);
    return value instanceof Number n ? n.longValue() : 0;
  }

  private static Object script(WebDriver driver, String javascript) {
    return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(javascript);
  }
}
