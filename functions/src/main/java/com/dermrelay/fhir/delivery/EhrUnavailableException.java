package com.dermrelay.fhir.delivery;

/**
 * The clinic's EHR could not take the Bundle now: the connection was refused or dropped, it timed
 * out, or it answered 5xx or 429. The EHR delivery workflow retries this with backoff (its Retry
 * names this class). The message is the reason a clinic admin reads: ours or the EHR's words, never
 * the Bundle's content.
 */
public final class EhrUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EhrUnavailableException(String reason) {
    super(EhrRejectedException.safe(reason));
  }

  public String reason() {
    return getMessage();
  }
}
