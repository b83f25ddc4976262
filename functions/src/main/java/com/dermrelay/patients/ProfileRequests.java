package com.dermrelay.patients;

/** Bodies and answers of the profile operations. */
public final class ProfileRequests {
  private ProfileRequests() {}

  /**
   * {@code PUT .../me/profile}: the whole profile.
   *
   * @param version the version read; absent (or 0) only when the patient has no profile yet
   */
  public record Update(String dateOfBirth, String sex, Long version) {}

  /** The profile as its patient sees it. */
  public record View(String dateOfBirth, String sex, long version) {
    static View of(PatientProfiles.StoredProfile stored) {
      return new View(stored.profile().dateOfBirth(), stored.profile().sex(), stored.version());
    }
  }
}
