package com.dermrelay.research.export;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.tenancy.TenantDirectory;
import com.dermrelay.research.consent.ResearchConsents;
import com.dermrelay.research.deid.CandidateImage;
import com.dermrelay.research.deid.Pseudonyms;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Step SelectResearchCases: one page of the clinic's consenting patients (the consent index, a
 * Query), each patient's consent read again (strongly consistent: the index lags a withdrawal) and
 * their account checked (an erased account is never exported), their candidate images written as
 * the page's working file, and the record moved on to the next page in one conditional write. A big
 * clinic is many short invocations, never one long one. Returns whether selection is done.
 */
public final class SelectResearchCases {
  static final int PATIENTS_PER_PAGE = 50;

  private final ResearchExports exports;
  private final ResearchConsents consents;
  private final TenantDirectory directory;
  private final CandidateFinder finder;
  private final ExportWorkspace workspace;

  @Inject
  public SelectResearchCases(
      ResearchExports exports,
      ResearchConsents consents,
      TenantDirectory directory,
      CandidateFinder finder,
      ExportWorkspace workspace) {
    this.exports = exports;
    this.consents = consents;
    this.directory = directory;
    this.finder = finder;
    this.workspace = workspace;
  }

  public boolean run(TenantContext tenant, String exportId) {
    ResearchExports.Stored stored = exports.require(tenant, exportId);
    ResearchExport export = stored.export();
    ResearchExport.Progress p = export.progress();
    if (!export.running() || p.selectionDone()) {
      return true;
    }
    Pseudonyms pseudonyms = new Pseudonyms(export.pseudonymKey(), tenant.tenantId());
    ResearchConsents.Page page =
        consents.consenting(tenant, PATIENTS_PER_PAGE, Optional.ofNullable(p.cursor()));
    Exclusions.Count excluded = new Exclusions.Count();
    List<CandidateImage> candidates = new ArrayList<>();
    int cases = 0;
    for (String subject : page.subjects()) {
      Optional<ResearchConsents.Stored> consent = consents.find(tenant, subject);
      if (consent.isEmpty() || !consent.get().consent().given()) {
        excluded.add(Exclusions.CONSENT_NOT_GIVEN);
        continue;
      }
      if (directory.accountClosed(tenant.tenantId(), subject)) {
        excluded.add(Exclusions.ACCOUNT_CLOSED);
        continue;
      }
      CandidateFinder.Found found =
          finder.of(
              tenant,
              subject,
              consent.get().consent().consentVersion(),
              export.request(),
              pseudonyms,
              excluded);
      candidates.addAll(found.images());
      cases += found.cases();
    }
    // Written before the record moves on: a retry after this point writes the same file again.
    workspace.putJson(tenant, exportId, ExportWorkspace.rowsFile(p.pages()), candidates);
    boolean done = page.nextCursor().isEmpty();
    ResearchExport.Progress next =
        new ResearchExport.Progress(
            page.nextCursor().orElse(null),
            done,
            p.pages() + 1,
            p.patientsChecked() + page.subjects().size(),
            p.casesSelected() + cases,
            p.imagesSelected() + candidates.size(),
            0,
            0,
            0,
            0);
    exports.save(
        tenant,
        export.withProgress(
            done ? ResearchExport.DEIDENTIFYING : ResearchExport.SELECTING,
            next,
            excluded.counts()),
        stored.version());
    return done;
  }
}
