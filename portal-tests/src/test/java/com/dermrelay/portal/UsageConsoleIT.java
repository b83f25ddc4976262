package com.dermrelay.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.BrowserExtension;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.TestClinics;
import com.dermrelay.testing.portal.ClinicConsolePage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The console's Usage section (issue 19), one browser: a clinic of its own whose one patient sent
 * one case with two photos; its admin sees this month's row (one case, two photos, a cost), takes
 * the month's CSV, and reads the section in Spanish.
 */
@ExtendWith({LocalStackExtension.class, BrowserExtension.class})
class UsageConsoleIT {
  private static final String CLINIC = "use-" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void theAdminSeesThisMonthsUsageTakesItsCsvAndReadsItInSpanish(
      LocalStack stack, WebDriver browser) {
    TestClinics.adminOfSeededClinic(
        stack, CLINIC, c -> c.putArray("languages").add("en").add("es"));
    ApiCalls api = new ApiCalls(stack);
    new IntakeJourney(stack, api).submit(CLINIC, IntakeJourney.routineIntake());
    // The functions' month: the stack's clock, which other test classes may have moved on.
    String month =
        stack.stepFunctions().manualClock().now().toString().substring(0, "yyyy-MM".length());

    ClinicConsolePage console =
        new ClinicConsolePage(stack, browser)
            .open()
            .signIn(TestClinics.adminEmail(CLINIC), TestClinics.ADMIN_PASSWORD);
    console.section("usage", "Usage", "#usage-table");
    String row = "#usage-table tr[data-month='" + month + "']";
    assertEquals("1", console.text(row + " .usage-cases"));
    assertTrue(console.text(row + " .usage-photos").startsWith("2 ("), console.text(row));
    assertEquals("0", console.text(row + " .usage-answers"));
    assertTrue(console.text(row + " .usage-cost").startsWith("$0.000"), console.text(row));
    assertEquals(12, browser.findElements(By.cssSelector("#usage-table tbody tr")).size());

    WebElement csv = console.visible(row + " .usage-csv");
    assertEquals("usage-" + CLINIC + "-" + month + ".csv", csv.getAttribute("download"));
    String href = csv.getAttribute("href");
    List<String> lines =
        URLDecoder.decode(href.substring(href.indexOf(',') + 1), StandardCharsets.UTF_8)
            .lines()
            .toList();
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(lines.get(0).startsWith("month,casesSubmitted,photosStored,"), lines.get(0));
    assertTrue(lines.get(1).startsWith(month + ",1,2,"), lines.get(1));
    console.screenshot("console-usage");

    console.click("button[data-language='es']");
    console.awaitHeading("Uso");
    assertEquals("Casos enviados", console.text("#usage-table thead th:nth-child(3)"));
    assertEquals("1", console.text(row + " .usage-cases"));
    assertTrue(console.text("#usage-estimate-note").contains("no es su factura"));
    console.click("button[data-language='en']");
    console.awaitHeading("Usage");
  }
}
