package com.dermrelay.local.identity.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.text.ParseException;
import java.util.UUID;

/** The pool's RSA signing key: kept in the data directory when there is one, else fresh. */
public final class SigningKeys {
  private static final String FILE = "signing-key.json";

  private SigningKeys() {}

  public static RSAKey loadOrCreate(PoolState state) {
    JsonFiles files = state.files();
    if (files != null) {
      String stored = files.readText(FILE);
      if (stored != null) {
        try {
          return RSAKey.parse(stored);
        } catch (ParseException e) {
          throw new IllegalStateException("identity signing key file " + FILE + " is not a JWK", e);
        }
      }
    }
    RSAKey key = generate();
    if (files != null) {
      files.writeText(FILE, key.toJSONString());
    }
    return key;
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048)
          .keyID(UUID.randomUUID().toString())
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an RSA signing key", e);
    }
  }
}
