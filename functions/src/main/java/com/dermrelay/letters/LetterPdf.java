package com.dermrelay.letters;

import com.dermrelay.cases.AnswerContent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Draws an {@link AnswerLetter} as an A4 PDF with Apache PDFBox: the clinic's letterhead (its name
 * on a band of its colour, its contact line), the answer, the dermatologist's signature block and
 * the clinic's legal footer; then, when the answer refers the patient, a referral letter for the
 * doctor who sees them in person. Text is real text in the standard Helvetica fonts (WinAnsi, which
 * covers English and Spanish), so it can be searched, copied and read aloud; the document's
 * language is set for screen readers.
 */
public final class LetterPdf {
  private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  private static final float MARGIN = 56;
  private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
  private static final float BODY = 11;
  private static final float LEADING = 15;

  /** The PDF's bytes, in {@code language} (one of {@link LetterWords#LANGUAGES}). */
  public byte[] render(AnswerLetter letter, String language) {
    LetterWords words = new LetterWords(language);
    try (PDDocument document = new PDDocument()) {
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(words.get("title") + " - " + plain(letter.clinic().name()));
      info.setAuthor(plain(letter.clinic().name()));
      document.getDocumentCatalog().setLanguage(language);
      Pages pages = new Pages(document, letter.clinic());
      answer(pages, letter, words);
      if (letter.refers()) {
        pages.newPage();
        referral(pages, letter, words);
      }
      pages.close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw the letter", e);
    }
  }

  private static void answer(Pages p, AnswerLetter l, LetterWords w) throws IOException {
    p.heading(w.get("title"), 16);
    p.line(w.get("for") + ": " + l.patientName(), REGULAR);
    p.line(w.get("date") + ": " + w.date(l.answeredOn()), REGULAR);
    p.line(w.get("reference") + ": " + l.caseId(), REGULAR);
    p.gap();
    p.heading(w.get("diagnosis"), 13);
    p.paragraph(l.diagnosis().plainName(), BOLD);
    p.paragraph(w.get("clinicalName") + ": " + clinical(l.diagnosis()), REGULAR);
    section(p, w.get("explanation"), l.explanation());
    section(p, w.get("plan"), l.treatmentPlan());
    p.heading(w.get("prescriptions"), 13);
    if (l.prescriptions().isEmpty()) {
      p.paragraph(w.get("noPrescriptions"), REGULAR);
    }
    for (AnswerContent.Prescription rx : l.prescriptions()) {
      p.paragraph(join(rx.medicine(), rx.strength(), w.form(rx.form())), BOLD);
      p.paragraph(rx.directions(), REGULAR);
      String amount =
          join(rx.quantity(), rx.refills() == null ? null : rx.refills() + " " + w.get("refills"));
      if (!amount.isEmpty()) {
        p.paragraph(amount, REGULAR);
      }
    }
    p.gap();
    p.heading(w.get("followUp"), 13);
    p.paragraph(
        l.followUpOn().map(d -> w.get("followUpOn", "date", w.date(d))).orElse(w.get("noFollowUp")),
        REGULAR);
    if (l.refers()) {
      p.gap();
      p.heading(w.get("referral"), 13);
      p.paragraph(w.get("referral." + urgency(l)), REGULAR);
    }
    signature(p, l, w);
    p.gap();
    p.paragraph(w.get("notEmergency"), REGULAR);
  }

  private static void referral(Pages p, AnswerLetter l, LetterWords w) throws IOException {
    p.heading(w.get("referralTitle"), 16);
    p.line(w.get("referralTo"), REGULAR);
    p.line(w.get("date") + ": " + w.date(l.answeredOn()), REGULAR);
    p.line(w.get("reference") + ": " + l.caseId(), REGULAR);
    p.gap();
    p.paragraph(w.get("referralIntro"), REGULAR);
    p.gap();
    p.line(w.get("patient") + ": " + l.patientName(), BOLD);
    p.paragraph(w.get("urgency") + ": " + w.get("urgency." + urgency(l)), BOLD);
    p.gap();
    p.heading(w.get("diagnosis"), 13);
    p.paragraph(clinical(l.diagnosis()), REGULAR);
    if (l.referral().note() != null && !l.referral().note().isBlank()) {
      section(p, w.get("referralNote"), l.referral().note());
    }
    section(p, w.get("treatmentSoFar"), l.treatmentPlan());
    if (!l.prescriptions().isEmpty()) {
      p.heading(w.get("prescriptions"), 13);
      for (AnswerContent.Prescription rx : l.prescriptions()) {
        p.paragraph(
            join(rx.medicine(), rx.strength(), w.form(rx.form())) + ": " + rx.directions(),
            REGULAR);
      }
    }
    signature(p, l, w);
  }

  private static void signature(Pages p, AnswerLetter l, LetterWords w) throws IOException {
    p.gap();
    p.line(l.dermatologistName(), BOLD);
    p.line(w.get("signed") + ", " + l.clinic().name(), REGULAR);
    if (l.registration().isPresent()) {
      p.line(w.get("registration") + ": " + l.registration().get(), REGULAR);
    }
  }

  private static void section(Pages p, String heading, String text) throws IOException {
    if (text == null || text.isBlank()) {
      return;
    }
    p.heading(heading, 13);
    p.paragraph(text, REGULAR);
  }

