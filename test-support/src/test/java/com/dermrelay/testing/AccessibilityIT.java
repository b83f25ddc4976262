package com.dermrelay.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriver;

/** The axe-core helper itself: it must be able to fail, and name what is wrong where. */
@ExtendWith(BrowserExtension.class)
class AccessibilityIT {
  private static String page(String body) {
    String html =
        "<!doctype html><html lang=\"en\"><head><title>t</title></head><body><main>"
            + body
            + "</main></body></html>";
    return "data:text/html;charset=utf-8,"
        + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Test
  void aPageWithAnUnlabelledFieldAndFaintTextFailsWithTheRulesAndPlaces(WebDriver browser) {
    browser.get(
        page(
            "<h1>Form</h1><p style=\"color:#ccc;background:#fff\">faint words</p>"
                + "<input id=\"nameless\" type=\"text\">"));
    AssertionError failure =
        assertThrows(AssertionError.class, () -> Accessibility.check(browser, "a bad page"));
    String message = failure.getMessage();
    assertTrue(message.contains("label (critical)"), message);
    assertTrue(message.contains("color-contrast (serious)"), message);
    assertTrue(message.contains("#nameless"), message);
  }

  @Test
  void aPlainLabelledPagePasses(WebDriver browser) {
    browser.get(page("<h1>Form</h1><label for=\"n\">Name</label><input id=\"n\" type=\"text\">"));
    assertDoesNotThrow(() -> Accessibility.check(browser, "a good page"));
  }
}
