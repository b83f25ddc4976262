package com.dermrelay.triage;

/** What the automatic photo checks (type, size, blur, exposure, framing) concluded for a case. */
public enum PhotoCheckOutcome {
  ALL_PASSED,
  /** At least one photo was too blurry, dark, small or badly framed to rely on. */
  SOME_FAILED,
  /** The checks had not ended when triage ran. */
  NOT_COMPLETED
}
