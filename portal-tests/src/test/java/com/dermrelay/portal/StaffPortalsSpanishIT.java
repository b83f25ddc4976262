package com.dermrelay.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.BrowserExtension;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.portal.ClinicConsolePage;
import com.dermrelay.testing.portal.WorkbenchPage;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The workbench and the clinic console in Spanish, in a real browser: the switch in the header, the
 * page's language, its fixed texts and views, dates and numbers written the Spanish way; and the
 * console keeping to the languages the clinic enabled.
 */
@ExtendWith({LocalStackExtension.class, BrowserExtension.class})
class StaffPortalsSpanishIT {
  /**
   * A date as Intl writes it with dateStyle medium in Spanish ("3 feb 2026"), not in English ("Feb
   * 3, 2026").
   */
  private static final String SPANISH_MEDIUM_DATE = "\\d{1,2} \\p{L}+\\.? \\d{4}";

  /**
   * Words of the staff pages' English wording that Spanish never uses; none may be left on a page
   * read in Spanish, in its text or in its aria-label, title, placeholder and alt attributes. What
   * the patient typed and the diagnosis names (kept in English) avoid these words.
   */
  private static final Pattern WORKBENCH_ENGLISH =
      Pattern.compile(
          "\\b(Claim|Photos?|History|Answer|Send|Zoom|Pan|"
              + "Prescriptions?|Referral|Follow-up|Draft|Diagnosis|Intake|Earlier|Choose|Remove|Medicine|Strength|Quantity|"
              + "Refills|Directions|Worklist|Next|Loading|round|years|Fit|Question|Close-up|Context|Urgent|Routine|score|"
              + "points|The spot|Explanation|Treatment|Back|Sign out|Shortcuts|Time to answer|months|itch|Yes|Surveillance|Photograph)\\b");

  private static final Pattern CONSOLE_ENGLISH =
      Pattern.compile(
          "\\b(Save|Settings|Branding|Team|Send invitation|Search|"
              + "Remove|Colour|Main colour|Email|Members|Role|Status|Loading|Consent|Languages|Urgent|Routine|Hours|Preview|"
              + "Sign in|Sign up|Your clinic|Audit|Outcome|When|Who|Clinic name|Web address|Your name|Before|From|Show more|"
              + "Support|Legal footer|Take new patients|Data region|Dermatologist|Active|Logo)\\b");

  /** Everything a person or a screen reader gets from the page. */
  private static final String PAGE_WORDS =
      "const parts = [document.title, document.body.innerText];"
          + "for (const e of document.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')) {"
          + "  for (const a of ['aria-label', 'title', 'placeholder', 'alt']) if (e.getAttribute(a)) parts.push(e.getAttribute(a)); }"
          + "return parts.join('\\n');";

