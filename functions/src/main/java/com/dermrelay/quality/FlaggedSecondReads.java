package com.dermrelay.quality;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.auth.Role;
import com.dermrelay.core.data.VersionConflictException;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.tenancy.TenantDirectory;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Flagged second reads as the people who deal with them meet them (review's listFlaggedSecondReads,
 * amendAnswer and closeSecondReadFlag): who may see a flag (the clinic's medical leads and admins
 * every one, the first reader their own), who may act on one (a medical lead, or the first reader
 * for an amendment), and the flag's resolution, one conditional write.
 */
public final class FlaggedSecondReads {
  public static final String MEDICAL_LEAD = "medical-lead";
  public static final String FIRST_READER = "first-reader";
  static final int LIMIT = 50;

  private final SecondReadStore store;
  private final TenantDirectory directory;

  @Inject
  public FlaggedSecondReads(SecondReadStore store, TenantDirectory directory) {
    this.store = store;
    this.directory = directory;
  }

  /**
   * The clinic's open flags the caller may see, oldest flagged first: every one for a clinic admin
   * or a medical lead, a dermatologist's own answers otherwise.
   */
  public List<SecondRead> visibleTo(TenantContext tenant) {
    boolean all =
        tenant.actsAs(Role.CLINIC_ADMIN)
            || directory.isActiveMedicalLead(tenant.tenantId(), tenant.subject());
    // One Query; a dermatologist who is not a lead sees their own among the clinic's oldest.
    return store.flagged(tenant, all ? LIMIT : 4 * LIMIT).stream()
        .map(SecondReadStore.Stored::read)
        .filter(SecondRead::flagOpen)
        .filter(r -> all || tenant.subject().equals(r.firstReaderId()))
        .limit(LIMIT)
        .toList();
  }

  /**
   * A round a second read flagged (open or resolved) and the caller's standing on it.
   *
   * @throws ApiProblem 404 when the round was never flagged, 403 when the caller is neither a
   *     medical lead of the clinic nor (where {@code firstReaderMay}) the dermatologist who
   *     answered
   */
  public Flag actOn(TenantContext tenant, String caseId, int round, boolean firstReaderMay) {
    SecondReadStore.Stored stored =
        store
            .find(tenant, caseId, round)
            .filter(s -> s.read().flagged())
            .orElseThrow(() -> ApiProblem.notFound("No second read flagged that case and round."));
    String role;
    if (directory.isActiveMedicalLead(tenant.tenantId(), tenant.subject())) {
      role = MEDICAL_LEAD;
    } else if (firstReaderMay && tenant.subject().equals(stored.read().firstReaderId())) {
      role = FIRST_READER;
    } else {
      throw new ApiProblem(
          403,
          "about:blank",
          "Forbidden",
          firstReaderMay
              ? "Only a medical lead of the clinic or the dermatologist who answered may do this."
              : "Only a medical lead of the clinic may do this.");
    }
    return new Flag(stored, role);
  }

  /** A flagged round as read, and the role the caller acts in. */
  public record Flag(SecondReadStore.Stored stored, String role) {
    public SecondRead read() {
      return stored.read();
    }
  }

  /**
   * Records the resolution unless one with this answer version or a later one stands (a retry);
   * returns the round as it stands. A concurrent change is re-read once.
   */
  public SecondRead resolve(TenantContext tenant, Flag flag, SecondRead.Resolution resolution) {
    SecondReadStore.Stored stored = flag.stored();
    for (int attempt = 0; ; attempt++) {
      Optional<SecondRead.Resolution> standing = Optional.ofNullable(stored.read().resolution());
      if (standing.isPresent() && standing.get().answerVersion() >= resolution.answerVersion()) {
        return stored.read();
      }
      SecondRead done = stored.read().resolved(resolution);
      try {
        store.save(tenant, done, stored.version());
        return done;
      } catch (VersionConflictException e) {
        if (attempt > 0) {
          throw e;
        }
        stored = store.find(tenant, flag.read().caseId(), flag.read().round()).orElseThrow(() -> e);
      }
    }
  }
}
