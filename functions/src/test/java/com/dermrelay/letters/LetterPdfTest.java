package com.dermrelay.letters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.cases.AnswerContent;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The letter a patient keeps, read back as a screen reader or a search would: its text. */
class LetterPdfTest {
  private static final AnswerLetter.Clinic CLINIC =
      new AnswerLetter.Clinic(
          "Northside Skin Clinic",
          "#0f766e",
          "help@northside-skin.example  |  +1 555 0100",
          "Northside Skin Clinic PLLC. Not for emergencies.");
  private static final AnswerContent.Prescription CREAM =
      new AnswerContent.Prescription(
          "Hydrocortisone",
          "1%",
          "cream",
          "Apply thinly twice a day for up to 14 days.",
          "30 g",
          1);

  private static AnswerLetter letter(
      AnswerContent.Referral referral, Optional<String> registration) {
    return new AnswerLetter(
        CLINIC,
        "c-0123",
        "Alex Rivera",
        LocalDate.of(2026, 12, 7),
        new AnswerLetter.Condition(
            "Eczema, dry and itchy inflamed skin", "Atopic dermatitis", "L20.9"),
        "Your skin barrier is weak and gets inflamed.",
        "Moisturise twice a day; cream on flares.",
        List.of(CREAM),
        referral,
        Optional.of(LocalDate.of(2027, 1, 4)),
        "Dr. Wei Chen",
        registration);
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  @Test
  void theEnglishLetterCarriesEveryFieldAsText() throws IOException {
    byte[] pdf =
        new LetterPdf()
            .render(
                letter(new AnswerContent.Referral(false, null, null), Optional.of("GMC 7654321")),
                "en");
    String text = text(pdf);
    for (String expected :
        List.of(
            "Northside Skin Clinic",
            "help@northside-skin.example",
            "Your dermatology consultation",
            "Alex Rivera",
            "December 7, 2026",
            "c-0123",
            "Eczema, dry and itchy inflamed skin",
            "Clinical name: Atopic dermatitis (ICD-10 L20.9)",
            "Your skin barrier is weak",
            "Moisturise twice a day",
            "Hydrocortisone 1% cream",
            "Apply thinly twice a day",
            "30 g 1 repeats",
            "Please send follow-up photos on January 4, 2027.",
            "Dr. Wei Chen",
            "Registration: GMC 7654321",
            "Northside Skin Clinic PLLC.")) {
      assertTrue(text.contains(expected), () -> "missing \"" + expected + "\" in: " + text);
    }
    assertFalse(text.contains("Referral letter"), "no referral letter when none is advised");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertEquals(1, document.getNumberOfPages());
      assertEquals("en", document.getDocumentCatalog().getLanguage());
    }
  }

  @Test
  void theSpanishLetterIsInSpanishAndAReferralAddsAReferralLetter() throws IOException {
    byte[] pdf =
        new LetterPdf()
            .render(
                letter(
                    new AnswerContent.Referral(true, "SOON", "Lesión que cambia, dermatoscopia."),
                    Optional.empty()),
                "es");
    String text = text(pdf);
    for (String expected :
        List.of(
            "Su consulta de dermatología",
            "Lo que encontró el dermatólogo",
            "Nombre clínico: Atopic dermatitis (ICD-10 L20.9)",
            "Recetas",
            "Hydrocortisone 1% crema",
            "1 repeticiones",
            "Envíe fotos de seguimiento el 4 de enero de 2027.",
            "7 de diciembre de 2026",
            "El dermatólogo le aconseja una visita en persona en una o dos semanas.",
            "Carta de derivación",
            "Al médico que atienda a este paciente en persona",
            "Paciente: Alex Rivera",
            "Urgencia: pronto",
            "Motivo de la derivación",
            "Lesión que cambia, dermatoscopia.",
            "Dr. Wei Chen")) {
      assertTrue(text.contains(expected), () -> "missing \"" + expected + "\" in: " + text);
    }
    assertFalse(text.contains("Número de colegiado"), "no registration line when none was given");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertEquals(2, document.getNumberOfPages(), "the referral letter is a page of its own");
      assertEquals("es", document.getDocumentCatalog().getLanguage());
    }
  }

  @Test
  void characterTheFontCannotDrawBecomeAQuestionMarkInsteadOfFailingTheLetter() throws IOException {
    AnswerLetter l = letter(new AnswerContent.Referral(false, null, null), Optional.empty());
    AnswerLetter odd =
        new AnswerLetter(
            l.clinic(),
            l.caseId(),
            l.patientName(),
            l.answeredOn(),
            l.diagnosis(),
            "Apply → then wait ✓ — ñandú",
            l.treatmentPlan(),
            l.prescriptions(),
            l.referral(),
            Optional.empty(),
            l.dermatologistName(),
            l.registration());
    String text = text(new LetterPdf().render(odd, "en"));
    assertTrue(text.contains("Apply ? then wait ? — ñandú"), text);
    assertTrue(text.contains("No follow-up photos are needed."), text);
  }
}
