package com.dermrelay.triage;

/**
 * What kind of skin problem the patient describes, which decides the rules that apply: the spot
 * rules (7-point checklist, ABCDE, a new spot) for a spot, the rash rules (red flags, a rash
 * getting worse, fever, a new medicine) for a rash, and both when it is something else or not known
 * (cases opened before the intake asked).
 */
public enum ProblemKind {
  SPOT,
  RASH,
  EITHER;

  public boolean spotRulesApply() {
    return this != RASH;
  }

  public boolean rashRulesApply() {
    return this != SPOT;
  }
}
