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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dermatologist workbench as a test drives it, on a desktop-sized window. */
public final class WorkbenchPage {
  /** The demo dermatologist, a member of both demo clinics. */
  public static final String CHEN = "dr.chen@dermrelay.example";

  public static final String CHEN_PASSWORD = "Demo-Dermatologist-1";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final LocalStack stack;
  private final WebDriver browser;

  /** The page's wait, for a test's own conditions. */
  public final WebDriverWait wait;

  public WorkbenchPage(LocalStack stack, WebDriver browser) {
    this.stack = stack;
    this.browser = browser;
    this.wait = new WebDriverWait(browser, Duration.ofSeconds(15));
  }

  /**
   * Opens {@code path} (e.g. /workbench/) signed out, with the identity service's port passed by
   * ?config=.
   */
  public WorkbenchPage open(String path) {
    browser.manage().window().setSize(new Dimension(1440, 1000));
    browser.get(stack.gatewayUrl() + "/runtime-config.json");
    script("window.sessionStorage.clear(); window.localStorage.clear();");
    browser.get(
        stack.gatewayUrl()
            + path
            + (path.contains("?") ? "&" : "?")
            + "config="
            + configParameter());
    heading();
    return this;
  }

  public WorkbenchPage signIn(String email, String password) {
    visible("#sign-in-form");
    type("email", email);
    type("password", password);
    visible("#sign-in-form button[type='submit']").click();
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

  /** The worklist's rows once loaded: data-case of each. */
  public List<String> worklistCases() {
    visible("#worklist, #worklist-empty");
    // The list re-renders (countdowns, a refresh): read it again if a row went stale under us.
    return wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d ->
                d.findElements(By.cssSelector("#worklist tbody tr")).stream()
                    .map(row -> row.getAttribute("data-case"))
                    .toList());
  }

  /**
   * Shows more of the worklist until every one of {@code caseIds} is listed (or there is no more).
   */
  public List<String> worklistWith(String... caseIds) {
    List<String> rows = worklistCases();
    while (!rows.containsAll(List.of(caseIds)) && !all("#worklist-more").isEmpty()) {
      int before = rows.size();
      click("#worklist-more");
      wait.until(d -> worklistCases().size() > before || all("#worklist-more").isEmpty());
      rows = worklistCases();
    }
    return rows;
  }

  public WebElement row(String caseId) {
    return visible("#worklist tr[data-case='" + caseId + "']");
  }

  /**
   * The priority a worklist row shows, as the dermatologist reads it ("Urgent", "Soon", "Routine").
   */
  public String priorityOf(String caseId) {
    return wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> row(caseId).findElement(By.cssSelector(".priority")).getText());
  }

  /** Opens a case from its row without claiming it, once its history shows. */
  public void openCase(String caseId) {
    row(caseId).findElement(By.cssSelector("button[data-action='open']")).click();
    visible("#case-view[data-case='" + caseId + "'] #history");
  }

  public WebElement visible(String css) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  public List<WebElement> all(String css) {
    return browser.findElements(By.cssSelector(css));
  }

  public void type(String name, String text) {
    WebElement input = visible("main [name='" + name + "']");
    input.clear();
    input.sendKeys(text);
  }

  /** Keys to whatever has focus (shortcuts go to the page, not to a field). */
  public void press(CharSequence... keys) {
    browser.switchTo().activeElement().sendKeys(keys);
  }

  /** Keys with nothing focused but the page body, as a dermatologist using shortcuts would. */
  public void shortcut(CharSequence... keys) {
    script(
        "document.activeElement && document.activeElement.blur && document.activeElement.blur();");
    browser.findElement(By.tagName("body")).sendKeys(keys);
  }

  public void ctrlEnterIn(String name) {
    visible("main [name='" + name + "']").sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
  }

  public void click(String css) {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
  }

  public String text(String css) {
    return visible(css).getText();
  }

  public String attribute(String css, String name) {
    return visible(css).getAttribute(name);
  }

  public String fieldError(String name) {
    WebElement input = browser.findElement(By.cssSelector("main [name='" + name + "']"));
    wait.until(driver -> "true".equals(input.getAttribute("aria-invalid")));
    return browser
        .findElement(By.id(input.getAttribute("aria-describedby").split(" ")[0]))
        .getText();
  }

  /**
   * The type-ahead: types {@code query} into the diagnosis field and takes the first match with
   * Enter.
   */
  public String chooseDiagnosis(String query) {
    type("diagnosis", query);
    visible("#answer-form [role='option'][data-code]");
    press(Keys.ENTER);
    wait.until(d -> attribute("main [name='diagnosis']", "value").contains("("));
    return attribute("main [name='diagnosis']", "value");
  }

  /** Adds a prescription row and fills it in. */
  public void addPrescription(
      String medicine, String strength, String directions, String quantity) {
    click("#add-prescription");
    int row = all("#answer-form [name^='rx-medicine-']").size();
    type("rx-medicine-" + row, medicine);
    type("rx-strength-" + row, strength);
    type("rx-directions-" + row, directions);
    type("rx-quantity-" + row, quantity);
  }

  public Object script(String javascript, Object... arguments) {
    return ((JavascriptExecutor) browser).executeScript(javascript, arguments);
  }

  /**
   * Checks the page with axe-core, then saves it under target/screenshots/{name}.png; returns the
   * file.
   */
  public Path screenshot(String name) {
    Accessibility.check(browser, name);
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
