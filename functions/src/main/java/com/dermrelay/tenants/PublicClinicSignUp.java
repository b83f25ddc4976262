package com.dermrelay.tenants;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import javax.inject.Inject;

/**
 * The public sign-up as the internet reaches it: each attempt is counted per source address before
 * its body is read (so malformed attempts count too) and per admin e-mail after, then the clinic is
 * signed up. Over a limit, {@link SignUpRateLimit.Exceeded} (429 with Retry-After).
 */
public final class PublicClinicSignUp {
  private final SignUpRateLimit rateLimit;
  private final SignUpClinic signUpClinic;

  @Inject
  public PublicClinicSignUp(SignUpRateLimit rateLimit, SignUpClinic signUpClinic) {
    this.rateLimit = rateLimit;
    this.signUpClinic = signUpClinic;
  }

  public ClinicSignedUp run(
      String sourceIp,
      Supplier<ClinicSignUp> readBody,
      Optional<String> idempotencyKey,
      String requestId,
      Instant requestTime) {
    rateLimit.countAddress(sourceIp);
    ClinicSignUp signUp = readBody.get();
    if (signUp.adminEmail() != null && !signUp.adminEmail().isBlank()) {
      rateLimit.countEmail(signUp.adminEmail().strip());
    }
    return signUpClinic.run(signUp, idempotencyKey, requestId, requestTime);
  }
}
