package com.dermrelay.core.data;

/** A conditional write found another version than the one it was based on. */
public final class VersionConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public VersionConflictException() {
    super("the item changed since it was read");
  }
}
