package com.dermrelay.research.export;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.research.deid.CandidateImage;
import com.dermrelay.research.deid.KAnonymity;
import com.dermrelay.research.deid.ReleasedImage;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/**
 * Step DeidentifyResearchRows: every page of candidates, k-anonymity over all of them (it needs the
 * whole export: a combination is rare or not only across everyone), and the images that stay cut
 * into batches for the photo step, in the order of their pseudonymous ids (which says nothing of
 * when a case came). The generalisation levels and the suppressed count go to the working files for
 * the report.
 */
public final class DeidentifyResearchRows {
  /** Photos per invocation of PrepareResearchPhotos: each is decoded and encoded once. */
  static final int PHOTOS_PER_BATCH = 20;

  static final TypeReference<List<CandidateImage>> CANDIDATES = new TypeReference<>() {};

  private final ResearchExports exports;
  private final ExportWorkspace workspace;

  @Inject
  public DeidentifyResearchRows(ResearchExports exports, ExportWorkspace workspace) {
    this.exports = exports;
    this.workspace = workspace;
  }

  /** What PackageResearchExport needs to know of this step. */
  record Outcome(Map<String, Integer> levels, int suppressed) {}

  public void run(TenantContext tenant, String exportId) {
    ResearchExports.Stored stored = exports.require(tenant, exportId);
    ResearchExport export = stored.export();
    if (!export.running() || !ResearchExport.DEIDENTIFYING.equals(export.stage())) {
      return;
    }
    List<CandidateImage> candidates = new ArrayList<>();
    for (int page = 0; page < export.progress().pages(); page++) {
      candidates.addAll(
          workspace.getJson(tenant, exportId, ExportWorkspace.rowsFile(page), CANDIDATES));
    }
    KAnonymity.Result result = KAnonymity.apply(candidates, export.request().k());
    List<CandidateImage> kept =
        result.released().stream()
            .map(ReleasedImage::image)
            .sorted(Comparator.comparing(CandidateImage::imageId))
            .toList();
    int batches = 0;
    for (int from = 0; from < kept.size(); from += PHOTOS_PER_BATCH) {
      workspace.putJson(
          tenant,
          exportId,
          ExportWorkspace.planFile(batches++),
          kept.subList(from, Math.min(kept.size(), from + PHOTOS_PER_BATCH)));
    }
    Map<String, Integer> levels = new java.util.LinkedHashMap<>();
    result.levels().byIdentifier().forEach((q, level) -> levels.put(q.name(), level));
    workspace.putJson(
        tenant,
        exportId,
        ExportWorkspace.LEVELS_FILE,
        new Outcome(levels, result.suppressed().size()));
    ResearchExport.Progress p = export.progress();
    ResearchExport.Progress next =
        new ResearchExport.Progress(
            null,
            true,
            p.pages(),
            p.patientsChecked(),
            p.casesSelected(),
            p.imagesSelected(),
            kept.size(),
            batches,
            0,
            0);
    exports.save(
        tenant,
        export.withProgress(ResearchExport.PREPARING_PHOTOS, next, Map.of()),
        stored.version());
  }
}
