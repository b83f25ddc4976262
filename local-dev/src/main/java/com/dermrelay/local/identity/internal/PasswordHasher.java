package com.dermrelay.local.identity.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 with a per-user random salt, stored as {@code
 * pbkdf2-sha256$<iterations>$<salt>$<hash>} so the cost can change without breaking old hashes.
 */
public final class PasswordHasher {
  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final String PREFIX = "pbkdf2-sha256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private final int iterations;
  private final SecureRandom random;

  /** Verified against when the user is unknown, so that case costs the same time. */
  private final String decoy;

  public PasswordHasher(int iterations, SecureRandom random) {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be positive: " + iterations);
    }
    this.iterations = iterations;
    this.random = random;
    this.decoy = hash("decoy-password-never-matches");
  }

  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derive(password, salt, iterations);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return PREFIX
        + "$"
        + iterations
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(hash);
  }

  /** True when {@code password} matches {@code stored}; a null {@code stored} never matches. */
  public boolean matches(String password, String stored) {
    String encoded = stored == null ? decoy : stored;
    String[] parts = encoded.split("\\$");
    if (parts.length != 4 || !PREFIX.equals(parts[0])) {
      throw new IllegalStateException("stored password hash has an unknown format");
    }
    Base64.Decoder b64 = Base64.getDecoder();
    byte[] expected = b64.decode(parts[3]);
    byte[] actual = derive(password, b64.decode(parts[2]), Integer.parseInt(parts[1]));
    return MessageDigest.isEqual(expected, actual) && stored != null;
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    char[] chars = password.toCharArray();
    KeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available in this JDK", e);
    } finally {
      Arrays.fill(chars, '\0');
    }
  }
}
