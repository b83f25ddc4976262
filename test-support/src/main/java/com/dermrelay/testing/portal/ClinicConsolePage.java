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
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The clinic console as a test drives it, on a desktop-sized window. */
public final class ClinicConsolePage {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final LocalStack stack;
  private final WebDriver browser;

  /** The page's wait, for a test's own conditions. */
  public final WebDriverWait wait;

  public ClinicConsolePage(LocalStack stack, WebDriver browser) {
    this.stack = stack;
    this.browser = browser;
    this.wait = new WebDriverWait(browser, Duration.ofSeconds(15));
  }

  /** Opens /console/ signed out, with the local identity service's port passed by ?config=. */
  public ClinicConsolePage open() {
    return open("console");
  }

  /**
   * As {@link #open()}, for another staff app built the same way (e.g. {@code operator}, the
   * operator console at /operator/).
   */
  public ClinicConsolePage open(String app) {
    browser.manage().window().setSize(new Dimension(1280, 900));
    browser.get(stack.gatewayUrl() + "/runtime-config.json");
    script("window.sessionStorage.clear(); window.localStorage.clear();");
    browser.get(stack.gatewayUrl() + "/" + app + "/?config=" + configParameter());
    heading();
    return this;
  }

  public ClinicConsolePage signIn(String email, String password) {
    awaitHeading("Sign in to your clinic console");
    type("email", email);
    type("password", password);
    submit("#sign-in-form");
    return this;
  }

  private String configParameter() {
    try {
      return URLEncoder.encode(
          JSON.writeValueAsString(
              Map.of(
                  "identityUrl", stack.identityUrl(),
                  "clientId", stack.identity().clientId(),
                  "userPoolId", stack.identity().userPoolId())),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String heading() {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main h1")))
        .getText();
  }

  public void awaitHeading(String text) {
    wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), text));
  }

  /** Opens a section from the navigation and waits for its form or table. */
  public void section(String name, String heading, String readyCss) {
    visible("#console-nav a[data-section='" + name + "']").click();
    awaitHeading(heading);
    visible(readyCss);
  }

  public WebElement visible(String css) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  public void type(String name, String text) {
    WebElement input = visible("main [name='" + name + "']");
    input.clear();
    input.sendKeys(text);
  }

  public String value(String name) {
    return visible("main [name='" + name + "']").getAttribute("value");
  }

  public void submit(String formCss) {
    browser.findElement(By.cssSelector(formCss + " button[type='submit']")).click();
  }

  public void click(String css) {
    visible(css).click();
  }

  public String text(String css) {
    return visible(css).getText();
  }

  /** The message at the top of a form (error or confirmation), once there is one. */
  public String topMessage(String formCss) {
    return visible(formCss + " .error-summary, " + formCss + " .status-message").getText();
  }

  public String fieldError(String name) {
    WebElement input = browser.findElement(By.cssSelector("main [name='" + name + "']"));
    wait.until(driver -> "true".equals(input.getAttribute("aria-invalid")));
    return browser
        .findElement(By.id(input.getAttribute("aria-describedby").split(" ")[0]))
        .getText();
  }

  public String cssValue(String css, String property) {
    return visible(css).getCssValue(property);
  }

  public Object script(String javascript) {
    return ((JavascriptExecutor) browser).executeScript(javascript);
  }

  /** Checks the page with axe-core, then saves it under target/screenshots/{name}.png. */
  public void screenshot(String name) {
    Accessibility.check(browser, name);
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(
          SCREENSHOTS.resolve(name + ".png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
