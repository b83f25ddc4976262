package com.dermrelay.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.BrowserExtension;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.ReviewCalls;
import com.dermrelay.testing.portal.PatientIntake;
import com.dermrelay.testing.portal.WorkbenchPage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The review loop as the patient lives it, in a phone-sized (390 x 844) browser against the local
 * stack: a patient's consultation (sent over HTTP; {@link WholeJourneyIT} sends one in the browser)
 * gets a question from Dr. Chen (over HTTP); the patient is told to write something, replies and
 * sees the reply kept; Dr. Chen answers with a prescription and a follow-up date; the patient reads
 * every part of the answer in plain words and says they read it, which stays; then downloads a copy
 * of their data from "Your data", the consultation readable in their language.
 */
@ExtendWith({LocalStackExtension.class, BrowserExtension.class})
class PatientAnswerIT {
  private static final String CLINIC = "northside-skin";
  private static final String QUESTION =
      "Does it itch more at night, and has it changed since you first saw it?";
  private static final String REPLY = "Yes, mostly at night. It has not changed.";

  @Test
  void aPatientRepliesToTheQuestionThenReadsAndAcknowledgesTheAnswer(
      LocalStack stack, WebDriver browser) {
    ApiCalls api = new ApiCalls(stack);
    IntakeJourney.SubmittedCase submitted =
        new IntakeJourney(stack, api).submit(CLINIC, IntakeJourney.routineIntake());
    String caseId = submitted.caseId();
    ReviewCalls chen =
        new ReviewCalls(api, api.idToken(WorkbenchPage.CHEN, WorkbenchPage.CHEN_PASSWORD));

    // Dr. Chen claims the case and asks a question.
    chen.claim(CLINIC, caseId);
    chen.askQuestion(CLINIC, caseId, QUESTION, true);

    // The patient sees the question and replies.
    PatientIntake portal =
        PatientIntake.signIn(
            stack,
            browser,
            "northside",
            submitted.patient().email(),
            IntakeJourney.PASSWORD,
            "Journey");
    portal.openCase(caseId);
    assertEquals("The dermatologist has a question", portal.page().text("#case-status-value"));
    assertEquals(QUESTION, portal.page().text("#question-text"));
    assertTrue(portal.page().text("#info-request").contains("asked on"), "who asked, and when");
    portal.page().screenshot("patient-question");
    // Asked for new photos: said in words, and the photo cards are open rather than optional.
    assertTrue(
        portal.page().text("#new-photos-asked").contains("asks you for new photos"),
        portal.page().text("#new-photos-asked"));
    assertEquals(
        "true",
        portal.page().script("return document.getElementById('reply-photos').open;").toString());
    assertTrue(
        portal.page().text("#reply-photos").contains("Close-up"), "photo cards for the reply");
    portal.page().accessible("patient question, reply photos open");
    portal.page().click("#reply-form button[type='submit']");
    assertEquals("Please write your reply.", portal.page().text("#reply-form .field-error"));
    portal.typeArea("reply", REPLY);
    portal.page().click("#reply-form button[type='submit']");
    assertEquals("Your reply was sent to the dermatologist.", portal.page().topMessage());
    assertEquals(REPLY, portal.page().text("#your-reply .reply__text"));
    assertTrue(browser.findElements(By.id("reply-form")).isEmpty(), "no second reply");
    assertTrue(portal.page().text("#case-timeline").contains("You answered the question"));
    portal.page().screenshot("patient-question-replied");
    JsonNode request =
        ApiCalls.json(api.get(submitted.path() + "/info-request", submitted.patient().token()));
    assertEquals(REPLY, request.at("/reply/text").asText(), "the clinic has the reply");

    // Back to Dr. Chen, who answers with a prescription and keeps the spot under surveillance.
    ObjectNode answered = ReviewCalls.eczemaAnswer(EXPLANATION, PLAN);
    answered.putObject("surveillance").put("inMonths", 1).put("instructions", SURVEILLANCE);
    chen.claimAndAnswer(CLINIC, caseId, answered);

    browser.navigate().refresh();
    portal.page().awaitHeading("Your consultation");
    assertEquals("Answered", portal.page().text("#case-status-value"));
    assertTrue(
        portal.page().text("#answer-diagnosis").startsWith("Eczema (atopic dermatitis)"),
        "the diagnosis in the patient's words");
    assertTrue(
        portal.page().text("#answer-diagnosis").contains("Atopic eczema"), "with its medical name");
    assertEquals(EXPLANATION, portal.page().text("#answer-explanation"));
    assertEquals(PLAN, portal.page().text("#answer-plan"));
    String prescriptions = portal.page().text("#answer-prescriptions");
    assertTrue(prescriptions.contains("Hydrocortisone 1% cream"), prescriptions);
    assertTrue(prescriptions.contains("Apply thinly twice a day"), prescriptions);
    assertTrue(portal.page().text("#answer-referral").contains("did not ask you to see a doctor"));
    assertTrue(portal.page().text("#answer-follow-up").contains("new photos around"));
    assertTrue(
        portal.page().text("#answer-surveillance").contains("new photos of it in one month"),
        portal.page().text("#answer-surveillance"));
    assertEquals(SURVEILLANCE, portal.page().text("#answer-surveillance-instructions"));
    assertTrue(
        portal.page().text("#answer-byline").startsWith("From "),
        portal.page().text("#answer-byline"));
    portal.page().screenshot("patient-answer");

    // The answer as a letter to keep: fetched with the patient's token, a PDF saved under a name
    // that says which case and nothing about what was found.
    String letterName = "dermrelay-letter-" + caseId + ".pdf";
    assertEquals(
        "Download the letter (PDF)",
        portal.page().text("#answer-letter-form button[type='submit']"));
    portal.page().click("#answer-letter-form button[type='submit']");
    assertTrue(
        portal.page().text("#answer-letter-link").contains(letterName),
        portal.page().text("#answer-letter-link"));
    assertEquals(
        letterName,
        portal.page().script("return document.getElementById('answer-letter-link').download;"));
    assertEquals(
        "application/pdf",
        portal.page().script("return document.getElementById('answer-letter-link').type;"),
        "the file the service answered is a PDF");
    assertTrue(
        portal
            .page()
            .script("return document.getElementById('answer-letter-link').href;")
            .toString()
            .startsWith("blob:"),
        "saved from the page's own copy: no URL carries the letter");
    assertTrue(
        portal.page().text("#answer-letter-link").matches(".*, [1-9]\\d* KB\\)"),
        portal.page().text("#answer-letter-link"));

    portal.page().click("#acknowledge-form button[type='submit']");
    assertTrue(
        portal.page().text("#answer-read").startsWith("Thank you."),
        portal.page().text("#answer-read"));
    browser.navigate().refresh();
    portal.page().awaitHeading("Your consultation");
    assertTrue(portal.page().text("#answer-read").startsWith("You read this on"));
    assertTrue(browser.findElements(By.id("acknowledge-form")).isEmpty(), "read once is enough");
    assertTrue(portal.page().text("#case-timeline").contains("You read the answer"));
    portal.page().screenshot("patient-answer-read");

    portal.page().click("a[data-route='home']");
    portal.page().awaitHeading("Hello, Journey");
    portal.page().click("a[data-route='privacy']");
    portal.page().awaitHeading("Your data");
    portal.page().screenshot("patient-privacy");

    // A copy of everything held, with the consultation as the patient read it, in Spanish when
    // the patient reads Spanish.
    portal.page().click("button[data-language='es']");
    portal.page().awaitHeading("Sus datos");
    portal.page().click("#export-form button[type='submit']");
    assertEquals("Descargar mis datos", portal.page().text("#export-download"));
    String page =
        consultationsPage(
            (String)
                portal.page().script("return document.getElementById('export-download').href;"));
    assertTrue(
        page.contains("<html lang=\"es\">") && page.contains("La respuesta de su dermatólogo"),
        page);
    assertTrue(
        page.contains(QUESTION) && page.contains(REPLY) && page.contains(PLAN),
        "every exchange: " + page);

    // The answer in Spanish says when to photograph the spot again, in the dermatologist's words.
    portal.page().click("a[data-route='home']");
    portal.page().click("#my-cases li[data-case='" + caseId + "'] a");
    portal.page().awaitHeading("Su consulta");
    assertTrue(
        portal.page().text("#answer-surveillance").contains("fotos nuevas dentro de un mes"),
        portal.page().text("#answer-surveillance"));
    assertEquals(SURVEILLANCE, portal.page().text("#answer-surveillance-instructions"));

    String stored =
        (String)
            portal.page().script("return JSON.stringify({...sessionStorage, ...localStorage});");
    assertFalse(
        stored.contains("night") || stored.contains("eczema"), "no health data in web storage");
  }

  /** consultations.html of the export archive behind {@code link}. */
  private static String consultationsPage(String link) {
    try {
      HttpResponse<byte[]> archive =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(link)).GET().build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, archive.statusCode());
      try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive.body()))) {
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
          if (entry.getName().equals("consultations.html")) {
            return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    throw new AssertionError("no consultations.html in the archive");
  }

  private static final String EXPLANATION =
      "This is eczema: the skin barrier is weak and gets inflamed. "
          + "It is common and can be controlled.";
  private static final String SURVEILLANCE = "Same distance and light, beside a ruler.";
  private static final String PLAN =
      "Moisturise twice a day; use the cream on flares for up to 2 weeks.";
}
