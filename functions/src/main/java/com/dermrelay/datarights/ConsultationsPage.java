package com.dermrelay.datarights;

import com.dermrelay.cases.AnswerContent;
import com.dermrelay.cases.PrescriptionForms;
import com.dermrelay.review.Consultations;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The human-readable half of the export's consultations: one self-contained HTML page (no script,
 * no link out) with each case's questions, replies, follow-ups and answers in the order they
 * happened, worded as the patient portal words them (its en and es dictionaries), dates in UTC.
 * Everything the patient or the clinic wrote is escaped.
 */
final class ConsultationsPage {
  /** The export's languages: those of the patient portal. */
  static final List<String> LANGUAGES = List.of("en", "es");

  private static final Map<String, Map<String, String>> WORDS =
      Map.of(
          "en",
              Map.ofEntries(
                  Map.entry("title", "Your consultations"),
                  Map.entry(
                      "lead",
                      "What you and your clinic wrote to each other, as you saw it in the portal. Exported on {date} (dates in UTC)."),
                  Map.entry("consultation", "Consultation sent on {date}"),
                  Map.entry("reference", "Reference: {id}"),
                  Map.entry("nothing", "No questions or answers yet."),
                  Map.entry("question", "The dermatologist’s question"),
                  Map.entry("askedBy", "{name} asked on {date}:"),
                  Map.entry("reply", "Your reply, {date}"),
                  Map.entry("photo", "1 photo sent with it."),
                  Map.entry("photos", "{count} photos sent with it."),
                  Map.entry("followUp", "Your follow-up, {date}"),
                  Map.entry("progress", "Since the answer, is it…"),
                  Map.entry("BETTER", "Better"),
                  Map.entry("SAME", "About the same"),
                  Map.entry("WORSE", "Worse"),
                  Map.entry(
                      "newSymptoms",
                      "Is there anything new, such as another spot, bleeding or pain?"),
                  Map.entry("yes", "Yes"),
                  Map.entry("no", "No"),
                  Map.entry("notes", "Your notes"),
                  Map.entry("answer", "Your dermatologist’s answer"),
                  Map.entry("byline", "From {name}, {date}"),
                  Map.entry("diagnosis", "What it is most likely to be"),
                  Map.entry("clinicalName", "(medical name: {name})"),
                  Map.entry("differentials", "Other possibilities the dermatologist considered:"),
                  Map.entry("plan", "What to do"),
                  Map.entry("prescriptions", "Prescriptions"),
                  Map.entry("quantity", "Quantity {quantity}, refills {refills}"),
                  Map.entry("referral", "Please see a doctor in person"),
                  Map.entry("referral.ROUTINE", "in the next few weeks."),
                  Map.entry("referral.SOON", "within a week or two."),
                  Map.entry("referral.URGENT", "as soon as you can, within the next few days."),
                  Map.entry(
                      "noReferral",
                      "The dermatologist did not ask you to see a doctor in person for this."),
                  Map.entry(
                      "followUpOn",
                      "Follow-up: the dermatologist asked for new photos around {date}.")),
          "es",
              Map.ofEntries(
                  Map.entry("title", "Sus consultas"),
                  Map.entry(
                      "lead",
                      "Lo que usted y su clínica se escribieron, tal como lo vio en el portal. Exportado el {date} (fechas en UTC)."),
                  Map.entry("consultation", "Consulta enviada el {date}"),
                  Map.entry("reference", "Referencia: {id}"),
                  Map.entry("nothing", "Aún no hay preguntas ni respuestas."),
                  Map.entry("question", "La pregunta del dermatólogo"),
                  Map.entry("askedBy", "{name} preguntó el {date}:"),
                  Map.entry("reply", "Su respuesta, {date}"),
                  Map.entry("photo", "Se envió 1 foto con ella."),
                  Map.entry("photos", "Se enviaron {count} fotos con ella."),
                  Map.entry("followUp", "Su seguimiento, {date}"),
                  Map.entry("progress", "Desde la respuesta, está…"),
                  Map.entry("BETTER", "Mejor"),
                  Map.entry("SAME", "Más o menos igual"),
                  Map.entry("WORSE", "Peor"),
                  Map.entry("newSymptoms", "¿Hay algo nuevo, como otra mancha, sangrado o dolor?"),
                  Map.entry("yes", "Sí"),
                  Map.entry("no", "No"),
                  Map.entry("notes", "Sus notas"),
                  Map.entry("answer", "La respuesta de su dermatólogo"),
                  Map.entry("byline", "De {name}, {date}"),
                  Map.entry("diagnosis", "Lo más probable es"),
                  Map.entry("clinicalName", "(nombre médico: {name})"),
                  Map.entry("differentials", "Otras posibilidades que consideró el dermatólogo:"),
                  Map.entry("plan", "Qué hacer"),
                  Map.entry("prescriptions", "Recetas"),
                  Map.entry("quantity", "Cantidad {quantity}, repeticiones {refills}"),
                  Map.entry("referral", "Por favor, vea a un médico en persona"),
                  Map.entry("referral.ROUTINE", "en las próximas semanas."),
                  Map.entry("referral.SOON", "en una o dos semanas."),
                  Map.entry("referral.URGENT", "lo antes posible, en los próximos días."),
                  Map.entry(
                      "noReferral",
                      "El dermatólogo no le ha pedido ver a un médico en persona por esto."),
                  Map.entry(
                      "followUpOn",
                      "Seguimiento: el dermatólogo pidió fotos nuevas hacia el {date}.")));