  @Test
  void aDermatologistSwitchesTheWorkbenchToSpanish(LocalStack stack, WebDriver browser) {
    IntakeJourney.SubmittedCase urgent =
        new IntakeJourney(stack, new ApiCalls(stack))
            .submit("northside-skin", IntakeJourney.urgentIntake());
    WorkbenchPage workbench = new WorkbenchPage(stack, browser).open("/workbench/");
    workbench.awaitHeading("Sign in to the workbench");
    workbench.click("button[data-language='es']");
    workbench.awaitHeading("Iniciar sesión en la mesa de trabajo");
    assertEquals("es", workbench.script("return document.documentElement.lang;"));
    assertEquals(
        "Contraseña",
        workbench.text(
            "label[for='" + workbench.attribute("main input[name='password']", "id") + "']"));
    workbench.screenshot("workbench-sign-in-spanish");

    workbench.signIn(WorkbenchPage.CHEN, WorkbenchPage.CHEN_PASSWORD);
    workbench.awaitHeading("Lista de trabajo");
    workbench.worklistWith(urgent.caseId()); // the shared stack may hold pages of older cases
    assertEquals("Tiempo para responder", workbench.text("#worklist thead th:nth-child(3)"));
    String due = workbench.text("#worklist tbody tr:first-child .due");
    assertTrue(due.startsWith("quedan ") || due.startsWith("Vencido hace "), due);
    assertEquals("Atajos (?)", workbench.text("#show-shortcuts"));
    String summary = workbench.text("#worklist-summary");
    assertTrue(
        summary.matches("(Más de )?\\d+ casos? en espera, los más urgentes primero\\."), summary);
    assertTrue(
        ((String) workbench.script("return document.title;"))
            .startsWith("Lista de trabajo · Mesa de trabajo"));
    workbench.screenshot("workbench-worklist-spanish");

    // The case view: claim bar, history (triage reasons and the body site by their codes), photos,
    // answer form.
    workbench
        .row(urgent.caseId())
        .findElement(By.cssSelector("button[data-action='claim']"))
        .click();
    workbench.visible("#history");
    workbench.wait.until(d -> workbench.attribute("#viewer-current", "data-photo") != null);
    assertEquals("Historia clínica", workbench.text("#history-title"));
    assertTrue(workbench.text("#triage").contains("Urgente"), workbench.text("#triage"));
    assertTrue(
        workbench.text("#triage").contains("La lesión ha crecido"), workbench.text("#triage"));
    assertTrue(
        workbench.text("#triage").contains("Puntuación 4 en la lista de 7 puntos"),
        workbench.text("#triage"));
    assertTrue(
        workbench.text("#intake").contains("antebrazo (izquierda)"), workbench.text("#intake"));
    assertTrue(
        workbench.text("#claim-bar").startsWith("Usted está revisando este caso."),
        workbench.text("#claim-bar"));
    workbench.click("#viewer-current button[aria-label^='Ampliar']");
    assertEquals("125 %", workbench.text("#viewer-current-zoom").replace('\u00a0', ' '));
    String diagnosis = workbench.chooseDiagnosis("eczema");
    workbench.addPrescription("Hidrocortisona", "1 %", "Aplicar dos veces al día.", "30 g");
    assertEquals(
        "Posología",
        workbench.text(
            "label[for='" + workbench.attribute("main [name='rx-directions-1']", "id") + "']"));
    workbench.wait.until(
        d -> workbench.text("#draft-status").startsWith("Borrador guardado a las"));
    assertNoEnglish(workbench::script, WORKBENCH_ENGLISH, diagnosis);
    workbench.screenshot("workbench-case-spanish");
    workbench.click("nav.breadcrumb a");
    workbench.awaitHeading("Lista de trabajo");

    // The choice is kept on this device; English is one click away.
    browserRefresh(browser);
    workbench.awaitHeading("Lista de trabajo");
    workbench.click("button[data-language='en']");
    workbench.awaitHeading("Worklist");
    assertEquals("en", workbench.script("return document.documentElement.lang;"));
  }

