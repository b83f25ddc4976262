package com.dermrelay.review;

import com.dermrelay.cases.Diagnosis;
import com.dermrelay.cases.DiagnosisList;
import java.util.List;
import javax.inject.Inject;

/** The workbench's diagnosis search over the curated list (no health data: nothing audited). */
public final class SearchDiagnoses {
  static final int DEFAULT_LIMIT = 20;

  private final DiagnosisList diagnoses;

  @Inject
  public SearchDiagnoses(DiagnosisList diagnoses) {
    this.diagnoses = diagnoses;
  }

  public Result run(String query, int limit) {
    return new Result(diagnoses.search(query, limit));
  }

  /** The matches, best first. */
  public record Result(List<Diagnosis> diagnoses) {}
}
