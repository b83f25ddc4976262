package com.dermrelay.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.BrowserExtension;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.Photos;
import com.dermrelay.testing.portal.PatientIntake;
import com.dermrelay.testing.portal.PatientPortalPage;
import com.dermrelay.testing.portal.WorkbenchPage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriver;

/**
 * Clinical vignettes entered as a patient enters them: a real Chromium on a phone-sized window,
 * through the patient portal's own questions, each case sent with photos; then Dr. Chen reads each
 * priority in her worklist. The vignettes are written from the clinical sources docs/triage.md
 * cites (NICE NG12's weighted 7-point checklist, the ABCDE signs, NICE CKS, the emergency signs of
 * a rash in BAD, NHS and emergency-medicine guidance), not from the rules' code: each says what a
 * dermatologist would expect. One browser and one signed-in patient for all of them (the profile's
 * date of birth set for each vignette's age), so the suite stays short.
 */
@ExtendWith({LocalStackExtension.class, BrowserExtension.class})
class ClinicalVignettesIT {
  private static final String CLINIC = "northside-skin";
  private static final String EMERGENCY = "EMERGENCY";

  /**
   * One patient's story. {@code spot}, {@code rash}, {@code feels} and {@code health} are the
   * answers of those pages by question name (unnamed questions are answered "no").
   */
  record Vignette(
      String story,
      int age,
      String region,
      String side,
      String problem,
      int weeks,
      String words,
      String diameterMm,
      Map<String, String> spot,
      Map<String, String> rash,
      Map<String, String> feels,
      Map<String, String> health,
      String expected) {}

