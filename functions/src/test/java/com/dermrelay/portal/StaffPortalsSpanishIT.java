package com.dermrelay.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.BrowserExtension;
import com.dermrelay.testing.IntakeJourney;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The workbench and the clinic console in Spanish, in a real browser: the switch in the header,
 * the page's language, its fixed texts and views, dates and numbers written the Spanish way; and
 * the console keeping to the languages the clinic enabled.
 */
@ExtendWith({LocalStackExtension.class, BrowserExtension.class})
class StaffPortalsSpanishIT {
  /** A date as Intl writes it with dateStyle medium in Spanish ("3 feb 2026"), not in English ("Feb 3, 2026"). */
  private static final String SPANISH_MEDIUM_DATE = "\\d{1,2} \\p{L}+\\.? \\d{4}";

  @Test
  void aDermatologistSwitchesTheWorkbenchToSpanish(LocalStack stack, WebDriver browser) {
    new IntakeJourney(stack, new ApiCalls(stack)).submit("northside-skin", IntakeJourney.routineIntake());
    WorkbenchPage workbench = new WorkbenchPage(stack, browser).open("/workbench/");
    workbench.awaitHeading("Sign in to the workbench");
    workbench.click("button[data-language='es']");
    workbench.awaitHeading("Iniciar sesión en la mesa de trabajo");
    assertEquals("es", workbench.script("return document.documentElement.lang;"));
    assertEquals("Contraseña", workbench.text("label[for='" + workbench.attribute("main input[name='password']", "id") + "']"));
    workbench.screenshot("workbench-sign-in-spanish");

    workbench.signIn(WorkbenchPage.CHEN, WorkbenchPage.CHEN_PASSWORD);
    workbench.awaitHeading("Lista de trabajo");
    workbench.worklistCases();
    assertEquals("Tiempo para responder", workbench.text("#worklist thead th:nth-child(3)"));
    String due = workbench.text("#worklist tbody tr:first-child .due");
    assertTrue(due.startsWith("quedan ") || due.startsWith("Vencido hace "), due);
    assertEquals("Atajos (?)", workbench.text("#show-shortcuts"));
    assertTrue(workbench.text("#worklist-summary").contains("casos en espera"), workbench.text("#worklist-summary"));
    assertTrue(((String) workbench.script("return document.title;")).startsWith("Lista de trabajo · Mesa de trabajo"));
    workbench.screenshot("workbench-worklist-spanish");

    // The choice is kept on this device; English is one click away.
    browserRefresh(browser);
    workbench.awaitHeading("Lista de trabajo");
    workbench.click("button[data-language='en']");
    workbench.awaitHeading("Worklist");
    assertEquals("en", workbench.script("return document.documentElement.lang;"));
  }

  @Test
  void aClinicAdminReadsTheConsoleInSpanishWhenTheClinicOffersIt(LocalStack stack, WebDriver browser) {
    ClinicConsolePage console = new ClinicConsolePage(stack, browser).open();
    console.awaitHeading("Sign in to your clinic console");
    console.click("button[data-language='es']");
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
    console.screenshot("console-dashboard-spanish");
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

  private static void browserRefresh(WebDriver browser) {
    browser.navigate().refresh();
  }
}
