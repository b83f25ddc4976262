package com.dermrelay.core.tenancy;

import com.dermrelay.core.auth.Role;
import java.util.Optional;

/**
 * A user's place in a clinic. A removed membership is kept (status {@code REMOVED}) so that the
 * access layer can say 403 "your access ended" rather than pretend the clinic does not exist.
 *
 * @param registration a dermatologist's professional registration number as they gave it for this
 *     clinic (the answer letter prints it); empty where none was given
 */
public record Membership(
    String tenantId,
    String subject,
    String role,
    String status,
    String email,
    String displayName,
    long version,
    String registration) {
  public static final String ACTIVE = "ACTIVE";
  public static final String REMOVED = "REMOVED";

  public boolean active() {
    return ACTIVE.equals(status);
  }

  public Optional<Role> roleValue() {
    return Role.fromGroup(role);
  }
}