  @Test
  void aClinicAdminReadsTheConsoleInSpanishWhenTheClinicOffersIt(
      LocalStack stack, WebDriver browser) {
    ClinicConsolePage console = new ClinicConsolePage(stack, browser).open();
    console.awaitHeading("Sign in to your clinic console");
    console.click("button[data-language='es']");
    console.awaitHeading("Inicie sesión en la consola de su clínica");
    // Signing up a clinic, in Spanish, and its checks before sending.
    console.click("#sign-up-link");
    console.awaitHeading("Registre su clínica");
    console.submit("#sign-up-form");
    assertEquals(
        "Escriba el nombre de la clínica: al menos 2 caracteres.",
        console.fieldError("displayName"));
    assertNoEnglish(console::script, CONSOLE_ENGLISH);
    console.screenshot("console-sign-up-spanish");
    console.click("#sign-in-link");
    console.awaitHeading("Inicie sesión en la consola de su clínica");
    console.type("email", "admin@northside.example");
    console.type("password", "Demo-Admin-1");
    console.submit("#sign-in-form");
    console.awaitHeading("Panel");
    assertEquals("es", console.script("return document.documentElement.lang;"));
    assertEquals("Ajustes del servicio", console.text("a[data-section='settings']"));
    assertEquals("Consola de la clínica", console.text(".console-header__product span"));
    console.visible("#dashboard-status tbody tr, #dashboard-empty");
    if (browser.findElements(By.id("dashboard-status")).isEmpty()) {
      assertEquals("Todavía no hay casos", console.text("#dashboard-empty h2"));
    } else {
      assertTrue(console.text("#dashboard-status h2").equals("Casos por estado"));
      console.click("#dashboard-turnaround summary");
      String week = console.text("#dashboard-turnaround tbody tr:last-child th");
      assertTrue(week.matches(SPANISH_MEDIUM_DATE), week);
    }
    // Northside offers English and Spanish: the switch stays, to English.
    console.visible("button[data-language='en']");
    assertNoEnglish(console::script, CONSOLE_ENGLISH);
    console.screenshot("console-dashboard-spanish");

    // Every section in Spanish, with nothing left in English.
    console.section("branding", "Imagen de marca", "#branding-form");
    assertEquals("Vista previa en directo", console.text(".preview-panel figcaption strong"));
    assertNoEnglish(console::script, CONSOLE_ENGLISH, legalFooter(console));
    console.screenshot("console-branding-spanish");
    console.section("settings", "Ajustes del servicio", "#settings-form");
    assertEquals(
        "Aceptar pacientes y casos nuevos", console.text("label[for='accepting-new-patients']"));
    assertNoEnglish(console::script, CONSOLE_ENGLISH);
    console.screenshot("console-settings-spanish");
    console.section("team", "Equipo", "#team-members table");
    assertEquals("Invitar a un dermatólogo", console.text("#invite-title"));
    console.submit("#invite-form");
    assertEquals(
        "Escriba una dirección de correo, como dra.lopez@clinica.example.",
        console.fieldError("inviteEmail"));
    assertNoEnglish(console::script, CONSOLE_ENGLISH);
    console.screenshot("console-team-spanish");
    console.section("audit", "Registro de auditoría", "#audit-results > *");
    assertNoEnglish(console::script, CONSOLE_ENGLISH);
    console.screenshot("console-audit-spanish");
  }

  @Test
  void aClinicThatOffersOnlyEnglishGetsItsConsoleInEnglish(LocalStack stack, WebDriver browser) {
    ClinicConsolePage console = new ClinicConsolePage(stack, browser).open();
    console.awaitHeading("Sign in to your clinic console");
    console.click("button[data-language='es']");
    console.awaitHeading("Inicie sesión en la consola de su clínica");
    console.type("email", "admin@harbour.example");
    console.type("password", "Demo-Admin-1");
    console.submit("#sign-in-form");
    // Harbour's settings enable English only: the console moves to it and offers no switch.
    console.awaitHeading("Dashboard");
    assertEquals("en", console.script("return document.documentElement.lang;"));
    console.wait.until(d -> d.findElements(By.cssSelector("button[data-language]")).isEmpty());
    assertEquals("Service settings", console.text("a[data-section='settings']"));
  }

  /**
   * Fails naming each English word found on the page, with its line; {@code data} are texts the
   * page shows as they were saved (a diagnosis name, a clinic's footer), which are not the page's
   * wording.
   */
  private static void assertNoEnglish(
      Function<String, Object> script, Pattern english, String... data) {
    String words = (String) script.apply(PAGE_WORDS);
    for (String saved : data) {
      words = words.replace(saved, "");
    }
    List<String> found = words.lines().filter(line -> english.matcher(line).find()).toList();
    if (!found.isEmpty()) {
      Matcher first = english.matcher(found.get(0));
      first.find();
      fail("English left on a Spanish page (\"" + first.group() + "\"): " + found);
    }
  }

  private static String legalFooter(ClinicConsolePage console) {
    return console.value("legalFooter");
  }

  private static void browserRefresh(WebDriver browser) {
    browser.navigate().refresh();
  }
}
