package com.dermrelay.triage;

/** How soon a dermatologist must look at a case; declared from most to least urgent. */
public enum Priority {
  URGENT,
  SOON,
  ROUTINE;

  /** The more urgent of the two. */
  public Priority atLeast(Priority other) {
    return compareTo(other) <= 0 ? this : other;
  }

  /** One step more urgent; URGENT stays URGENT. */
  public Priority raisedOneStep() {
    return this == ROUTINE ? SOON : URGENT;
  }
}
