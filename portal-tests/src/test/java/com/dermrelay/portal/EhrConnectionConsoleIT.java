package com.dermrelay.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.fhir.ReceiverEndpoint;
import com.dermrelay.local.seed.DemoData;
import com.dermrelay.local.seed.DemoSeeder;
import com.dermrelay.local.stepfunctions.ExecutionStatus;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.BrowserExtension;
import com.dermrelay.testing.EhrClinic;
import com.dermrelay.testing.EhrDeliveries;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.portal.ClinicConsolePage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The console's "EHR connection" in a real browser: a clinic admin connects a clinic that had no
 * EHR to the local FHIR receiver with a bearer token, an answered case then arrives there with that
 * token, and after "Disconnect" answered cases are no longer sent. A plain-http address outside
 * this computer is refused next to the field. Checked with axe.
 */
@ExtendWith({LocalStackExtension.class, BrowserExtension.class})
class EhrConnectionConsoleIT {
  private static final String ADMIN_PASSWORD = "Conn-Admin-Pass-1";
  private static final String DERMATOLOGIST_PASSWORD = "Conn-Derm-Pass-1";
  private static final String TOKEN = "console-typed-token-7f3a";

  @Test
  void anAdminConnectsTheClinicsEhrWithATokenAndDisconnectingStopsDeliveries(
      LocalStack stack, WebDriver browser) {
    ApiCalls api = new ApiCalls(stack);
    String clinic = unconnectedClinic(stack, api);
    ReceiverEndpoint ehr = stack.fhirReceiver().endpoint(clinic);
    ehr.allowToken(TOKEN); // the receiver takes no Bundle without this token

    ClinicConsolePage console =
        new ClinicConsolePage(stack, browser)
            .open()
            .signIn("admin@" + clinic + ".example", ADMIN_PASSWORD);
    console.section("ehr-deliveries", "EHR deliveries", "#ehr-connection-form");
    assertTrue(
        console.text("#ehr-connection-status").startsWith("Not connected"),
        console.text("#ehr-connection-status"));

    // http to a host other than this computer: the API's pointer lands on the field, in plain
    // words.
    console.type("fhirBaseUrl", "http://ehr.example.org/fhir/R4");
    browser
        .findElement(By.cssSelector("main select[name='authType'] option[value='bearer']"))
        .click();
    console.type("token", TOKEN);
    console.submit("#ehr-connection-form");
    assertTrue(
        console.fieldError("fhirBaseUrl").contains("https://"), console.fieldError("fhirBaseUrl"));
    assertEquals(
        "fhirBaseUrl",
        console.script("return document.activeElement.name"),
        "focus on the first error");
    console.screenshot("console-ehr-connection-error");

    console.type("fhirBaseUrl", stack.fhirReceiver().baseUrl(clinic));
    console.type("token", TOKEN);
    console.submit("#ehr-connection-form");
    assertTrue(
        console.topMessage("#ehr-connection-form").startsWith("Connected."),
        console.topMessage("#ehr-connection-form"));
    assertTrue(console.text("#ehr-credentials-stored").contains("Credentials saved"));
    // Write-only: the token is gone from the page and was never kept in the browser.
    assertFalse(browser.findElement(By.cssSelector("main [name='token']")).isDisplayed());
    assertEquals(
        "", console.script("return document.querySelector(\"main [name='token']\").value"));
    assertFalse(
        String.valueOf(
                console.script(
                    "return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + location.href + document.body.innerHTML"))
            .contains(TOKEN));
    console.screenshot("console-ehr-connection");

    EhrDeliveries deliveries = new EhrDeliveries(stack, api);
    IntakeJourney journey = new IntakeJourney(stack, api);
    String dermatologist = api.idToken("dr@" + clinic + ".example", DERMATOLOGIST_PASSWORD);
    IntakeJourney.SubmittedCase first = journey.submit(clinic, IntakeJourney.routineIntake());
    EhrClinic.answer(api, clinic, dermatologist, first.caseId(), false);
    assertEquals(
        ExecutionStatus.SUCCEEDED,
        deliveries.execution(clinic, first.caseId(), 1).status(),
        () -> "not delivered: " + deliveries.record(clinic, first.caseId(), 1));
    assertEquals(
        1, ehr.received().size(), "the answered case reached the EHR with the admin's token");

    console.click("#ehr-disconnect");
    console.visible("#confirm-disconnect-text");
    console.click("#confirm-disconnect");
    assertTrue(
        console.topMessage("#ehr-connection-form").startsWith("Disconnected"),
        console.topMessage("#ehr-connection-form"));
    assertTrue(console.text("#ehr-connection-status").startsWith("Not connected"));
    JsonNode settings =
        ApiCalls.json(
            api.get(
                "/clinics/" + clinic + "/settings",
                api.idToken("admin@" + clinic + ".example", ADMIN_PASSWORD)));
    assertFalse(settings.get("config").has("ehr"), settings.toString());

    IntakeJourney.SubmittedCase second = journey.submit(clinic, IntakeJourney.routineIntake());
    EhrClinic.answer(api, clinic, dermatologist, second.caseId(), false);
    assertEquals(
        "CLOSED",
        ApiCalls.json(api.get(second.path(), second.patient().token())).get("status").asText());
    assertTrue(
        deliveries.record(clinic, second.caseId(), 1).isEmpty(),
        "no delivery for a disconnected clinic");
    assertEquals(1, ehr.received().size(), "nothing more reached the EHR");
  }

  /** A clinic of this test's own, seeded like the demo clinics but with no EHR endpoint. */
  private static String unconnectedClinic(LocalStack stack, ApiCalls api) {
    String id = "conn-" + UUID.randomUUID().toString().substring(0, 8);
    ObjectNode config = DemoData.load().tenants().get(0).config().deepCopy();
    config.put("tenantId", id).put("slug", id).put("displayName", "Connecting Clinic " + id);
    config.remove("ehr");
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      new DemoSeeder(dynamoDb, LocalStackConfig.TABLE, stack.identity())
          .seed(
              new DemoData(
                  List.of(new DemoData.Tenant(id, config)),
                  List.of(
                      new DemoData.User(
                          "admin@" + id + ".example",
                          ADMIN_PASSWORD,
                          "clinic_admin",
                          List.of(id),
                          "Sam Admin"),
                      new DemoData.User(
                          "dr@" + id + ".example",
                          DERMATOLOGIST_PASSWORD,
                          "dermatologist",
                          List.of(id),
                          "Dr. Ruiz"))));
    }
    return id;
  }
}
