package com.dermrelay.review.workflow;

import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.StoredCase;
import com.dermrelay.core.access.TenantContext;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;
import javax.inject.Inject;

/**
 * The case store as the workflow's steps use it: a missing case is {@link CaseNotFoundException}.
 */
public final class WorkflowCases {
  private final CaseStore cases;

  @Inject
  public WorkflowCases(CaseStore cases) {
    this.cases = cases;
  }

  public CaseRecord get(TenantContext tenant, String caseId) {
    return cases.find(tenant, caseId).orElseThrow(CaseNotFoundException::new).record();
  }

  /** Applies {@code change} on the current version (see {@link CaseStore#update}). */
  public CaseRecord update(TenantContext tenant, String caseId, UnaryOperator<CaseRecord> change) {
    try {
      StoredCase written = cases.update(tenant, caseId, change);
      return written.record();
    } catch (NoSuchElementException e) {
      throw new CaseNotFoundException();
    }
  }
}
