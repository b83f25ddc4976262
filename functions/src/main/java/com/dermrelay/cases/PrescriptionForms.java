package com.dermrelay.cases;

import java.util.Map;

/**
 * A prescription's form ({@code AnswerContent.Prescription#form}) in the patient's words, as the
 * portals name it, for what the service itself writes: the consultations page of the data export
 * and the letter.
 */
public final class PrescriptionForms {
  private static final Map<String, Map<String, String>> NAMES =
      Map.of(
          "en",
              Map.ofEntries(
                  Map.entry("cream", "cream"),
                  Map.entry("ointment", "ointment"),
                  Map.entry("gel", "gel"),
                  Map.entry("lotion", "lotion"),
                  Map.entry("solution", "solution"),
                  Map.entry("foam", "foam"),
                  Map.entry("shampoo", "shampoo"),
                  Map.entry("paste", "paste"),
                  Map.entry("powder", "powder"),
                  Map.entry("spray", "spray"),
                  Map.entry("patch", "patch"),
                  Map.entry("tablet", "tablets"),
                  Map.entry("capsule", "capsules"),
                  Map.entry("oral-liquid", "oral liquid"),
                  Map.entry("injection", "injection")),
          "es",
              Map.ofEntries(
                  Map.entry("cream", "crema"),
                  Map.entry("ointment", "pomada"),
                  Map.entry("gel", "gel"),
                  Map.entry("lotion", "loción"),
                  Map.entry("solution", "solución"),
                  Map.entry("foam", "espuma"),
                  Map.entry("shampoo", "champú"),
                  Map.entry("paste", "pasta"),
                  Map.entry("powder", "polvo"),
                  Map.entry("spray", "espray"),
                  Map.entry("patch", "parche"),
                  Map.entry("tablet", "comprimidos"),
                  Map.entry("capsule", "cápsulas"),
                  Map.entry("oral-liquid", "líquido oral"),
                  Map.entry("injection", "inyectable")));

  private PrescriptionForms() {}

  /** The form's name in {@code language} (en, es); null for no form, "other" or an unknown one. */
  public static String name(String language, String form) {
    return form == null ? null : NAMES.getOrDefault(language, Map.of()).get(form);
  }
}
