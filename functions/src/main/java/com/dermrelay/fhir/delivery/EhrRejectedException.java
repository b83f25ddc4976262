package com.dermrelay.fhir.delivery;

/**
 * The clinic's EHR refused the Bundle, or it cannot be sent as things are (no endpoint, no
 * credentials): a 4xx, or an OperationOutcome with errors. Sending the same again would fail the
 * same way, so the workflow does not retry it; the clinic admin fixes the cause and sends again.
 */
public final class EhrRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Reasons are shown in the console and kept on the record: short, one line. */
  static final int MAX_REASON = 300;

  public EhrRejectedException(String reason) {
    super(safe(reason));
  }

  public String reason() {
    return getMessage();
  }

  /** One line of at most {@link #MAX_REASON} characters, control characters removed. */
  static String safe(String reason) {
    String text = reason == null ? "unknown" : reason.replaceAll("[\\p{Cntrl}]+", " ").strip();
    return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
  }
}
