package com.dermrelay.portal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.openqa.selenium.WebDriver;

/**
 * A clinic closed to new patients, in the patient portal: the sign-in page offers no account
 * creation but the clinic's contact, and a signed-in patient's start page says the clinic is not
 * taking new cases instead of offering the wizard. The clinic admin closes and reopens it with the
 * console's settings checkbox.
 */
@ExtendWith({LocalStackExtension.class, BrowserExtension.class})
class ClosedClinicPortalIT {

  @Test
  void theStartPageSaysTheClinicIsNotTakingNewCasesAndOffersItsContact(
      LocalStack stack, WebDriver browser) {
    ApiCalls api = new ApiCalls(stack);
    String slug = "shut-" + UUID.randomUUID().toString().substring(0, 8);
    String admin = TestClinics.adminOfNewClinic(stack, slug);
    String email = "kept." + UUID.randomUUID() + "@example.com";
    stack
        .identity()
        .createConfirmedUser(
            email,
            "Kept-Patient-1",
            Map.of("email", email, "name", "Kim Kept", "custom:tenantId", slug),
            Set.of("patient"));
    String supportEmail =
        TestClinics.setAccepting(api, slug, admin, false)
            .at("/config/branding/supportEmail")
            .asText();

    PatientPortalPage portal = new PatientPortalPage(stack, browser).open(slug, "");
    assertTrue(
        browser.findElements(By.id("create-account-link")).isEmpty(),
        "no account creation offered");
    assertTrue(
        portal.text("#clinic-closed").contains("not taking new cases"),
        portal.text("#clinic-closed"));
    assertTrue(portal.text("#clinic-closed").contains(supportEmail));

    portal.type("email", email);
    portal.type("password", "Kept-Patient-1");
    portal.submit();
    portal.awaitHeading("Hello, Kim");
    assertTrue(browser.findElements(By.id("start-case")).isEmpty(), "no new consultation offered");
    assertTrue(
        portal.text("#clinic-closed").contains("not taking new cases"),
        portal.text("#clinic-closed"));
    assertTrue(portal.text("#clinic-closed").contains(supportEmail));
    portal.accessible("patient home, clinic closed");
  }

  @Test
  void anAdminClosesAndReopensTheClinicWithTheSettingsCheckbox(
      LocalStack stack, WebDriver browser) {
    ApiCalls api = new ApiCalls(stack);
    String slug = "toggle-" + UUID.randomUUID().toString().substring(0, 8);
    TestClinics.adminOfNewClinic(stack, slug);
    ClinicConsolePage console =
        new ClinicConsolePage(stack, browser)
            .open()
            .signIn(TestClinics.adminEmail(slug), TestClinics.ADMIN_PASSWORD);
    console.awaitHeading("Dashboard");
    console.section("settings", "Service settings", "#settings-form");
    assertTrue(console.visible("#accepting-new-patients").isSelected(), "open by default");
    assertTrue(console.text("#settings-form").contains("Take new patients and new cases"));

    console.click("#accepting-new-patients");
    console.submit("#settings-form");
    assertTrue(
        console.topMessage("#settings-form").startsWith("Saved."),
        console.topMessage("#settings-form"));
    assertFalse(
        branding(api, slug).path("acceptingNewPatients").asBoolean(true),
        "closed for the public too");

    console.click("#accepting-new-patients");
    console.submit("#settings-form");
    assertTrue(
        console.topMessage("#settings-form").startsWith("Saved."),
        console.topMessage("#settings-form"));
    assertTrue(branding(api, slug).path("acceptingNewPatients").asBoolean(false), "open again");
  }

  private static com.fasterxml.jackson.databind.JsonNode branding(ApiCalls api, String slug) {
    return ApiCalls.json(api.get("/public/clinics/" + slug + "/branding", null));
  }
}
