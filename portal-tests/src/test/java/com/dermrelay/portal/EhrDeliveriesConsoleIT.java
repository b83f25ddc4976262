package com.dermrelay.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.fhir.ReceiverEndpoint;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.BrowserExtension;
import com.dermrelay.testing.EhrClinic;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.portal.ClinicConsolePage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriver;

/**
 * The console's "EHR deliveries" in a real browser: a round the clinic's EHR refused is listed with
 * the EHR's reason, and "Send again" delivers it once the cause is fixed. Checked with axe.
 */
@ExtendWith({LocalStackExtension.class, BrowserExtension.class})
class EhrDeliveriesConsoleIT {
  @Test
  void aRefusedDeliveryIsListedWithItsReasonAndSentAgainFromTheConsole(
      LocalStack stack, WebDriver browser) {
    ApiCalls api = new ApiCalls(stack);
    EhrClinic clinic = EhrClinic.create(stack, api, 5);
    clinic
        .ehr()
        .fault(ReceiverEndpoint.Fault.status(422, "Unknown practitioner identifier system"));
    IntakeJourney.SubmittedCase c =
        new IntakeJourney(stack, api).submit(clinic.tenantId(), IntakeJourney.routineIntake());
    clinic.answer(api, c.caseId(), false);

    ClinicConsolePage console =
        new ClinicConsolePage(stack, browser)
            .open()
            .signIn(clinic.adminEmail(), EhrClinic.ADMIN_PASSWORD);
    console.section("ehr-deliveries", "EHR deliveries", "#ehr-table");
    String row = console.text("#ehr-table tbody tr[data-case='" + c.caseId() + "']");
    assertTrue(row.contains("Unknown practitioner identifier system"), row);
    console.screenshot("console-ehr-deliveries");

    clinic.ehr().fault(ReceiverEndpoint.Fault.NONE);
    console.click("#ehr-table tbody tr[data-case='" + c.caseId() + "'] .ehr-send");
    console.visible("#ehr-empty");
    assertTrue(
        console.text("#ehr-deliveries .status-message").contains("Delivered"),
        console.text("#ehr-deliveries .status-message"));
    assertEquals(1, clinic.ehr().received().size());
  }
}
