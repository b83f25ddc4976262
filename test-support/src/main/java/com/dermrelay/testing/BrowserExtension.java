package com.dermrelay.testing;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A real browser for portal tests: Debian's headless Chromium through its chromedriver, one per
 * test class, closed after it. {@code CHROMIUM} and {@code CHROMEDRIVER} override the binaries. A
 * test fails when the page reported a Content-Security-Policy violation: the local gateway sends
 * production's policy, and something it blocks (a script, a style, an image, a request) may
 * otherwise go unnoticed.
 */
public final class BrowserExtension
    implements ParameterResolver, AfterEachCallback, AfterAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(BrowserExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == WebDriver.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // The browser belongs to the test class: a test method's parameter is resolved in the
    // method's context, whose store would start (and leak) one browser per method.
    return classContext(context)
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Browser.class, type -> new Browser(start()), Browser.class)
        .driver();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Browser browser = classContext(context).getStore(NAMESPACE).get(Browser.class, Browser.class);
    if (browser == null) {
      return;
    }
    // Reading the log empties it, so each test sees only its own pages' reports.
    List<String> violations =
        browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
            .map(LogEntry::getMessage)
            .filter(message -> message.contains("Content Security Policy"))
            .toList();
    if (!violations.isEmpty()) {
      throw new AssertionError(
          "the page broke its Content-Security-Policy:\n" + String.join("\n", violations));
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Browser browser =
        classContext(context).getStore(NAMESPACE).remove(Browser.class, Browser.class);
    if (browser != null) {
      browser.close();
    }
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  /** Closed by JUnit with its store if afterAll never runs, so no Chromium outlives the run. */
  private record Browser(WebDriver driver) implements AutoCloseable {
    @Override
    public void close() {
      driver.quit();
    }
  }

  private static WebDriver start() {
    String driverPath = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");
    String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    if (!new File(driverPath).canExecute() || !new File(chromium).canExecute()) {
      String missing =
          "browser tests need Debian's chromium and chromium-driver "
              + "(apt-get install -y chromium chromium-driver); missing "
              + driverPath
              + " or "
              + chromium;
      // A developer's machine may lack them and still run every other test; CI installs them
      // and must never skip.
      if (System.getenv("CI") != null) {
        throw new IllegalStateException(missing);
      }
      Assumptions.abort(missing);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    // Headless and quiet: the build machines have no display and no network beyond loopback.
    options.addArguments(
        List.of(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-extensions",
            "--disable-sync",
            "--no-first-run",
            "--disable-component-update",
            "--window-size=390,844"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(driverPath))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }
}
