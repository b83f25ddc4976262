package com.dermrelay.local.identity.internal;

import com.dermrelay.local.identity.IdentityException;

/**
 * Cognito's policy: a minimum length (the pool's setting), upper and lower case letters, a digit
 * and one of Cognito's symbols. Messages are Cognito's own.
 */
public final class PasswordPolicy {
  private static final int MAX_LENGTH = 256;
  private static final String SYMBOLS = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ";

  private PasswordPolicy() {}

  public static void check(String password, int minLength) {
    if (password == null || password.isEmpty()) {
      throw IdentityException.invalidParameter("Password is required.");
    }
    if (password.length() > MAX_LENGTH) {
      throw IdentityException.invalidParameter("Password is longer than " + MAX_LENGTH + ".");
    }
    if (!password.equals(password.strip())) {
      refuse("Password must not have leading or trailing whitespace");
    }
    if (password.length() < minLength) {
      refuse("Password not long enough");
    }
    if (password.chars().noneMatch(Character::isUpperCase)) {
      refuse("Password must have uppercase characters");
    }
    if (password.chars().noneMatch(Character::isLowerCase)) {
      refuse("Password must have lowercase characters");
    }
    if (password.chars().noneMatch(c -> c >= '0' && c <= '9')) {
      refuse("Password must have numeric characters");
    }
    if (password.chars().noneMatch(c -> SYMBOLS.indexOf(c) >= 0)) {
      refuse("Password must have symbol characters");
    }
  }

  private static void refuse(String reason) {
    throw new IdentityException(
        IdentityException.INVALID_PASSWORD, "Password did not conform with policy: " + reason);
  }
}