  private final String language;
  private final Map<String, String> words;
  private final DateTimeFormatter dates;

  ConsultationsPage(String language) {
    if (!LANGUAGES.contains(language)) {
      throw new IllegalArgumentException("no words for language " + language);
    }
    this.language = language;
    this.words = WORDS.get(language);
    this.dates =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(Locale.forLanguageTag(language));
  }

  String render(Instant exportedAt, List<Consultations.Consultation> consultations) {
    StringBuilder html =
        new StringBuilder()
            .append("<!doctype html>\n<html lang=\"")
            .append(language)
            .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<title>")
            .append(text(words.get("title")))
            .append("</title>\n")
            .append(
                "<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;")
            .append(
                "line-height:1.5}article{border-top:1px solid #ccc;padding:.5rem 0}.hint{color:#555}</style>\n")
            .append("</head>\n<body>\n<h1>")
            .append(text(words.get("title")))
            .append("</h1>\n<p>")
            .append(say("lead", "date", date(exportedAt.toString())))
            .append("</p>\n");
    for (Consultations.Consultation c : consultations) {
      html.append("<section>\n<h2>")
          .append(say("consultation", "date", date(c.submittedAt())))
          .append("</h2>\n")
          .append("<p class=\"hint\">")
          .append(say("reference", "id", c.caseId()))
          .append("</p>\n");
      List<Entry> entries = entries(c);
      if (entries.isEmpty()) {
        html.append("<p>").append(text(words.get("nothing"))).append("</p>\n");
      }
      entries.forEach(e -> html.append(e.html()));
      html.append("</section>\n");
    }
    return html.append("</body>\n</html>\n").toString();
  }

  /**
   * One exchange: its round, its place in the round (question, reply, follow-up, answer) and its
   * HTML.
   */
  private record Entry(int round, int order, String html) {}

  private List<Entry> entries(Consultations.Consultation c) {
    List<Entry> entries = new ArrayList<>();
    c.questions()
        .forEach(
            q ->
                entries.add(
                    new Entry(
                        q.round(),
                        0,
                        "<article>\n<h3>"
                            + text(words.get("question"))
                            + "</h3>\n<p>"
                            + say(
                                "askedBy", "name", q.dermatologistName(), "date", date(q.askedAt()))
                            + "</p>\n<blockquote>"
                            + paragraphs(q.question())
                            + "</blockquote>\n</article>\n")));
    c.replies()
        .forEach(
            r ->
                entries.add(
                    new Entry(
                        r.round(),
                        1,
                        "<article>\n<h3>"
                            + say("reply", "date", date(r.sentAt()))
                            + "</h3>\n"
                            + paragraphs(r.text())
                            + photos(r.photos().size())
                            + "</article>\n")));
    c.followUps()
        .forEach(
            f ->
                entries.add(
                    new Entry(
                        f.round(),
                        2,
                        "<article>\n<h3>"
                            + say("followUp", "date", date(f.sentAt()))
                            + "</h3>\n<p>"
                            + text(words.get("progress"))
                            + " <strong>"
                            + text(words.getOrDefault(f.progress(), f.progress()))
                            + "</strong></p>\n<p>"
                            + text(words.get("newSymptoms"))
                            + " <strong>"
                            + text(words.get(f.newSymptoms() ? "yes" : "no"))
                            + "</strong></p>\n"
                            + (f.notes() == null || f.notes().isBlank()
                                ? ""
                                : "<p>"
                                    + text(words.get("notes"))
                                    + ":</p>\n"
                                    + paragraphs(f.notes()))
                            + photos(f.photos().size())
                            + "</article>\n")));
    c.answers().forEach(a -> entries.add(new Entry(a.round(), 3, answer(a))));
    entries.sort(Comparator.comparingInt(Entry::round).thenComparingInt(Entry::order));
    return entries;
  }