  private static String urgency(AnswerLetter l) {
    String urgency = l.referral().urgency();
    return urgency == null ? "ROUTINE" : urgency;
  }

  private static String clinical(AnswerLetter.Condition c) {
    return c.icd10() == null ? c.clinicalName() : c.clinicalName() + " (ICD-10 " + c.icd10() + ")";
  }

  private static String join(String... parts) {
    List<String> kept = new ArrayList<>();
    for (String part : parts) {
      if (part != null && !part.isBlank()) {
        kept.add(part.strip());
      }
    }
    return String.join(" ", kept);
  }

  /**
   * What the standard fonts can draw: WinAnsi holds every English and Spanish letter; anything else
   * a dermatologist typed (an emoji, an arrow) becomes "?" rather than failing the letter.
   */
  static String plain(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (cp == '\t') {
                out.append(' ');
              } else if (cp == '\n' || drawable(cp)) {
                out.appendCodePoint(cp);
              } else {
                out.append('?');
              }
            });
    return out.toString();
  }

  private static boolean drawable(int codePoint) {
    try {
      REGULAR.encode(Character.toString(codePoint));
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /** Writes top to bottom, starting a new page (with the letterhead) when one is full. */
  private static final class Pages {
    private final PDDocument document;
    private final AnswerLetter.Clinic clinic;
    private PDPageContentStream stream;
    private float y;

    Pages(PDDocument document, AnswerLetter.Clinic clinic) throws IOException {
      this.document = document;
      this.clinic = clinic;
      newPage();
    }

    void newPage() throws IOException {
      close();
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      stream = new PDPageContentStream(document, page);
      float top = PDRectangle.A4.getHeight();
      float[] rgb = rgb(clinic.primaryColor());
      stream.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
      stream.addRect(0, top - 72, PDRectangle.A4.getWidth(), 72);
      stream.fill();
      stream.setNonStrokingColor(1f, 1f, 1f);
      text(clinic.name(), BOLD, 18, MARGIN, top - 44);
      stream.setNonStrokingColor(0.2f, 0.2f, 0.2f);
      if (clinic.contact() != null && !clinic.contact().isBlank()) {
        text(clinic.contact(), REGULAR, 9, MARGIN, top - 88);
      }
      if (clinic.legalFooter() != null && !clinic.legalFooter().isBlank()) {
        float footerY = 48;
        for (String line : wrap(plain(clinic.legalFooter()), REGULAR, 8)) {
          text(line, REGULAR, 8, MARGIN, footerY);
          footerY -= 10;
        }
      }
      stream.setNonStrokingColor(0f, 0f, 0f);
      y = top - 120;
    }

    void close() throws IOException {
      if (stream != null) {
        stream.close();
        stream = null;
      }
    }

    void heading(String text, float size) throws IOException {
      room(size + LEADING);
      y -= 9;
      text(text, BOLD, size, MARGIN, y);
      y -= size + 6;
    }

    void line(String text, PDType1Font font) throws IOException {
      paragraph(text, font);
    }

    void paragraph(String text, PDType1Font font) throws IOException {
      if (text == null) {
        return;
      }
      for (String piece : plain(text).split("\n")) {
        for (String line : wrap(piece, font, BODY)) {
          room(LEADING);
          text(line, font, BODY, MARGIN, y);
          y -= LEADING;
        }
      }
    }

    void gap() {
      y -= LEADING / 2;
    }

    private void room(float needed) throws IOException {
      if (y - needed < 80) {
        newPage();
      }
    }

    private void text(String text, PDType1Font font, float size, float x, float atY)
        throws IOException {
      stream.beginText();
      stream.setFont(font, size);
      stream.newLineAtOffset(x, atY);
      stream.showText(plain(text));
      stream.endText();
    }

    /** Lines of at most the text width, broken at spaces (a word longer than a line is cut). */
    private static List<String> wrap(String text, PDType1Font font, float size) throws IOException {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (String word : text.strip().split(" +")) {
        String candidate = line.isEmpty() ? word : line + " " + word;
        if (width(candidate, font, size) <= WIDTH) {
          line.setLength(0);
          line.append(candidate);
          continue;
        }
        if (!line.isEmpty()) {
          lines.add(line.toString());
          line.setLength(0);
        }
        while (width(word, font, size) > WIDTH) {
          int cut = word.length() - 1;
          while (cut > 1 && width(word.substring(0, cut), font, size) > WIDTH) {
            cut--;
          }
          lines.add(word.substring(0, cut));
          word = word.substring(cut);
        }
        line.append(word);
      }
      if (!line.isEmpty()) {
        lines.add(line.toString());
      }
      return lines;
    }

    private static float width(String text, PDType1Font font, float size) throws IOException {
      return font.getStringWidth(text) / 1000 * size;
    }

    /** {@code #rrggbb} as PDF colour components; a grey for anything else. */
    private static float[] rgb(String hex) {
      if (hex == null || !hex.matches("#[0-9a-fA-F]{6}")) {
        return new float[] {0.25f, 0.25f, 0.3f};
      }
      int v = Integer.parseInt(hex.substring(1), 16);
      return new float[] {((v >> 16) & 0xff) / 255f, ((v >> 8) & 0xff) / 255f, (v & 0xff) / 255f};
    }
  }
}
