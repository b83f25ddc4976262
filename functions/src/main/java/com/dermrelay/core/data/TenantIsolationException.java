package com.dermrelay.core.data;

/**
 * A read, write or query that would reach outside the acting tenant's key space, refused by the
 * data layer before (or, for an item read back, instead of) any use of it. A bug, never a client's
 * doing: clients only ever hand in ids and cursors, which are checked apart (404, 400). The message
 * names no key.
 */
public final class TenantIsolationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TenantIsolationException(String reason) {
    super(reason);
  }
}
