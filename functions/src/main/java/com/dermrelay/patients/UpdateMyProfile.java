package com.dermrelay.patients;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.data.VersionConflictException;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.inject.Inject;

/**
 * Creates or replaces the signed-in patient's profile: one conditional write on the version read (0
 * for a new one), so two tabs cannot overwrite each other unseen.
 */
public final class UpdateMyProfile {
  private final PatientProfiles profiles;
  private final AuditTrail audit;

  @Inject
  public UpdateMyProfile(PatientProfiles profiles, AuditTrail audit) {
    this.profiles = profiles;
    this.audit = audit;
  }

  public ProfileRequests.View run(TenantContext tenant, ProfileRequests.Update update) {
    // "Today" where the patient most likely is would need their time zone; UTC is at most a day
    // off.
    LocalDate today = LocalDate.ofInstant(tenant.requestTime(), ZoneOffset.UTC);
    List<ApiProblem.FieldError> errors = ProfileRules.problems(update, today);
    if (!errors.isEmpty()) {
      throw new ApiProblem(
          400,
          ProblemTypes.INVALID_REQUEST,
          "Bad Request",
          "Some fields are invalid: "
              + String.join(", ", errors.stream().map(ApiProblem.FieldError::pointer).toList())
              + ".",
          errors);
    }
    long expected = update.version() == null ? 0 : update.version();
    PatientProfile profile = new PatientProfile(update.dateOfBirth(), update.sex());
    long version;
    try {
      version = profiles.save(tenant, tenant.subject(), profile, expected);
    } catch (VersionConflictException e) {
      throw new ApiProblem(
          409,
          ProblemTypes.CONFLICT,
          "Conflict",
          expected == 0
              ? "You already have a profile; read it and send its version."
              : "The profile changed meanwhile; read it again.");
    }
    audit.wrote(
        tenant,
        "profile.update",
        AuditResource.ofPatient("profile", tenant.subject(), tenant.subject()));
    return new ProfileRequests.View(profile.dateOfBirth(), profile.sex(), version);
  }
}
