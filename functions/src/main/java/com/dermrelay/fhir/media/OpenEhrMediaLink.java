package com.dermrelay.fhir.media;

import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.StoredCase;
import com.dermrelay.core.access.InternalAccess;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditOutcome;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.http.ApiProblem;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import javax.inject.Inject;

/**
 * openEhrMediaLink ({@code GET /ehr-media/{token}}, public): a clinic's EHR follows the link of a
 * FHIR Media. A token we signed, not expired, for a photo copy that exists, answers a presigned GET
 * of the copy (5 minutes) to redirect to, and is recorded as a read of the patient's case by the
 * actor {@code ehr}. Anything else answers a problem that names nothing: 404 for a token that is
 * not ours whole (tampered, another key, another algorithm, garbage) or whose photo is gone, 410
 * for one of ours that expired.
 */
public final class OpenEhrMediaLink {
  static final String ACTION = "ehr.media.read";
  static final String LINK_EXPIRED = "urn:dermrelay:problem:link-expired";

  private final EhrMediaTokens tokens;
  private final EhrLinkKey key;
  private final EhrMediaCopies copies;
  private final InternalAccess access;
  private final CaseStore cases;
  private final AuditTrail audit;
  private final Clock clock;

  @Inject
  public OpenEhrMediaLink(
      ObjectMapper json,
      EhrLinkKey key,
      EhrMediaCopies copies,
      InternalAccess access,
      CaseStore cases,
      AuditTrail audit,
      Clock clock) {
    this.tokens = new EhrMediaTokens(json);
    this.key = key;
    this.copies = copies;
    this.access = access;
    this.cases = cases;
    this.audit = audit;
    this.clock = clock;
  }

  /** Where to redirect the EHR: a presigned GET of the photo's copy. */
  public String run(String token, String requestId) {
    Instant now = clock.instant();
    EhrMediaTokens.Verified verified = tokens.verify(token, now, key.bytes());
    if (verified.refusal() == EhrMediaTokens.Refusal.INVALID) {
      throw noSuchLink();
    }
    EhrMediaTokens.MediaRef ref = verified.ref();
    TenantContext tenant =
        access.forEhrLink(ref.tenantId(), requestId, now).orElseThrow(OpenEhrMediaLink::noSuchLink);
    AuditResource photo = AuditResource.of("photo", ref.photoId());
    if (!verified.valid()) {
      audit.record(tenant, ACTION, photo, AuditOutcome.DENIED);
      throw new ApiProblem(
          410,
          LINK_EXPIRED,
          "Gone",
          "This link has expired. The clinic can send the record again for a new one.");
    }
    CaseRecord c =
        cases
            .find(tenant, ref.caseId())
            .map(StoredCase::record)
            .filter(r -> !r.isDraft())
            .orElse(null);
    if (c == null || !copies.exists(tenant, ref.caseId(), ref.round(), ref.photoId())) {
      audit.record(tenant, ACTION, photo, AuditOutcome.DENIED);
      throw noSuchLink();
    }
    audit.record(
        tenant,
        ACTION,
        AuditResource.ofPatient("case", ref.caseId(), c.patientSubject()),
        AuditOutcome.SUCCESS);
    return copies.presignedGet(tenant, ref.caseId(), ref.round(), ref.photoId());
  }

  private static ApiProblem noSuchLink() {
    return ApiProblem.notFound("No such link.");
  }
}
