package com.dermrelay.quality;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.VersionConflictException;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import java.util.List;
import javax.inject.Inject;

/**
 * Second reads as the second reader meets them (review's listSecondReads, getSecondReadCase and
 * submitSecondRead): the clinic's open list, the rounds a caller may read, and the recording of a
 * read with one conditional write. The first reader of a round is refused it here, once for all.
 */
public final class SecondReads {
  private final SecondReadStore store;

  @Inject
  public SecondReads(SecondReadStore store) {
    this.store = store;
  }

  /**
   * The clinic's open rounds the caller did not answer, oldest offered first, {@code max} at most.
   */
  public List<SecondRead> openFor(TenantContext tenant, int max) {
    // One Query; twice as many as shown, since the caller's own rounds are left out.
    return store.open(tenant, 2 * max).stream()
        .map(SecondReadStore.Stored::read)
        .filter(r -> SecondRead.OPEN.equals(r.status()))
        .filter(r -> !tenant.subject().equals(r.firstReaderId()))
        .limit(max)
        .toList();
  }

  /**
   * The round's second read for a caller who may read it.
   *
   * @throws ApiProblem 404 when the round was not sampled (or does not exist), 403 ({@link
   *     ProblemTypes#OWN_ANSWER}) for the dermatologist who answered it
   */
  public SecondRead forReader(TenantContext tenant, String caseId, int round) {
    return readable(tenant, caseId, round).read();
  }

  /**
   * Records the caller's read of an OPEN round (one conditional write) and returns it; the caller's
   * own earlier read is returned as it stands (a retry), read or already compared.
   *
   * @throws ApiProblem 409 when the round is no longer open or another reader came first
   */
  public SecondRead record(TenantContext tenant, String caseId, int round, SecondRead.Read read) {
    SecondReadStore.Stored stored = readable(tenant, caseId, round);
    SecondRead current = stored.read();
    if (current.secondRead() != null && tenant.subject().equals(current.secondRead().readerId())) {
      return current;
    }
    if (!SecondRead.OPEN.equals(current.status())) {
      throw conflict("This second read is no longer open.");
    }
    SecondRead done = current.readBy(read);
    try {
      store.save(tenant, done, stored.version());
    } catch (VersionConflictException e) {
      throw conflict("Another dermatologist recorded this second read first.");
    }
    return done;
  }

  private SecondReadStore.Stored readable(TenantContext tenant, String caseId, int round) {
    SecondReadStore.Stored stored =
        store
            .find(tenant, caseId, round)
            .filter(s -> s.read().sampled())
            .orElseThrow(() -> ApiProblem.notFound("No second read of that case and round waits."));
    if (tenant.subject().equals(stored.read().firstReaderId())) {
      throw new ApiProblem(
          403,
          ProblemTypes.OWN_ANSWER,
          "Forbidden",
          "You answered this case: its second read is for another dermatologist of the clinic.");
    }
    return stored;
  }

  private static ApiProblem conflict(String detail) {
    return new ApiProblem(409, ProblemTypes.CONFLICT, "Conflict", detail);
  }
}
