package com.dermrelay.tenants;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Invitation tokens: {@code <tenantId>.<secret>}, the secret 256 random bits. Only the secret's
 * SHA-256 is stored (the item's key), so a read of the table does not yield usable links.
 */
final class InvitationTokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern SHAPE =
      Pattern.compile("^([a-z][a-z0-9-]{2,39})\\.([A-Za-z0-9_-]{43})$");
  static final String PREFIX = "INVITATION#";

  /** A parsed token: the clinic it is for, and the hash its item is stored under. */
  record Parsed(String tenantId, String hash) {
    String sortKey() {
      return PREFIX + hash;
    }
  }

  private InvitationTokens() {}

  static String newToken(String tenantId) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return tenantId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  static Optional<Parsed> parse(String token) {
    if (token == null) {
      return Optional.empty();
    }
    var matcher = SHAPE.matcher(token);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(new Parsed(matcher.group(1), SignUpRateLimit.sha256(matcher.group(2))));
  }
}
