package com.dermrelay.local.identity;

/** Cognito's user statuses that the local pool uses. */
public enum UserStatus {
  /** Signed up, code not yet confirmed: cannot sign in. */
  UNCONFIRMED,
  /** Can sign in. */
  CONFIRMED,
  /** Created by an admin with a temporary password: must set a new one at first sign-in. */
  FORCE_CHANGE_PASSWORD
}
