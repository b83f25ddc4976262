package com.dermrelay.review;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.data.VersionConflictException;
import java.time.Clock;
import javax.inject.Inject;

/** The holder of a case's claim gives it back to the queue; nobody else can (409). */
public final class ReleaseCase {
  private final ReviewStore reviews;
  private final AuditTrail audit;
  private final Clock clock;

  @Inject
  public ReleaseCase(ReviewStore reviews, AuditTrail audit, Clock clock) {
    this.reviews = reviews;
    this.audit = audit;
    this.clock = clock;
  }

  public ClaimCase.Claim run(TenantContext tenant, String caseId) {
    ReviewStore.StoredReview stored =
        ClaimCase.queued(reviews, audit, tenant, caseId, "case.release");
    ReviewItem item = stored.item();
    if (!item.claimedBy(tenant.subject(), clock.instant().getEpochSecond())) {
      throw ClaimCase.conflict("You do not hold a claim on this case.");
    }
    try {
      reviews.save(tenant, item.withoutClaim(), stored.version());
    } catch (VersionConflictException e) {
      throw ClaimCase.conflict("The case changed meanwhile; read it again.");
    }
    audit.wrote(
        tenant, "case.release", AuditResource.ofPatient("case", caseId, item.patientSubject()));
    return new ClaimCase.Claim(caseId, "none", null);
  }
}
