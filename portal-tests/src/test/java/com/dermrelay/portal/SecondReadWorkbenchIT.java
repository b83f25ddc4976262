package com.dermrelay.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.BrowserExtension;
import com.dermrelay.testing.ClinicStaff;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.ReviewCalls;
import com.dermrelay.testing.TestClinics;
import com.dermrelay.testing.portal.WorkbenchPage;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The workbench's second reads (issue 16) in a real browser: a clinic that reads every answer
 * twice; Dr Ada answers through the API; Dr Ben finds the round in the queue beside the worklist,
 * reads the case blind (Dr Ada's words are nowhere on the page), sends a diagnosis and a management
 * category, and the round leaves the queue. The queue and the form in Spanish too.
 */
@ExtendWith({LocalStackExtension.class, BrowserExtension.class})
class SecondReadWorkbenchIT {
  private static final String CLINIC = "second-read-workbench-clinic";
  private static final String FIRST_ANSWER = "Ada thinks this is eczema.";

  @Test
  void aSecondReaderFindsTheRoundReadsItBlindAndSendsARead(LocalStack stack, WebDriver browser) {
    ApiCalls api = new ApiCalls(stack);
    IntakeJourney journey = new IntakeJourney(stack, api);
    TestClinics.adminOfSeededClinic(
        stack, CLINIC, c -> c.putObject("secondReads").put("samplePercent", 100));
    String ada = ClinicStaff.dermatologistOf(stack, api, CLINIC, "Dr Ada");
    String benEmail = "ben-" + UUID.randomUUID() + "@dermrelay.example";
    String ben = ClinicStaff.dermatologistOf(stack, api, CLINIC, "Dr Ben", benEmail);
    IntakeJourney.SubmittedCase c = journey.submit(CLINIC, IntakeJourney.routineIntake());
    new ReviewCalls(api, ada)
        .claimAndAnswer(
            CLINIC, c.caseId(), ReviewCalls.eczemaAnswer(FIRST_ANSWER, "Use Ada's cream."));
    String list = "/clinics/" + CLINIC + "/second-reads";
    // The answer's workflow offers the round a moment later.
    new org.openqa.selenium.support.ui.FluentWait<>(api)
        .withTimeout(java.time.Duration.ofSeconds(15))
        .until(a -> ApiCalls.json(a.get(list, ben)).get("items").toString().contains(c.caseId()));

    WorkbenchPage workbench =
        new WorkbenchPage(stack, browser)
            .open("/workbench/")
            .signIn(benEmail, ClinicStaff.PASSWORD);
    workbench.awaitHeading("Worklist");
    // One click from the worklist: the count, then the queue, oldest first.
    workbench.wait.until(d -> workbench.text("#second-reads-count").matches("[1-9]\\d*"));
    workbench.click("#second-reads-link");
    workbench.awaitHeading("Second reads");
    String row = "#second-reads tr[data-case='" + c.caseId() + "']";
    workbench.visible(row);
    assertEquals("1", workbench.text(row + " td:nth-child(3)"), "the round answered");
    workbench.screenshot("workbench-second-reads");

    // Blind: the history and photos, nothing of Dr Ada's answer.
    workbench.click(row + " a");
    workbench.visible("#second-read-form");
    workbench.visible("#history");
    workbench.wait.until(d -> workbench.attribute("#viewer-current", "data-photo") != null);
    String page = workbench.text("main");
    assertFalse(page.contains(FIRST_ANSWER), "the first answer is not shown");
    assertFalse(page.contains("Ada's cream"), "nor its plan");

    // Sent empty: each field says what it needs; then a diagnosis and a category, sent.
    workbench.click("#send-second-read");
    assertEquals("Choose a diagnosis from the list.", workbench.fieldError("secondReadDiagnosis"));
    assertEquals("Choose a management category.", workbench.fieldError("management"));
    workbench.type("secondReadDiagnosis", "psoriasis");
    String picked =
        workbench.attribute(
            "#second-read-form [role='option'][aria-selected='true'][data-code]", "data-code");
    workbench.press(Keys.ENTER);
    workbench.wait.until(
        d -> workbench.attribute("main [name='secondReadDiagnosis']", "value").contains("("));
    new Select(workbench.visible("main [name='management']")).selectByValue("REFER_ROUTINE");
    workbench.screenshot("workbench-second-read");
    workbench.ctrlEnterIn("management");

    // Back to the queue, the item gone, and the read recorded as sent.
    workbench.awaitHeading("Second reads");
    workbench.wait.until(d -> workbench.all(row).isEmpty());
    assertTrue(
        workbench.text("main").contains("Your second read was recorded."), workbench.text("main"));
    JsonNode recorded = ApiCalls.json(api.get(list, ben));
    assertFalse(recorded.toString().contains(c.caseId()), "no longer open: " + recorded);
    JsonNode again =
        ApiCalls.json(
            api.call(
                "POST",
                list + "/" + c.caseId() + "/rounds/1",
                ben,
                "{\"diagnosisCode\":\"" + picked + "\",\"management\":\"REFER_ROUTINE\"}"));
    // The same read again answers what was recorded: what Dr Ben picked, when he sent it.
    assertEquals(picked, again.get("diagnosisCode").asText(), again.toString());
    assertEquals("REFER_ROUTINE", again.get("management").asText(), again.toString());

    // In Spanish: the queue and the form's words.
    workbench.click("button[data-language='es']");
    workbench.awaitHeading("Segundas lecturas");
    assertTrue(
        workbench.text("#second-reads-view").contains("Sus propias respuestas nunca aparecen"),
        workbench.text("#second-reads-view"));
    workbench.visible("#second-reads, #second-reads-empty");
    workbench.click("#second-reads-view nav a");
    workbench.awaitHeading("Lista de trabajo");
    assertTrue(workbench.text("#second-reads-link").startsWith("Segundas lecturas ("));
    workbench.script(
        "window.location.hash = arguments[0];", "second-read/" + CLINIC + "/" + c.caseId() + "/1");
    workbench.visible("#second-read-unavailable, #second-read-form");
    // Read already: the round is no longer offered, said in Spanish.
    assertEquals(
        "Este caso ya no espera una segunda lectura.",
        browser.findElement(By.cssSelector("#second-read-unavailable p")).getText());
    workbench.click("button[data-language='en']");
  }
}
