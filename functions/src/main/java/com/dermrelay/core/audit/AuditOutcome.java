package com.dermrelay.core.audit;

/** How an audited action ended. */
public enum AuditOutcome {
  /** Done. */
  SUCCESS,
  /**
   * Refused: the caller may not do this (403), or asked for something not theirs (answered 404).
   */
  DENIED,
  /** Failed on our side after access was granted. */
  FAILED
}
