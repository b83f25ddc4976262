package com.dermrelay.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.BrowserExtension;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.TestClinics;
import com.dermrelay.testing.portal.ClinicConsolePage;
import com.dermrelay.testing.portal.WorkbenchPage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Answer templates in a real browser (issue 21): a clinic admin imports the starter set, reviews
 * and edits a template in the console, in English and in Spanish; a dermatologist choosing a
 * diagnosis is offered the clinic's template, applies it (in either of its languages, Alt+T from
 * the keyboard), edits nothing or anything, sends, and the answer records the template.
 */
@ExtendWith({LocalStackExtension.class, BrowserExtension.class})
class AnswerTemplatesPortalIT {
  private static final String NORTHSIDE = "northside-skin";

  @Test
  void aClinicAdminImportsTheStarterSetThenReviewsAndEditsATemplate(
      LocalStack stack, WebDriver browser) {
    String slug = "templates-console-en";
    String token =
        TestClinics.adminOfSeededClinic(
            stack, slug, c -> c.putArray("languages").add("en").add("es"));
    ClinicConsolePage console = new ClinicConsolePage(stack, browser).open();
    console.signIn(TestClinics.adminEmail(slug), TestClinics.ADMIN_PASSWORD);
    console.awaitHeading("Dashboard");
    console.section("templates", "Answer templates", "#no-templates");

    console.click("#import-starters");
    console.wait.until(d -> console.text("#templates .status-message").contains("20 templates"));
    String acne = "#templates-table tr[data-template='starter-acne-vulgaris']";
    assertEquals("Needs clinical review", console.text(acne + " [data-needs-review]"));
    console.screenshot("console-answer-templates");

    console.click(acne + " button");
    console.visible("#needs-review");
    assertTrue(
        console.visible("#template-sources a").getAttribute("href").startsWith("https://"),
        "a starter template shows the public sources it was written from");
    assertTrue(console.value("explanation-es").contains("acné"), "both languages are there");
    console.screenshot("console-answer-template-editor");

    // A refusal of the API lands on its field; nothing is saved.
    console.type("followUpDays", "400");
    console.submit("#template-form");
    assertEquals(
        "This must be a number of days from 1 to 365.", console.fieldError("followUpDays"));
    console.type("followUpDays", "42");
    console.type("plan-en", "Our clinic's acne plan.");
    console.click("main [name='reviewed']");
    console.submit("#template-form");
    console.visible(acne + " .badge--ok");
    assertTrue(console.text("#templates .status-message").startsWith("Saved"));

    JsonNode saved =
        ApiCalls.json(
            new ApiCalls(stack)
                .get("/clinics/" + slug + "/answer-templates/starter-acne-vulgaris", token));
    assertTrue(saved.get("reviewed").asBoolean());
    assertEquals(42, saved.at("/followUp/inDays").asInt());
    assertEquals("Our clinic's acne plan.", saved.at("/texts/en/treatmentPlan").asText());
    assertFalse(saved.at("/texts/es/treatmentPlan").asText().isBlank(), "Spanish kept as it was");

    // A new template with an id the API would refuse is stopped in the page.
    console.click("#new-template");
    console.type("templateId", "Not An Id");
    console.submit("#template-form");
    assertTrue(console.fieldError("templateId").startsWith("Use lower-case letters"));
  }

  @Test
  void aClinicAdminWorksWithTemplatesInSpanish(LocalStack stack, WebDriver browser) {
    String slug = "templates-console-es";
    TestClinics.adminOfSeededClinic(stack, slug, c -> c.putArray("languages").add("es").add("en"));
    ClinicConsolePage console = new ClinicConsolePage(stack, browser).open();
    console.awaitHeading("Sign in to your clinic console");
    console.click("button[data-language='es']");
    console.awaitHeading("Inicie sesión en la consola de su clínica");
    console.type("email", TestClinics.adminEmail(slug));
    console.type("password", TestClinics.ADMIN_PASSWORD);
    console.submit("#sign-in-form");
    console.awaitHeading("Panel");
    console.section("templates", "Plantillas de respuesta", "#no-templates");
    console.click("#import-starters");
    console.wait.until(
        d -> console.text("#templates .status-message").contains("20 plantillas añadidas"));
    String scabies = "#templates-table tr[data-template='starter-scabies']";
    assertEquals("Pendiente de revisión clínica", console.text(scabies + " [data-needs-review]"));
    console.click(scabies + " button");
    assertEquals("Editar «Scabies»", console.text("#template-form-title"));
    assertTrue(console.value("explanation-es").contains("sarna"));
    console.click("main [name='reviewed']");
    console.submit("#template-form");
    assertEquals("Revisada", console.text(scabies + " .badge--ok"));
    console.screenshot("console-answer-templates-spanish");
    // Importing again overwrites nothing.
    console.click("#import-starters");
    console.wait.until(
        d -> console.text("#templates .status-message").contains("0 plantillas añadidas"));
    assertEquals("Revisada", console.text(scabies + " .badge--ok"));
  }

