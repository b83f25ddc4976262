package com.dermrelay.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.BrowserExtension;
import com.dermrelay.testing.TestClinics;
import com.dermrelay.testing.portal.ClinicConsolePage;
import com.dermrelay.testing.portal.PatientPortalPage;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;

/**
 * The operator console at /operator/: the operator signs in, sees a clinic with its plan and usage
 * and the platform's health, suspends the clinic (its patient portal then says the clinic is not
 * available and that the records are safe, and its admin's console says so too), resumes it, and
 * reads the console in Spanish; a clinic admin who signs in is told the console is not for them,
 * and the API refuses them.
 */
@ExtendWith({LocalStackExtension.class, BrowserExtension.class})
class OperatorConsoleIT {
  private static final String OPERATOR = "operator@dermrelay.example";
  private static final String OPERATOR_PASSWORD = "Demo-Operator-1";

  @Test
  void theOperatorSuspendsAClinicItsPatientSeesWhyAndTheOperatorResumesIt(
      LocalStack stack, org.openqa.selenium.WebDriver browser) {
    ApiCalls api = new ApiCalls(stack);
    // "aaop-" sorts the clinic onto the list's first page, whatever other tests created.
    String slug = "aaop-" + UUID.randomUUID().toString().substring(0, 8);
    TestClinics.adminOfSeededClinic(stack, slug);
    String email = "susie." + UUID.randomUUID() + "@example.com";
    stack
        .identity()
        .createConfirmedUser(
            email,
            "Susie-Patient-1",
            Map.of("email", email, "name", "Susie Sample", "custom:tenantId", slug),
            Set.of("patient"));

    ClinicConsolePage console = operatorConsole(stack, browser);
    String row = "#clinics-table tr[data-tenant='" + slug + "']";
    assertEquals("Active", console.text(row + " .clinic-status"));
    assertTrue(console.text(row + " .clinic-plan").startsWith("standard: 50 requests a second"));
    assertEquals("0", console.text(row + " .clinic-cases"));
    assertEquals("Answering", console.text("#health-table tr[data-service='dynamodb'] td"));

    console.click(row + " button[data-action='suspend']");
    console.submit("#clinic-action-form");
    assertEquals("Give a reason.", console.fieldError("reason"));
    console.type("reason", "Unpaid invoices since October");
    console.submit("#clinic-action-form");
    console.wait.until(textToBe(By.cssSelector(row + " .clinic-status"), "Suspended"));
    assertTrue(console.text("#operator > [role='status']").endsWith("is suspended."));

    // The patient and the admin in a tab of their own: the operator's session (sessionStorage,
    // per tab) stays signed in in the first.
    String operatorTab = browser.getWindowHandle();
    browser.switchTo().newWindow(WindowType.TAB);
    PatientPortalPage portal = new PatientPortalPage(stack, browser).open(slug, "");
    portal.type("email", email);
    portal.type("password", "Susie-Patient-1");
    portal.submit();
    portal.awaitHeading("Clinic " + slug + " is not available at the moment");
    String page = portal.text("#clinic-suspended");
    assertTrue(page.contains("Your cases and records are safe"), page);
    assertTrue(!page.contains("Unpaid"), "the operator's reason is not shown");
    portal.accessible("patient portal, clinic suspended");
    // The clinic's admin, in the clinic console, is told the same instead of failing sections.
    new ClinicConsolePage(stack, browser)
        .open()
        .signIn(TestClinics.adminEmail(slug), TestClinics.ADMIN_PASSWORD)
        .awaitHeading("Your clinic is not available at the moment");
    browser.close();
    browser.switchTo().window(operatorTab);

    ClinicConsolePage again = console;
    again.click(row + " button[data-action='resume']");
    again.type("reason", "Invoices paid");
    again.submit("#clinic-action-form");
    again.wait.until(textToBe(By.cssSelector(row + " .clinic-status"), "Active"));

    again.click("#language-switch button[data-language='es']");
    again.awaitHeading("Consola de operación");
    again.wait.until(textToBe(By.cssSelector(row + " .clinic-status"), "Activa"));
    assertEquals("Responde", again.text("#health-table tr[data-service='dynamodb'] td"));
    again.click("#language-switch button[data-language='en']");
    again.awaitHeading("Operator console");
  }

  @Test
  void aClinicAdminIsToldTheConsoleIsNotForThem(
      LocalStack stack, org.openqa.selenium.WebDriver browser) {
    String slug = "opadm-" + UUID.randomUUID().toString().substring(0, 8);
    String admin = TestClinics.adminOfSeededClinic(stack, slug);
    ClinicConsolePage console = new ClinicConsolePage(stack, browser).open("operator");
    console.awaitHeading("Sign in to the operator console");
    console.type("email", TestClinics.adminEmail(slug));
    console.type("password", TestClinics.ADMIN_PASSWORD);
    console.submit("#sign-in-form");
    console.awaitHeading("This console is not for you");
    assertTrue(console.text("#not-for-you").contains("clinic console"));
    assertEquals(403, new ApiCalls(stack).get("/platform/clinics", admin).statusCode());
  }

  private static ClinicConsolePage operatorConsole(
      LocalStack stack, org.openqa.selenium.WebDriver browser) {
    ClinicConsolePage console = new ClinicConsolePage(stack, browser).open("operator");
    console.awaitHeading("Sign in to the operator console");
    console.type("email", OPERATOR);
    console.type("password", OPERATOR_PASSWORD);
    console.submit("#sign-in-form");
    console.awaitHeading("Operator console");
    console.visible("#clinics-table");
    return console;
  }
}