  private static Map<String, String> answers(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private static Vignette spot(
      String story,
      int age,
      String region,
      String side,
      int weeks,
      String mm,
      Map<String, String> spot,
      Map<String, String> feels,
      Map<String, String> health,
      String expected) {
    return new Vignette(
        story, age, region, side, "spot", weeks, story, mm, spot, Map.of(), feels, health,
        expected);
  }

  private static Vignette rash(
      String story,
      int age,
      String region,
      String side,
      int weeks,
      Map<String, String> rash,
      Map<String, String> feels,
      String expected) {
    return new Vignette(
        story, age, region, side, "rash", weeks, story, null, Map.of(), rash, feels, Map.of(),
        expected);
  }

  static final List<Vignette> VIGNETTES =
      List.of(
          // Emergencies: a rash the emergency screen did not catch (every screen answer was "no").
          rash(
              "Started an antibiotic 3 weeks ago; now a rash over most of my body, a fever, and I feel awful.",
              34,
              "chest",
              "midline",
              1,
              answers(
                  "rashExtent",
                  "widespread",
                  "fever",
                  "yes",
                  "feelingUnwell",
                  "very",
                  "newMedicine",
                  "yes"),
              answers("itch", "yes", "inflammation", "yes"),
              EMERGENCY),
          rash(
              "My skin is coming off in sheets on my back and arms since yesterday.",
              60,
              "upper-arm",
              "left",
              1,
              answers(
                  "rashExtent",
                  "several-areas",
                  "skinPeeling",
                  "yes",
                  "blisters",
                  "yes",
                  "fever",
                  "unsure"),
              answers("pain", "yes", "inflammation", "yes"),
              EMERGENCY),
          rash(
              "My shin went red, hot and very sore this morning and the redness is spreading up my leg.",
              45,
              "shin",
              "right",
              1,
              answers("rashExtent", "one-area", "rashWorseningRapidly", "yes"),
              answers("pain", "yes", "inflammation", "yes"),
              EMERGENCY),
          rash(
              "Itchy raised welts all over after eating prawns, and my lips are swelling.",
              28,
              "abdomen",
              "midline",
              1,
              answers(
                  "rashExtent",
                  "widespread",
                  "rashWorseningRapidly",
                  "yes",
                  "faceOrLipSwelling",
                  "yes"),
              answers("itch", "yes", "inflammation", "yes"),
              EMERGENCY),
          // A weighted 7-point checklist of 3 or more (NICE NG12): suspected melanoma, urgent.
          spot(
              "An old mole on my shin has got bigger this year and has patches of dark brown and black.",
              38,
              "shin",
              "left",
              26,
              "8",
              answers(
                  "lesionCount",
                  "one",
                  "spotOrigin",
                  "long-standing",
                  "change-size",
                  "yes",
                  "look-colours",
                  "yes"),
              Map.of(),
              Map.of(),
              "Urgent"),
          spot(
              "A new spot on my chest, lopsided, and the skin around it is red and sore.",
              30,
              "chest",
              "midline",
              8,
              null,
              answers("lesionCount", "one", "spotOrigin", "new", "look-asymmetry", "yes"),
              answers("inflammation", "yes", "pain", "yes"),
              Map.of(),
              "Urgent"),
          // A new, firm, even-coloured lump that keeps growing (EFG, nodular melanoma; NICE NG12
          // 1.7.3).
          spot(
              "A new pink lump on my thigh appeared two months ago and keeps growing.",
              58,
              "thigh",
              "right",
              8,
              "6",
              answers(
                  "lesionCount",
                  "one",
                  "spotOrigin",
                  "new",
                  "change-size",
                  "yes",
                  "change-other",
                  "yes"),
              Map.of(),
              Map.of(),
              "Urgent"),
          // A rash with a fever (possible infection, e.g. eczema herpeticum): same day, urgent.
          rash(
              "My eczema on my neck has turned into painful weeping sores and I have a temperature.",
              25,
              "neck",
              "midline",
              1,
              answers("rashExtent", "one-area", "fever", "yes", "feelingUnwell", "a-little"),
              answers("pain", "yes", "oozingOrCrusting", "yes", "inflammation", "yes"),
              "Urgent"),
          // Borderline: one ABCDE sign that matters most (evolving), or two signs, below 7-point 3.
          spot(
              "A mole on my forearm has changed shape over the last few months; nothing else.",
              35,
              "forearm",
              "left",
              12,
              null,
              answers("lesionCount", "one", "spotOrigin", "long-standing", "change-shape", "yes"),
              Map.of(),
              Map.of(),
              "Soon"),
          spot(
              "A 6.5 mm brown spot on my upper arm with a ragged edge; I cannot say whether it changed.",
              29,
              "upper-arm",
              "right",
              52,
              "6.5",
              answers(
                  "lesionCount",
                  "one",
                  "spotOrigin",
                  "unsure",
                  "change-size",
                  "unsure",
                  "change-shape",
                  "unsure",
                  "change-colour",
                  "unsure",
                  "look-border",
                  "yes"),
              Map.of(),
              Map.of(),
              "Soon"),
          rash(
              "A blotchy rash on my chest and arms two weeks after starting a new tablet; I feel fine.",
              40,
              "chest",
              "midline",
              1,
              answers("rashExtent", "several-areas", "newMedicine", "yes"),
              answers("itch", "yes"),
              "Soon"),
          // One irregular colour is below every threshold, but melanoma before makes it one step
          // sooner.
          spot(
              "Treated for melanoma 5 years ago; a mole on my back-of-arm has two shades of brown.",
              41,
              "upper-arm",
              "left",
              52,
              "5",
              answers("lesionCount", "one", "spotOrigin", "long-standing", "look-colours", "yes"),
              Map.of(),
              answers("personalSkinCancerHistory", "yes"),
              "Soon"),
          // Benign.
          spot(
              "A flat brown mole on my forearm I have had for years; it has not changed, I just want it checked.",
              45,
              "forearm",
              "right",
              520,
              "4",
              answers("lesionCount", "one", "spotOrigin", "long-standing"),
              Map.of(),
              Map.of(),
              "Routine"),
          rash(
              "A dry itchy patch inside my elbow that comes and goes, like my eczema as a child.",
              30,
              "elbow",
              "left",
              12,
              answers("rashExtent", "one-area"),
              answers("itch", "yes", "inflammation", "unsure"),
              "Routine"));

  @Test
  void eachVignetteIsTriagedAsADermatologistExpects(LocalStack stack, WebDriver browser) {
    ApiCalls api = new ApiCalls(stack);
    IntakeJourney journey = new IntakeJourney(stack, api);
    IntakeJourney.Patient patient = journey.newPatient(CLINIC);
    Path closeUp = Photos.sharpFile("vignette-close-up.jpg", 0);
    Path context = Photos.sharpFile("vignette-context.jpg", 1);
    PatientIntake portal =
        PatientIntake.signIn(
            stack, browser, "northside", patient.email(), IntakeJourney.PASSWORD, "Journey");

    Map<String, Vignette> sent = new LinkedHashMap<>();
    List<String> turnedAway = new ArrayList<>();
    for (Vignette v : VIGNETTES) {
      // The patient's age for this story (setup: the profile is asked once, not per case).
      LocalDate born = LocalDate.now(ZoneOffset.UTC).minusYears(v.age()).minusMonths(6);
      journey.saveProfile(patient, born.toString(), "female");
      String caseId = enter(portal, v, closeUp, context);
      if (EMERGENCY.equals(v.expected())) {
        portal.page().awaitHeading("Please get medical help now");
        assertTrue(portal.page().text("#seek-care-now").contains("emergency"), v.story());
        String status =
            ApiCalls.json(api.get("/clinics/" + CLINIC + "/cases/" + caseId, patient.token()))
                .get("status")
                .asText();
        assertEquals("DRAFT", status, "not sent: " + v.story());
        turnedAway.add(v.story());
      } else {
        portal.page().awaitHeading("Your consultation");
        sent.put(caseId, v);
      }
      portal.page().click("main a[data-route='home']");
      portal.page().awaitHeading("Hello, Journey");
    }
    portal.page().screenshot("patient-vignettes-home");

    WorkbenchPage workbench =
        new WorkbenchPage(stack, browser)
            .open("/workbench/")
            .signIn(WorkbenchPage.CHEN, WorkbenchPage.CHEN_PASSWORD);
    workbench.awaitHeading("Worklist");
    workbench.worklistWith(sent.keySet().toArray(String[]::new));
    Map<String, String> expected = new LinkedHashMap<>();
    Map<String, String> read = new LinkedHashMap<>();
    sent.forEach(
        (caseId, v) -> {
          expected.put(v.story(), v.expected());
          read.put(v.story(), workbench.priorityOf(caseId));
        });
    assertEquals(
        expected, read, "the priority each vignette should have, as the worklist shows it");
    assertEquals(4, turnedAway.size());

    // The dermatologist sees what decided: for the grown, two-coloured 8 mm mole, the 7-point score
    // (change in size 2, irregular colour 2, 7 mm or more 1).
    String grownMole =
        sent.entrySet().stream()
            .filter(e -> e.getValue().story().startsWith("An old mole"))
            .findFirst()
            .orElseThrow()
            .getKey();
    workbench.openCase(grownMole);
    assertEquals("SEVEN_POINT", workbench.attribute("#triage-decision", "data-scale"));
    assertEquals("5", workbench.attribute("#triage-decision", "data-score"));
    assertTrue(
        workbench.text("#triage-decisive").contains("The spot has grown"),
        workbench.text("#triage-decisive"));
    workbench.screenshot("workbench-triage-decision");
  }

  /**
   * Whether the rash page has had its accessibility check (once is enough: it is the same page).
   */
  private boolean rashPageChecked;

  /** Answers a vignette page by page, sends it with two photos; the case id. */
  private String enter(PatientIntake portal, Vignette v, Path closeUp, Path context) {
    PatientPortalPage page = portal.page();
    portal.startWithNothingUrgent();
    page.awaitHeading("Where is it?");
    page.click(
        ".body-map__region[data-region='"
            + v.region()
            + "'][data-side='"
            + v.side()
            + "'][data-view='front']");
    page.submit();

    page.awaitHeading("About the problem");
    portal.choose("problem", v.problem());
    portal.choose("onset", v.weeks() <= 1 ? "sudden" : "gradual");
    page.type("durationAmount", Integer.toString(v.weeks()));
    portal.choose("durationUnit", "weeks");
    portal.typeArea("ownWords", v.words());
    page.submit();
    if ("spot".equals(v.problem())) {
      page.awaitHeading("About the spot");
      if (v.diameterMm() != null) {
        page.type("diameterMm", v.diameterMm());
      }
      portal.answerPage("About the spot", v.spot());
    } else {
      page.awaitHeading("About the rash");
      if (!rashPageChecked) {
        page.screenshot("patient-intake-rash");
        rashPageChecked = true;
      }
      portal.answerPage("About the rash", v.rash());
    }
    portal.answerPage("How it feels", v.feels());
    Map<String, String> health = new LinkedHashMap<>(v.health());
    health.putIfAbsent("pregnancy", "not-applicable");
    portal.answerPage("Your health", health);
    portal.answerPage("Medicines and treatments", Map.of());
    page.awaitHeading("Your consent");
    page.click("#consent-accept");
    page.submit();

    page.awaitHeading("Your photos");
    String path = page.path();
    String caseId = path.split("/")[4];
    // One after the other: two cards asking for upload slots at the same moment can meet a
    // version conflict on the case (requestPhotoUploads answers the later one 409), not what this
    // tests.
    portal.upload("close_up", closeUp);
    assertEquals("accepted", portal.verdict("close_up"));
    portal.upload("context", context);
    assertEquals("accepted", portal.verdict("context"));
    page.click("#submit-case");
    return caseId;
  }
}
