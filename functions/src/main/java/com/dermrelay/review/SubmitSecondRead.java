package com.dermrelay.review;

import com.dermrelay.cases.DiagnosisList;
import com.dermrelay.cases.ManagementCategory;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.quality.SecondRead;
import com.dermrelay.quality.SecondReads;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;

/**
 * submitSecondRead: a dermatologist of the clinic, not the first reader, records their read of an
 * open second read (a diagnosis code of the list and a management category) with one conditional
 * write, then ends the second-read workflow's wait. The same reader sending again after the write
 * (a retry) ends the wait again and gets the same answer; anyone else gets 409.
 */
public final class SubmitSecondRead {
  private final SecondReads secondReads;
  private final DiagnosisList diagnoses;
  private final WorkflowCallbacks callbacks;

  @Inject
  public SubmitSecondRead(
      SecondReads secondReads, DiagnosisList diagnoses, WorkflowCallbacks callbacks) {
    this.secondReads = secondReads;
    this.diagnoses = diagnoses;
    this.callbacks = callbacks;
  }

  /** The request body. */
  public record Request(String diagnosisCode, String management) {}

  /** What was recorded. */
  public record Recorded(
      String caseId,
      int round,
      String status,
      String diagnosisCode,
      String management,
      String readAt) {}

  public Recorded run(TenantContext tenant, String caseId, int round, Request request) {
    validate(request);
    SecondRead done =
        secondReads.record(
            tenant,
            caseId,
            round,
            new SecondRead.Read(
                tenant.subject(),
                request.diagnosisCode(),
                request.management(),
                tenant.requestTime().toString()));
    endWait(done);
    return new Recorded(
        done.caseId(),
        done.round(),
        done.status(),
        done.secondRead().diagnosisCode(),
        done.secondRead().management(),
        done.secondRead().readAt());
  }

  private void endWait(SecondRead read) {
    if (read.taskToken() == null) {
      return;
    }
    try {
      callbacks.succeed(read.taskToken(), "{}");
    } catch (WorkflowCallbacks.StaleTaskException e) {
      // The wait ended already (a retry after the workflow took the read): nothing to end.
    }
  }

  private void validate(Request request) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    if (request.diagnosisCode() == null || request.diagnosisCode().isBlank()) {
      errors.add(AnswerRules.error("/diagnosisCode", "is required"));
    } else if (diagnoses.find(request.diagnosisCode()).isEmpty()) {
      errors.add(
          AnswerRules.error(
              "/diagnosisCode", "is not a code of the diagnosis list (searchDiagnoses)"));
    }
    if (request.management() == null || request.management().isBlank()) {
      errors.add(AnswerRules.error("/management", "is required"));
    } else if (ManagementCategory.of(request.management()).isEmpty()) {
      errors.add(
          AnswerRules.error(
              "/management", "must be one of " + String.join(", ", ManagementCategory.CODES)));
    }
    AnswerRules.refuseIfAny(errors);
  }
}
