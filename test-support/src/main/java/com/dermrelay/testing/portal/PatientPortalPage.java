package com.dermrelay.testing.portal;

import com.dermrelay.local.LocalStack;
import com.dermrelay.testing.Accessibility;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The patient portal as a test drives it: opens a clinic's pages with the local stack's identity
 * service passed through the portal's loopback-only {@code ?config=} hook, fills forms, reads what
 * the patient sees.
 */
public final class PatientPortalPage {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final LocalStack stack;
  private final WebDriver browser;
  private final WebDriverWait wait;

  public PatientPortalPage(LocalStack stack, WebDriver browser) {
    this.stack = stack;
    this.browser = browser;
    // Short polls: a page change is usually there within a tenth of a second.
    this.wait = new WebDriverWait(browser, Duration.ofSeconds(15), Duration.ofMillis(100));
  }

  /** Opens {@code /c/{slug}/{route}} in a fresh tab session and waits for its first heading. */
  public PatientPortalPage open(String slug, String route) {
    // Phone first: a test that used the desktop pages before gets the phone's size back.
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    // Each test starts signed out: tokens live in sessionStorage, which a new page keeps.
    browser.get(stack.gatewayUrl() + "/runtime-config.json");
    script("window.sessionStorage.clear(); window.localStorage.clear();");
    browser.get(stack.gatewayUrl() + "/c/" + slug + "/" + route + "?config=" + configParameter());
    heading();
    return this;
  }

  private String configParameter() {
    try {
      String config =
          JSON.writeValueAsString(
              Map.of(
                  "identityUrl", stack.identityUrl(),
                  "clientId", stack.identity().clientId(),
                  "userPoolId", stack.identity().userPoolId()));
      return URLEncoder.encode(config, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The page's h1 once the app has rendered one. */
  public String heading() {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main h1")))
        .getText();
  }

  /** Waits until the h1 reads {@code text} (a view change). */
  public void awaitHeading(String text) {
    wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), text));
  }

  /** Waits until the h1 reads one of {@code texts} and returns it (a view that may be skipped). */
  public String awaitOneOfHeadings(String... texts) {
    return wait.until(
        driver -> {
          try {
            String now = driver.findElement(By.cssSelector("main h1")).getText();
            return java.util.Arrays.asList(texts).contains(now) ? now : null;
          } catch (org.openqa.selenium.NoSuchElementException
              | org.openqa.selenium.StaleElementReferenceException e) {
            return null;
          }
        });
  }

  public void type(String fieldName, String text) {
    WebElement input = browser.findElement(By.cssSelector("main input[name='" + fieldName + "']"));
    input.clear();
    input.sendKeys(text);
  }

  /** Types into whatever has the focus, as someone without a mouse does. */
  public void keys(CharSequence... keys) {
    new Actions(browser).sendKeys(keys).perform();
  }

  public void submit() {
    browser.findElement(By.cssSelector("main form button[type='submit']")).click();
  }

  /** The error message shown next to a field, once there is one. */
  public String fieldError(String fieldName) {
    WebElement input = browser.findElement(By.cssSelector("main input[name='" + fieldName + "']"));
    wait.until(driver -> "true".equals(input.getAttribute("aria-invalid")));
    String errorId = input.getAttribute("aria-describedby").split(" ")[0];
    return browser.findElement(By.id(errorId)).getText();
  }

  /** The message at the top of the form (error or confirmation), once there is one. */
  public String topMessage() {
    return wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("main .error-summary, main .status-message")))
        .getText();
  }

  public String text(String cssSelector) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)))
        .getText();
  }

  public String cssValue(String cssSelector, String property) {
    return browser.findElement(By.cssSelector(cssSelector)).getCssValue(property);
  }

  public String title() {
    return browser.getTitle();
  }

  public String path() {
    return (String) script("return window.location.pathname + window.location.search;");
  }

  /** Names of everything the portal keeps in session and local storage. */
  @SuppressWarnings("unchecked")
  public List<String> storedKeys() {
    return (List<String>)
        script(
            "return [...Object.keys(window.sessionStorage), ...Object.keys(window.localStorage)];");
  }

  public boolean logoLoaded() {
    return Boolean.TRUE.equals(
        script(
            "const img = document.getElementById('clinic-logo');"
                + "return !img.hidden && img.complete && img.naturalWidth > 0;"));
  }

  /**
   * Clicks once the page has settled: the home page draws its case list after its heading, and a
   * click meanwhile may land on an element the list then moves, covers or draws again.
   */
  public void click(String cssSelector) {
    wait.until(driver -> driver.findElements(By.cssSelector("#my-cases .loading")).isEmpty());
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .ignoring(StaleElementReferenceException.class)
        .ignoring(ElementClickInterceptedException.class)
        .until(
            driver -> {
              WebElement element =
                  ExpectedConditions.elementToBeClickable(By.cssSelector(cssSelector))
                      .apply(driver);
              if (element == null) {
                return false;
              }
              element.click();
              return true;
            });
  }

  /** Fails on any serious or critical axe-core finding on the page as it is now. */
  public void accessible(String page) {
    Accessibility.check(browser, page);
  }

  public Object script(String javascript) {
    return ((JavascriptExecutor) browser).executeScript(javascript);
  }

  /**
   * Saves what the browser shows under {@code target/screenshots/{name}.png}, after axe-core found
   * no serious or critical problem on it: every page worth a picture is checked.
   */
  public Path screenshot(String name) {
    accessible(name);
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
