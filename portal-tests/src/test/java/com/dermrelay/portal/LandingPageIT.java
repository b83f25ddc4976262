package com.dermrelay.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.Accessibility;
import com.dermrelay.testing.BrowserExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The local stack's front page, in a real browser on a phone-sized window. */
@ExtendWith({LocalStackExtension.class, BrowserExtension.class})
class LandingPageIT {
  @Test
  void showsTheClinicsAndThatEveryServiceIsUp(LocalStack stack, WebDriver browser) {
    browser.get(stack.gatewayUrl() + "/");
    String health =
        new WebDriverWait(browser, Duration.ofSeconds(10))
            .until(
                driver -> {
                  String text = driver.findElement(By.id("health")).getText();
                  return text.startsWith("checking") ? null : text;
                });
    assertTrue(health.startsWith("all services up"), health);
    assertEquals(2, browser.findElements(By.cssSelector("a[href^='/c/']")).size());
    Accessibility.check(browser, "the local stack's front page");
  }

  @Test
  void theOutboxPageOpensFromIt(LocalStack stack, WebDriver browser) {
    browser.get(stack.gatewayUrl() + "/");
    browser.findElement(By.linkText("Outbox")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(driver -> driver.getCurrentUrl().endsWith("/_local/outbox/"));
    assertTrue(browser.getPageSource().toLowerCase().contains("outbox"));
    Accessibility.check(browser, "the outbox");
  }
}
