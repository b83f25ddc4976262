package com.dermrelay.letters;

import com.dermrelay.cases.PrescriptionForms;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The letter's fixed words in the patient portal's languages, and its dates as they are read. */
final class LetterWords {
  /** The languages a letter is written in: the patient portal's. */
  static final List<String> LANGUAGES = List.of("en", "es");

  private static final Map<String, Map<String, String>> WORDS =
      Map.of(
          "en",
              Map.ofEntries(
                  Map.entry("title", "Your dermatology consultation"),
                  Map.entry("for", "For"),
                  Map.entry("patient", "Patient"),
                  Map.entry("date", "Date"),
                  Map.entry("reference", "Case reference"),
                  Map.entry("diagnosis", "What the dermatologist found"),
                  Map.entry("clinicalName", "Clinical name"),
                  Map.entry("explanation", "What this means"),
                  Map.entry("plan", "Your plan"),
                  Map.entry("prescriptions", "Prescriptions"),
                  Map.entry("refills", "repeats"),
                  Map.entry("noPrescriptions", "No medicine was prescribed."),
                  Map.entry("followUp", "Follow-up"),
                  Map.entry("followUpOn", "Please send follow-up photos on {date}."),
                  Map.entry("noFollowUp", "No follow-up photos are needed."),
                  Map.entry("referral", "Seeing a doctor in person"),
                  Map.entry(
                      "referral.ROUTINE",
                      "The dermatologist advises an in-person visit within the next few weeks."),
                  Map.entry(
                      "referral.SOON",
                      "The dermatologist advises an in-person visit within a week or two."),
                  Map.entry(
                      "referral.URGENT",
                      "The dermatologist advises an in-person visit as soon as possible, within days."),
                  Map.entry("signed", "Dermatologist"),
                  Map.entry("registration", "Registration"),
                  Map.entry(
                      "notEmergency",
                      "This letter is not for emergencies: if you feel very unwell, call your local emergency number."),
                  Map.entry("referralTitle", "Referral letter"),
                  Map.entry("referralTo", "To the doctor who sees this patient in person"),
                  Map.entry(
                      "referralIntro",
                      "I reviewed this patient's photos and history in an online consultation and advise that they are seen in person."),
                  Map.entry("urgency", "Urgency"),
                  Map.entry("urgency.ROUTINE", "routine (weeks)"),
                  Map.entry("urgency.SOON", "soon (one to two weeks)"),
                  Map.entry("urgency.URGENT", "urgent (days)"),
                  Map.entry("referralNote", "Reason for referral"),
                  Map.entry("treatmentSoFar", "Plan advised so far"),
                  Map.entry("page", "Page {n} of {total}")),
          "es",
              Map.ofEntries(
                  Map.entry("title", "Su consulta de dermatología"),
                  Map.entry("for", "Para"),
                  Map.entry("patient", "Paciente"),
                  Map.entry("date", "Fecha"),
                  Map.entry("reference", "Referencia del caso"),
                  Map.entry("diagnosis", "Lo que encontró el dermatólogo"),
                  Map.entry("clinicalName", "Nombre clínico"),
                  Map.entry("explanation", "Qué significa"),
                  Map.entry("plan", "Su plan"),
                  Map.entry("prescriptions", "Recetas"),
                  Map.entry("refills", "repeticiones"),
                  Map.entry("noPrescriptions", "No se recetó ningún medicamento."),
                  Map.entry("followUp", "Seguimiento"),
                  Map.entry("followUpOn", "Envíe fotos de seguimiento el {date}."),
                  Map.entry("noFollowUp", "No hace falta enviar fotos de seguimiento."),
                  Map.entry("referral", "Visita en persona"),
                  Map.entry(
                      "referral.ROUTINE",
                      "El dermatólogo le aconseja una visita en persona en las próximas semanas."),
                  Map.entry(
                      "referral.SOON",
                      "El dermatólogo le aconseja una visita en persona en una o dos semanas."),
                  Map.entry(
                      "referral.URGENT",
                      "El dermatólogo le aconseja una visita en persona lo antes posible, en los próximos días."),
                  Map.entry("signed", "Dermatólogo"),
                  Map.entry("registration", "Número de colegiado"),
                  Map.entry(
                      "notEmergency",
                      "Esta carta no es para urgencias: si se encuentra muy mal, llame al número de emergencias local."),
                  Map.entry("referralTitle", "Carta de derivación"),
                  Map.entry("referralTo", "Al médico que atienda a este paciente en persona"),
                  Map.entry(
                      "referralIntro",
                      "He revisado las fotos y la historia de este paciente en una consulta en línea y aconsejo que se le vea en persona."),
                  Map.entry("urgency", "Urgencia"),
                  Map.entry("urgency.ROUTINE", "ordinaria (semanas)"),
                  Map.entry("urgency.SOON", "pronto (una o dos semanas)"),
                  Map.entry("urgency.URGENT", "urgente (días)"),
                  Map.entry("referralNote", "Motivo de la derivación"),
                  Map.entry("treatmentSoFar", "Plan aconsejado hasta ahora"),
                  Map.entry("page", "Página {n} de {total}")));

  private final String language;
  private final Map<String, String> words;
  private final DateTimeFormatter dates;

  LetterWords(String language) {
    if (!LANGUAGES.contains(language)) {
      throw new IllegalArgumentException("no words for language " + language);
    }
    this.language = language;
    this.words = WORDS.get(language);
    this.dates =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(Locale.forLanguageTag(language));
  }

  String language() {
    return language;
  }

  String get(String key) {
    String word = words.get(key);
    if (word == null) {
      throw new IllegalArgumentException("no word " + key);
    }
    return word;
  }

  String get(String key, String name, String value) {
    return get(key).replace("{" + name + "}", value);
  }

  String date(LocalDate day) {
    return dates.format(day);
  }

  /** The form's name, empty for an unknown one. */
  String form(String code) {
    String name = PrescriptionForms.name(language, code);
    return name == null ? "" : name;
  }
}
