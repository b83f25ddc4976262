package com.dermrelay.letters;

import com.dermrelay.core.tenancy.Membership;
import com.dermrelay.core.tenancy.TenantDirectory;
import java.util.Optional;
import javax.inject.Inject;

/**
 * A dermatologist's registration number in the clinic of a letter: set by them on their membership
 * of that clinic (registrations are per country, and clinics may be in different ones).
 */
public final class DermatologistRegistrations {
  private final TenantDirectory directory;

  @Inject
  public DermatologistRegistrations(TenantDirectory directory) {
    this.directory = directory;
  }

  public Optional<String> of(String tenantId, String dermatologistSubject) {
    if (dermatologistSubject == null) {
      return Optional.empty();
    }
    return directory
        .membership(tenantId, dermatologistSubject)
        .map(Membership::registration)
        .filter(r -> !r.isBlank());
  }
}
