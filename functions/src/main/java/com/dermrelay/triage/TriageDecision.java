package com.dermrelay.triage;

/**
 * What decided a case's priority: the deciding rule and, when it is a checklist, the score that
 * decided and the score from which the checklist asks for that priority. The 7-point checklist and
 * ABCDE count each fact once; the triage score orders a queue and is not what decides.
 *
 * @param rule the deciding reason's code (e.g. {@code SEVEN_POINT_URGENT}, {@code
 *     NO_WARNING_SIGNS})
 * @param scale {@code SEVEN_POINT} or {@code ABCDE} when a checklist decided, else null
 */
public record TriageDecision(String rule, String scale, Integer score, Integer threshold) {
  public static final String SEVEN_POINT = "SEVEN_POINT";
  public static final String ABCDE = "ABCDE";

  static TriageDecision rule(String code) {
    return new TriageDecision(code, null, null, null);
  }
}
