package com.dermrelay.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.BrowserExtension;
import com.dermrelay.testing.ClinicStaff;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.TestClinics;
import com.dermrelay.testing.portal.WorkbenchPage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The dermatologist's minute (issue 21, parts 2 and 4), in a real browser and without the mouse:
 * from the worklist, claim and open the next case, step through and zoom the photos, type the
 * diagnosis, accept the template, send, and land on the next case; then the same kind of routine
 * case answered without a template. A listener in the page counts every key press (a chord is one)
 * and every mouse press; the test asserts no mouse at all and the count targets (at most 12 with a
 * template, at most half of the untemplated path). Wall times are printed, never asserted
 * (docs/performance.md, "The dermatologist's minute").
 */
@ExtendWith({LocalStackExtension.class, BrowserExtension.class})
class KeyboardOnlyAnswerIT {
  /** Counts actions from here on; hash routes keep the page, so the counters live on. */
  private static final String COUNT_ACTIONS =
      "window.__keys = 0; window.__clicks = 0;"
          + "document.addEventListener('keydown', (e) => {"
          + "  if (!['Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) window.__keys++; }, true);"
          + "document.addEventListener('mousedown', () => window.__clicks++, true);";

  @Test
  void aRoutineCaseIsAnsweredFromTheKeyboardWithATemplateInAFractionOfTheActions(
      LocalStack stack, WebDriver browser) throws Exception {
    String clinic = "keyboard-" + UUID.randomUUID().toString().substring(0, 8);
    ApiCalls api = new ApiCalls(stack);
    TestClinics.adminOfSeededClinic(
        stack, clinic, c -> c.putArray("languages").add("en").add("es"));
    String email = "keys-" + UUID.randomUUID() + "@dermrelay.example";
    // A dermatologist of this clinic only, so the worklist holds just this test's cases.
    String dermatologist = ClinicStaff.dermatologistOf(stack, api, clinic, "Dr Keys", email);
    HttpResponse<String> template =
        api.call(
            "PUT",
            "/clinics/" + clinic + "/me/answer-templates/my-acne",
            dermatologist,
            acneTemplate().toString());
    assertEquals(200, template.statusCode(), template.body());
    IntakeJourney journey = new IntakeJourney(stack, api);
    String one = journey.submit(clinic, IntakeJourney.routineIntake()).caseId();
    String two = journey.submit(clinic, IntakeJourney.routineIntake()).caseId();

    WorkbenchPage workbench =
        new WorkbenchPage(stack, browser).open("/workbench/").signIn(email, ClinicStaff.PASSWORD);
    workbench.awaitHeading("Worklist");
    // Equal priority and due time (the stack's clock may stand still): the worklist decides.
    List<String> rows = workbench.worklistWith(one, two);
    String first = rows.indexOf(one) < rows.indexOf(two) ? one : two;
    String second = first.equals(one) ? two : one;
    // "?" lists the shortcuts, the new ones among them.
    workbench.shortcut("?");
    String shortcuts = workbench.text("#shortcuts-dialog[open]");
    assertTrue(
        shortcuts.contains("Use the template offered for the diagnosis")
            && shortcuts.contains("Type the diagnosis")
            && shortcuts.contains("Next / previous photo"),
        shortcuts);
    workbench.press(Keys.ESCAPE);
    workbench.wait.until(d -> workbench.all("#shortcuts-dialog[open]").isEmpty());

    // With the template: worklist open -> answer sent.
    workbench.script(COUNT_ACTIONS);
    long start = System.nanoTime();
    workbench.press("c");
    workbench.visible("#case-view[data-case='" + first + "'] #claim-bar[data-claim='mine']");
    reviewPhotosAndTypeDiagnosis(workbench);
    workbench.visible("#template-offer button[aria-keyshortcuts='Alt+T']");
    workbench.press(Keys.chord(Keys.ALT, "t"));
    workbench.wait.until(
        d -> workbench.attribute("main [name='patientExplanation']", "value").startsWith("Acne"));
    long axeStart = System.nanoTime();
    workbench.screenshot("workbench-keyboard-template"); // axe: the page as it is sent
    long axeNanos = System.nanoTime() - axeStart; // the check's own time is not the user's
    workbench.press(Keys.chord(Keys.CONTROL, Keys.ENTER));
    workbench.visible("#case-view[data-case='" + second + "'] #history");
    long templatedMs = (System.nanoTime() - start - axeNanos) / 1_000_000;
    long templated = counter(workbench, "__keys");

    // Without a template: the same routine answer typed (explanation, plan, follow-up).
    workbench.script("window.__keys = 0;");
    start = System.nanoTime();
    workbench.press("c");
    workbench.visible("#case-view[data-case='" + second + "'] #claim-bar[data-claim='mine']");
    reviewPhotosAndTypeDiagnosis(workbench);
    tabTo(workbench, "patientExplanation");
    workbench.press(EXPLANATION);
    tabTo(workbench, "treatmentPlan");
    workbench.press(PLAN);
    tabTo(workbench, "followUpDays");
    workbench.press("56");
    workbench.press(Keys.chord(Keys.CONTROL, Keys.ENTER));
    workbench.wait.until(d -> workbench.all("#case-view[data-case='" + second + "']").isEmpty());
    long untemplatedMs = (System.nanoTime() - start) / 1_000_000;
    long untemplated = counter(workbench, "__keys");

    System.out.printf(
        "dermatologist's minute: with template %d actions, %d ms; without %d actions, %d ms%n",
        templated, templatedMs, untemplated, untemplatedMs);
    assertEquals(0, counter(workbench, "__clicks"), "no mouse from worklist to sent answer");
    assertTrue(templated <= 12, "a templated routine answer takes " + templated + " actions");
    assertTrue(
        templated * 2 <= untemplated,
        "templated " + templated + " is not at most half of untemplated " + untemplated);
    JsonNode answer = storedAnswer(api, clinic, first);
    assertEquals("my-acne", answer.get("templateId").asText());
    assertEquals(1, answer.get("templateVersion").asInt());
    assertTrue(!storedAnswer(api, clinic, second).has("templateId"), "typed, not templated");
  }

