package com.dermrelay.local.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random tokens and codes, and the one-way digest refresh tokens are stored under. */
public final class Secrets {
  private Secrets() {}

  /** 48 random bytes, URL-safe: refresh tokens and challenge sessions. */
  public static String randomToken(SecureRandom random) {
    byte[] bytes = new byte[48];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A 6-digit confirmation code, as Cognito sends. */
  public static String sixDigitCode(SecureRandom random) {
    return String.format("%06d", random.nextInt(1_000_000));
  }

  public static String sha256(String value) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JDK", e);
    }
  }
}
