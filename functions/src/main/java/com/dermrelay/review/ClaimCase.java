package com.dermrelay.review;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.data.VersionConflictException;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.quality.figures.QualityEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dermatologist of the clinic takes a queued case: a 15-minute lease on its review item, one
 * conditional write on the version read. Of concurrent claims exactly one write succeeds; the
 * others find the item changed, or claimed by someone else, and answer 409. Claiming one's own case
 * again renews the lease; an expired lease is no claim, so anyone may take the case. A claim tells
 * the workflow someone is working on the case (SendTaskHeartbeat), so it does not remind the clinic
 * of an untouched case.
 */
public final class ClaimCase {
  private static final Logger LOG = LoggerFactory.getLogger(ClaimCase.class);
  public static final Duration LEASE = Duration.ofMinutes(15);
  static final String CONFLICT = "urn:dermrelay:problem:case-claimed";
  static final Pattern CASE_ID =
      Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

  private final ReviewStore reviews;
  private final WorkflowCallbacks callbacks;
  private final AuditTrail audit;
  private final Clock clock;
  private final QualityEvents quality;

  @Inject
  public ClaimCase(
      ReviewStore reviews,
      WorkflowCallbacks callbacks,
      AuditTrail audit,
      Clock clock,
      QualityEvents quality) {
    this.reviews = reviews;
    this.callbacks = callbacks;
    this.audit = audit;
    this.clock = clock;
    this.quality = quality;
  }

  /** The claim as held now. */
  public record Claim(String caseId, String claim, String claimedUntil) {}

  public Claim run(TenantContext tenant, String caseId) {
    ReviewStore.StoredReview stored = queued(reviews, audit, tenant, caseId, "case.claim");
    ReviewItem item = stored.item();
    Instant now = clock.instant();
    String me = tenant.subject();
    if (item.claimed(now.getEpochSecond()) && !item.claimedBy(me, now.getEpochSecond())) {
      throw conflict("Another dermatologist is reviewing this case.");
    }
    long until = now.plus(LEASE).getEpochSecond();
    try {
      reviews.save(tenant, item.withClaim(me, until), stored.version());
    } catch (VersionConflictException e) {
      throw conflict("The case was claimed or changed meanwhile; read the worklist again.");
    }
    audit.wrote(
        tenant, "case.claim", AuditResource.ofPatient("case", caseId, item.patientSubject()));
    // The first claim starts the claim-to-answer time of the quality figures.
    quality.claimed(tenant, caseId, now);
    if (item.taskToken() != null) {
      try {
        callbacks.heartbeat(item.taskToken());
      } catch (WorkflowCallbacks.StaleTaskException e) {
        LOG.info(
            "claim heartbeat: the review wait had just ended (escalation); the next wait starts fresh");
      }
    }
    return new Claim(caseId, "mine", Instant.ofEpochSecond(until).toString());
  }

  /** The case's review item while it waits for review, or the audited 404 / a 409. */
  static ReviewStore.StoredReview queued(
      ReviewStore reviews, AuditTrail audit, TenantContext tenant, String caseId, String action) {
    if (!CASE_ID.matcher(caseId).matches()) {
      throw audit.notFound(tenant, action, AuditResource.of("case", "malformed-id"));
    }
    ReviewStore.StoredReview stored =
        reviews
            .find(tenant, caseId)
            .orElseThrow(() -> audit.notFound(tenant, action, AuditResource.of("case", caseId)));
    if (stored.item().waitingFor() != ReviewItem.Wait.REVIEW) {
      throw new ApiProblem(
          409,
          "urn:dermrelay:problem:case-not-queued",
          "Case not waiting for review",
          "The case is not waiting for a dermatologist now.");
    }
    return stored;
  }

  static ApiProblem conflict(String detail) {
    return new ApiProblem(409, CONFLICT, "Case claimed", detail);
  }
}