  private String answer(Consultations.Answer a) {
    StringBuilder html =
        new StringBuilder("<article>\n<h3>")
            .append(text(words.get("answer")))
            .append("</h3>\n<p>")
            .append(say("byline", "name", a.dermatologistName(), "date", date(a.answeredAt())))
            .append("</p>\n");
    if (a.diagnosis() != null) {
      html.append("<h4>")
          .append(text(words.get("diagnosis")))
          .append("</h4>\n<p><strong>")
          .append(text(a.diagnosis().name()))
          .append("</strong>");
      if (a.diagnosis().clinicalName() != null
          && !a.diagnosis().clinicalName().equals(a.diagnosis().name())) {
        html.append(" <span class=\"hint\">")
            .append(say("clinicalName", "name", a.diagnosis().clinicalName()))
            .append("</span>");
      }
      html.append("</p>\n");
    }
    if (!a.differentials().isEmpty()) {
      html.append("<p>").append(text(words.get("differentials"))).append("</p>\n<ul>\n");
      a.differentials().forEach(d -> html.append("<li>").append(text(d.name())).append("</li>\n"));
      html.append("</ul>\n");
    }
    html.append(paragraphs(a.explanation()));
    if (a.treatmentPlan() != null && !a.treatmentPlan().isBlank()) {
      html.append("<h4>")
          .append(text(words.get("plan")))
          .append("</h4>\n")
          .append(paragraphs(a.treatmentPlan()));
    }
    if (!a.prescriptions().isEmpty()) {
      html.append("<h4>").append(text(words.get("prescriptions"))).append("</h4>\n<ul>\n");
      for (AnswerContent.Prescription p : a.prescriptions()) {
        html.append("<li><strong>")
            .append(
                text(
                    String.join(
                        " ",
                        nonBlank(
                            p.medicine(),
                            p.strength(),
                            PrescriptionForms.name(language, p.form())))))
            .append("</strong><br>")
            .append(text(p.directions()))
            .append("<br><span class=\"hint\">")
            .append(
                say(
                    "quantity",
                    "quantity",
                    p.quantity(),
                    "refills",
                    String.valueOf(p.refills() == null ? 0 : p.refills())))
            .append("</span></li>\n");
      }
      html.append("</ul>\n");
    }
    AnswerContent.Referral referral = a.referral();
    if (referral != null && Boolean.TRUE.equals(referral.advised())) {
      String urgency = referral.urgency() == null ? "ROUTINE" : referral.urgency();
      html.append("<p><strong>")
          .append(text(words.get("referral")))
          .append("</strong> ")
          .append(text(words.getOrDefault("referral." + urgency, "")))
          .append("</p>\n")
          .append(paragraphs(referral.note()));
    } else if (referral != null) {
      html.append("<p>").append(text(words.get("noReferral"))).append("</p>\n");
    }
    if (a.followUpDate() != null) {
      html.append("<p>")
          .append(say("followUpOn", "date", dates.format(LocalDate.parse(a.followUpDate()))))
          .append("</p>\n");
    }
    return html.append("</article>\n").toString();
  }

  private String photos(int count) {
    if (count == 0) {
      return "";
    }
    return "<p class=\"hint\">"
        + (count == 1 ? text(words.get("photo")) : say("photos", "count", String.valueOf(count)))
        + "</p>\n";
  }

  /** A dictionary text with its {placeholders} filled, all of it escaped. */
  private String say(String key, String... namesAndValues) {
    String filled = words.get(key);
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      filled = filled.replace("{" + namesAndValues[i] + "}", String.valueOf(namesAndValues[i + 1]));
    }
    return text(filled);
  }

  private String date(String instant) {
    return instant == null ? "" : dates.format(Instant.parse(instant).atZone(ZoneOffset.UTC));
  }

  /** Free text as paragraphs, one per blank-line-separated block, line breaks kept. */
  private static String paragraphs(String value) {
    if (value == null || value.isBlank()) {
      return "";
    }
    StringBuilder html = new StringBuilder();
    for (String block : value.strip().split("\\R\\s*\\R")) {
      html.append("<p>").append(text(block).replaceAll("\\R", "<br>")).append("</p>\n");
    }
    return html.toString();
  }

  private static List<String> nonBlank(String... values) {
    List<String> kept = new ArrayList<>();
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        kept.add(value);
      }
    }
    return kept;
  }

  static String text(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder escaped = new StringBuilder(value.length());
    for (char ch : value.toCharArray()) {
      switch (ch) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(ch);
      }
    }
    return escaped.toString();
  }
}
