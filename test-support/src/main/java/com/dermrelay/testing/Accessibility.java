package com.dermrelay.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.dermrelay.local.LocalStackConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (pinned in local-dev/package.json, installed by {@code npm ci}) on the page the
 * browser shows and fails the test with a readable list when any violation is {@code serious} or
 * {@code critical}. Minor and moderate findings are not failures: they are judgement calls the
 * rules get wrong often enough (issue 6 sets the bar at serious).
 *
 * <p>The script is injected through WebDriver, not a {@code <script>} tag, so the portal's
 * Content-Security-Policy stays as strict as production's.
 */
public final class Accessibility {
  private static final List<String> FAILING_IMPACTS = List.of("serious", "critical");
  private static volatile String axeSource;

  private Accessibility() {}

  /**
   * Checks the whole current document.
   *
   * @param page what the page is, for the failure message (e.g. "patient sign-in, northside")
   */
  public static void check(WebDriver browser, String page) {
    List<String> problems = violations(browser);
    if (!problems.isEmpty()) {
      fail(
          "axe-core found "
              + problems.size()
              + " serious or critical accessibility problem(s) on "
              + page
              + " ("
              + browser.getCurrentUrl()
              + "):\n"
              + String.join("\n", problems));
    }
  }

  /** The serious and critical violations as lines: rule, impact, help, and each offending node. */
  @SuppressWarnings("unchecked")
  public static List<String> violations(WebDriver browser) {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    if (!Boolean.TRUE.equals(js.executeScript("return Boolean(window.axe);"))) {
      // Run as WebDriver's own script (not eval, which the CSP forbids); it sets window.axe.
      js.executeScript(axe());
    }
    // executeAsyncScript hands the callback in as the last argument.
    Object result =
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "window.axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                + "  nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))}))))"
                + ".catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));");
    List<String> lines = new ArrayList<>();
    for (Map<String, Object> violation : (List<Map<String, Object>>) result) {
      if (!FAILING_IMPACTS.contains(String.valueOf(violation.get("impact")))) {
        continue;
      }
      lines.add(
          "- "
              + violation.get("id")
              + " ("
              + violation.get("impact")
              + "): "
              + violation.get("help"));
      for (Map<String, Object> node : (List<Map<String, Object>>) violation.get("nodes")) {
        String summary = String.valueOf(node.get("summary")).replace("\n", " ");
        lines.add("    at " + node.get("target") + ": " + summary);
      }
    }
    return lines;
  }

  private static String axe() {
    String source = axeSource;
    if (source == null) {
      Path file =
          LocalStackConfig.defaults()
              .localDevDir()
              .resolve("node_modules")
              .resolve("axe-core")
              .resolve("axe.min.js");
      try {
        source = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "axe-core is missing: run `npm ci` in local-dev (" + file + ")", e);
      }
      axeSource = source;
    }
    return source;
  }
}
