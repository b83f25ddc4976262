package com.dermrelay.research.marks;

import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.StoredCase;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.data.VersionConflictException;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import java.util.List;
import javax.inject.Inject;

/**
 * A dermatologist of the clinic marks one of a case's checked photos as showing no face (or takes
 * the mark back). Setting what is already set changes nothing. Audited ({@code photo.face-free} on
 * the patient's record), with who marked it.
 */
public final class SetPhotoFaceFree {
  private final CaseStore cases;
  private final PhotoMarks marks;
  private final AuditTrail audit;

  @Inject
  public SetPhotoFaceFree(CaseStore cases, PhotoMarks marks, AuditTrail audit) {
    this.cases = cases;
    this.marks = marks;
    this.audit = audit;
  }

  public PhotoMarkViews.Mark run(
      TenantContext tenant, String caseId, String photoId, PhotoMarkViews.Request request) {
    if (request.faceFree() == null) {
      throw new ApiProblem(
          400,
          ProblemTypes.INVALID_REQUEST,
          "Bad Request",
          "Field 'faceFree' is required.",
          List.of(new ApiProblem.FieldError("/faceFree", "required")));
    }
    StoredCase found =
        cases
            .find(tenant, caseId)
            .orElseThrow(
                () -> audit.notFound(tenant, "photo.face-free", AuditResource.of("case", caseId)));
    String patient = found.record().patientSubject();
    if (CasePhotos.checked(found.record(), photoId).isEmpty()) {
      throw audit.notFound(
          tenant, "photo.face-free", AuditResource.ofPatient("photo", photoId, patient));
    }
    for (int attempt = 0; attempt < 3; attempt++) {
      var stored = marks.find(tenant, caseId, photoId);
      if (stored.isPresent() && stored.get().mark().faceFree() == request.faceFree()) {
        return PhotoMarkViews.Mark.of(stored.get().mark());
      }
      PhotoMark next =
          new PhotoMark(
              photoId,
              request.faceFree(),
              tenant.subject(),
              tenant.actorName(),
              tenant.requestTime().toString());
      try {
        marks.save(tenant, caseId, next, stored.map(PhotoMarks.Stored::version).orElse(0L));
      } catch (VersionConflictException e) {
        continue;
      }
      audit.wrote(tenant, "photo.face-free", AuditResource.ofPatient("photo", photoId, patient));
      return PhotoMarkViews.Mark.of(next);
    }
    throw new ApiProblem(
        409, ProblemTypes.CONFLICT, "Conflict", "The photo's mark kept changing; read it again.");
  }
}
