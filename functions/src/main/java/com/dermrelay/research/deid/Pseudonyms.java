package com.dermrelay.research.deid;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The export's ids for patients, lesions and images: HMAC-SHA256 under the export's own random key
 * of the platform's internal ids, 64 bits in hex. Without the key nobody can compute them from an
 * id nor tell two exports' ids of one patient apart from strangers'; with it, the clinic alone can
 * (docs/research-export.md, "The key"). One case is one lesion until lesions get an identity of
 * their own across cases.
 */
public final class Pseudonyms {
  private static final String ALGORITHM = "HmacSHA256";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** 256 bits, HMAC-SHA256's block-size-independent strength. */
  static final int KEY_BYTES = 32;

  private final SecretKeySpec key;
  private final String tenantId;

  public Pseudonyms(String base64Key, String tenantId) {
    byte[] raw = Base64.getUrlDecoder().decode(base64Key);
    if (raw.length != KEY_BYTES) {
      throw new IllegalArgumentException("a pseudonym key is " + KEY_BYTES + " bytes");
    }
    this.key = new SecretKeySpec(raw, ALGORITHM);
    this.tenantId = tenantId;
  }

  /** A new random key, base64url without padding (what the admin is shown once). */
  public static String newKey() {
    byte[] raw = new byte[KEY_BYTES];
    RANDOM.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  public String patient(String subject) {
    return "DRP_" + mac("patient", subject);
  }

  public String lesion(String caseId) {
    return "DRL_" + mac("lesion", caseId);
  }

  public String image(String caseId, String photoId) {
    return "DRI_" + mac("image", caseId + "/" + photoId);
  }

  private String mac(String kind, String id) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      byte[] digest =
          mac.doFinal((kind + "\n" + tenantId + "\n" + id).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every JVM", e);
    }
  }
}
