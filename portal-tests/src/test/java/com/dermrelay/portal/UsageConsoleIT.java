package com.dermrelay.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.BrowserExtension;
import com.dermrelay.testing.ClinicStaff;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.ReviewCalls;
import com.dermrelay.testing.TestClinics;
import com.dermrelay.testing.portal.ClinicConsolePage;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
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
 * the month's CSV, and reads the section in Spanish. And the Quality section (issue 16) of another
 * clinic whose dermatologist answered one case of skin type VI: its figures, tables and CSV, in
 * English and Spanish.
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

  @Test
  void theAdminSeesTheQualityFiguresBySkinTypeAndReaderInEnglishAndSpanish(
      LocalStack stack, WebDriver browser) throws InterruptedException {
    String clinic = "qua-" + UUID.randomUUID().toString().substring(0, 8);
    String admin =
        TestClinics.adminOfSeededClinic(
            stack, clinic, c -> c.putArray("languages").add("en").add("es"));
    ApiCalls api = new ApiCalls(stack);
    String derm = ClinicStaff.dermatologistOf(stack, api, clinic, "Dr Quinn");
    IntakeJourney.SubmittedCase c =
        new IntakeJourney(stack, api)
            .submit(clinic, IntakeJourney.routineIntake().put("fitzpatrickType", 6));
    new ReviewCalls(api, derm)
        .claimAndAnswer(
            clinic, c.caseId(), ReviewCalls.eczemaAnswer("This looks like eczema.", "A cream."));
    // The answer is counted when the workflow delivers it, on its own threads: poll the API.
    long until = System.nanoTime() + 20_000_000_000L;
    while (!ApiCalls.json(quality(api, clinic, admin))
        .at("/bySkinType/0/answered")
        .asText()
        .equals("1")) {
      assertTrue(System.nanoTime() < until, "the answer is counted");
      Thread.sleep(100);
    }

    ClinicConsolePage console =
        new ClinicConsolePage(stack, browser)
            .open()
            .signIn(TestClinics.adminEmail(clinic), TestClinics.ADMIN_PASSWORD);
    console.section("quality", "Quality", "#quality-skin");
    console.click("#quality-skin summary");
    String answered = "#quality-skin-table tr[data-figure='answered']";
    assertEquals("1", console.text(answered + " td[data-group='all']"));
    assertEquals("1", console.text(answered + " td[data-group='V-VI']"));
    assertEquals("0", console.text(answered + " td[data-group='I-II']"));
    assertEquals(
        "1 / 1 (100%)",
        console.text("#quality-skin-table tr[data-figure='withinSla'] td[data-group='V-VI']"));
    console.click("#quality-concordance summary");
    assertTrue(
        console
            .text("#quality-concordance-table tr[data-group='all'][data-kind='management']")
            .contains("Not enough data: 0 cases read twice, 20 needed"));
    assertEquals("Dr Quinn", console.text("#quality-readers-table tbody th"));
    WebElement csv = console.visible("#quality-csv");
    String href = csv.getAttribute("href");
    List<String> lines =
        URLDecoder.decode(href.substring(href.indexOf(',') + 1), StandardCharsets.UTF_8)
            .lines()
            .toList();
    assertTrue(lines.get(0).startsWith("reader,skinType,submitted,"), lines.get(0));
    assertTrue(
        lines.contains(
            lines.stream()
                .filter(l -> l.startsWith("clinic,V-VI,1,"))
                .findFirst()
                .orElse("missing")),
        lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("Dr Quinn,all,")), lines.toString());
    assertTrue(lines.stream().noneMatch(l -> l.contains("eczema")), "counts only");
    console.screenshot("console-quality");

    console.click("button[data-language='es']");
    console.awaitHeading("Calidad");
    console.click("#quality-skin summary");
    assertEquals("Casos respondidos", console.text(answered + " th"));
    assertEquals("1", console.text(answered + " td[data-group='V-VI']"));
    console.click("button[data-language='en']");
    console.awaitHeading("Quality");
  }

  private static HttpResponse<String> quality(ApiCalls api, String clinic, String admin) {
    HttpResponse<String> figures = api.get("/clinics/" + clinic + "/quality", admin);
    assertEquals(200, figures.statusCode(), figures.body());
    return figures;
  }
}