  @Test
  void aDermatologistStartsFromTheClinicsTemplateAndTheAnswerRecordsIt(
      LocalStack stack, WebDriver browser) throws Exception {
    ApiCalls api = new ApiCalls(stack);
    String admin = api.idToken("admin@northside.example", "Demo-Admin-1");
    String templateId = "acne-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> put =
        api.call(
            "PUT",
            "/clinics/" + NORTHSIDE + "/answer-templates/" + templateId,
            admin,
            acneTemplate().toString());
    assertEquals(200, put.statusCode(), put.body());
    IntakeJourney.SubmittedCase c =
        new IntakeJourney(stack, api).submit(NORTHSIDE, IntakeJourney.routineIntake());

    WorkbenchPage workbench =
        new WorkbenchPage(stack, browser)
            .open("/workbench/")
            .signIn(WorkbenchPage.CHEN, WorkbenchPage.CHEN_PASSWORD);
    workbench.awaitHeading("Worklist");
    workbench.worklistWith(c.caseId());
    workbench.row(c.caseId()).findElement(By.cssSelector("button[data-action='claim']")).click();
    workbench.visible("#history");

    workbench.chooseDiagnosis("acne vulgaris");
    assertTrue(workbench.text("#template-offer").contains("Acne for the workbench test"));
    workbench.click("#template-offer button[data-template-language='es']");
    workbench.wait.until(
        d -> workbench.attribute("main [name='patientExplanation']", "value").contains("acné"));
    workbench.screenshot("workbench-template-offer");
    // Alt+T from anywhere in the form: the template in the workbench's language.
    workbench.visible("main [name='diagnosisNote']").sendKeys(Keys.chord(Keys.ALT, "t"));
    workbench.wait.until(
        d -> workbench.attribute("main [name='patientExplanation']", "value").startsWith("Acne"));
    assertEquals("Adapalene", workbench.attribute("main [name='rx-medicine-1']", "value"));
    assertEquals("56", workbench.attribute("main [name='followUpDays']", "value"));
    workbench.type("treatmentPlan", "Gel every evening; edited for this patient.");
    // Kept as the dermatologist's own template, offered before the clinic's from now on.
    workbench.click("#save-my-template");
    workbench.wait.until(
        d -> workbench.text("#my-template-status").startsWith("Saved as your template"));
    JsonNode mine =
        ApiCalls.json(
                api.get(
                    "/clinics/" + NORTHSIDE + "/me/answer-templates",
                    api.idToken(WorkbenchPage.CHEN, WorkbenchPage.CHEN_PASSWORD)))
            .at("/templates/0");
    assertEquals("my-acne-vulgaris", mine.get("id").asText());
    assertEquals("PERSONAL", mine.get("scope").asText());
    assertEquals(
        "Gel every evening; edited for this patient.", mine.at("/texts/en/treatmentPlan").asText());
    workbench.ctrlEnterIn("treatmentPlan");
    workbench.wait.until(
        d -> workbench.all("#case-view[data-case='" + c.caseId() + "']").isEmpty());

    Map<String, AttributeValue> stored = storedAnswer(api, c.caseId());
    JsonNode answer = ApiCalls.JSON.readTree(stored.get("doc").s()).get("content");
    assertEquals(templateId, answer.get("templateId").asText());
    assertEquals(1, answer.get("templateVersion").asInt());
    assertEquals(
        "Gel every evening; edited for this patient.", answer.get("treatmentPlan").asText());
  }

  private static Map<String, AttributeValue> storedAnswer(ApiCalls api, String caseId) {
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      return dynamoDb
          .getItem(
              r ->
                  r.tableName(LocalStackConfig.TABLE)
                      .consistentRead(true)
                      .key(
                          Map.of(
                              "pk", AttributeValue.fromS("TENANT#" + NORTHSIDE + "#CASE#" + caseId),
                              "sk", AttributeValue.fromS("ANSWER#000"))))
          .item();
    }
  }

  private static ObjectNode acneTemplate() {
    ObjectNode body = ApiCalls.JSON.createObjectNode();
    body.put("version", 0)
        .put("diagnosisCode", "acne-vulgaris")
        .put("title", "Acne for the workbench test")
        .put("reviewed", true);
    ObjectNode texts = body.putObject("texts");
    texts
        .putObject("en")
        .put("patientExplanation", "Acne: blocked pores and red spots; common and treatable.")
        .put("treatmentPlan", "Gel every evening for 8 weeks.")
        .putArray("prescriptions")
        .addObject()
        .put("medicine", "Adapalene")
        .put("strength", "0.1%")
        .put("form", "gel")
        .put("directions", "Thin layer every evening.")
        .put("quantity", "45 g")
        .put("refills", 1);
    texts
        .putObject("es")
        .put("patientExplanation", "Es acné: poros tapados y granos; frecuente y tratable.")
        .put("treatmentPlan", "Gel cada noche durante 8 semanas.");
    body.putObject("followUp").put("inDays", 56);
    body.putObject("referral").put("advised", false);
    return body;
  }
}
