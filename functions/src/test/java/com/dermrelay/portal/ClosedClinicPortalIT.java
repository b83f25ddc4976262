package com.dermrelay.portal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.BrowserExtension;
import com.dermrelay.testing.TestClinics;
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
 * taking new cases instead of offering the wizard.
 */
@ExtendWith({LocalStackExtension.class, BrowserExtension.class})
class ClosedClinicPortalIT {

  @Test
  void theStartPageSaysTheClinicIsNotTakingNewCasesAndOffersItsContact(LocalStack stack, WebDriver browser) {
    ApiCalls api = new ApiCalls(stack);
    String slug = "shut-" + UUID.randomUUID().toString().substring(0, 8);
    String admin = TestClinics.adminOfNewClinic(stack, slug);
    String email = "kept." + UUID.randomUUID() + "@example.com";
    stack.identity().createConfirmedUser(email, "Kept-Patient-1",
        Map.of("email", email, "name", "Kim Kept", "custom:tenantId", slug), Set.of("patient"));
    String supportEmail = TestClinics.setAccepting(api, slug, admin, false)
        .at("/config/branding/supportEmail").asText();

    PatientPortalPage portal = new PatientPortalPage(stack, browser).open(slug, "");
    assertTrue(browser.findElements(By.id("create-account-link")).isEmpty(), "no account creation offered");
    assertTrue(portal.text("#clinic-closed").contains("not taking new cases"), portal.text("#clinic-closed"));
    assertTrue(portal.text("#clinic-closed").contains(supportEmail));

    portal.type("email", email);
    portal.type("password", "Kept-Patient-1");
    portal.submit();
    portal.awaitHeading("Hello, Kim");
    assertTrue(browser.findElements(By.id("start-case")).isEmpty(), "no new consultation offered");
    assertTrue(portal.text("#clinic-closed").contains("not taking new cases"), portal.text("#clinic-closed"));
    assertTrue(portal.text("#clinic-closed").contains(supportEmail));
    portal.accessible("patient home, clinic closed");
  }
}