  private static final String EXPLANATION =
      "This is acne: the oil glands make more oil and the pores block. It is common and treatable.";
  private static final String PLAN = "Adapalene gel every evening for 8 weeks, then new photos.";

  /** c already pressed: next photo, zoom, then the diagnosis typed and picked with Enter. */
  private static void reviewPhotosAndTypeDiagnosis(WorkbenchPage workbench) {
    workbench.wait.until(d -> workbench.attribute("#viewer-current", "data-photo") != null);
    String before = workbench.attribute("#viewer-current", "data-photo");
    workbench.press("]");
    workbench.wait.until(d -> !before.equals(workbench.attribute("#viewer-current", "data-photo")));
    workbench.press("+");
    assertEquals("125%", workbench.text("#viewer-current-zoom"));
    workbench.press("d");
    workbench.wait.until(
        d -> "diagnosis".equals(workbench.script("return document.activeElement.name;")));
    workbench.press("acne");
    workbench.visible(
        "#answer-form [role='option'][data-code='acne-vulgaris'][aria-selected='true']");
    workbench.press(Keys.ENTER);
    workbench.wait.until(
        d -> workbench.attribute("main [name='diagnosis']", "value").contains("("));
  }

  private static void tabTo(WorkbenchPage workbench, String name) {
    for (int i = 0; i < 12; i++) {
      if (name.equals(workbench.script("return document.activeElement.name;"))) {
        return;
      }
      workbench.press(Keys.TAB);
    }
    throw new AssertionError("Tab never reached " + name);
  }

  private static long counter(WorkbenchPage workbench, String name) {
    return ((Number) workbench.script("return window." + name + ";")).longValue();
  }

  private static JsonNode storedAnswer(ApiCalls api, String clinic, String caseId)
      throws Exception {
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      Map<String, AttributeValue> item =
          dynamoDb
              .getItem(
                  r ->
                      r.tableName(LocalStackConfig.TABLE)
                          .consistentRead(true)
                          .key(
                              Map.of(
                                  "pk",
                                      AttributeValue.fromS("TENANT#" + clinic + "#CASE#" + caseId),
                                  "sk", AttributeValue.fromS("ANSWER#000"))))
              .item();
      return ApiCalls.JSON.readTree(item.get("doc").s()).get("content");
    }
  }

  private static ObjectNode acneTemplate() {
    ObjectNode body = ApiCalls.JSON.createObjectNode();
    body.put("version", 0).put("diagnosisCode", "acne-vulgaris").put("title", "My acne answer");
    ObjectNode en = body.putObject("texts").putObject("en");
    en.put("patientExplanation", EXPLANATION.replace("This is acne", "Acne"))
        .put("treatmentPlan", PLAN)
        .putArray("prescriptions")
        .addObject()
        .put("medicine", "Adapalene")
        .put("strength", "0.1%")
        .put("form", "gel")
        .put("directions", "Thin layer every evening.")
        .put("quantity", "45 g")
        .put("refills", 1);
    body.putObject("followUp").put("inDays", 56);
    body.putObject("referral").put("advised", false);
    return body;
  }
}
