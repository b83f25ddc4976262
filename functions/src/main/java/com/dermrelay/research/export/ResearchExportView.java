package com.dermrelay.research.export;

/**
 * A research export as the clinic admin sees it (ResearchExport in the contract): never the
 * platform's working state, and the pseudonym key only where {@link #withKey} puts it.
 *
 * @param pseudonymKey only in startResearchExport's answer (shown once) and, when the clinic chose
 *     to keep it, in getResearchExport's
 */
public record ResearchExportView(
    String exportId,
    String status,
    String stage,
    String from,
    String to,
    int k,
    boolean keepKey,
    String requestedAt,
    String requestedByName,
    String completedAt,
    Progress progress,
    ResearchReport report,
    Archive archive,
    String failure,
    String pseudonymKey) {

  /** How far it got, in counts a person follows. */
  public record Progress(
      int patientsChecked,
      int casesSelected,
      int imagesSelected,
      int imagesPlanned,
      int imagesPrepared) {}

  /** The archive's size and SHA-256, to check a download against. */
  public record Archive(long bytes, String sha256) {}

  static ResearchExportView of(ResearchExport e) {
    ResearchExport.Progress p = e.progress();
    return new ResearchExportView(
        e.exportId(),
        e.status(),
        e.stage(),
        e.request().from(),
        e.request().to(),
        e.request().k(),
        e.request().keepKey(),
        e.requestedAt(),
        e.requestedByName(),
        e.completedAt(),
        new Progress(
            p.patientsChecked(),
            p.casesSelected(),
            p.imagesSelected(),
            p.imagesPlanned(),
            p.imagesPrepared()),
        e.report(),
        e.archive() == null ? null : new Archive(e.archive().bytes(), e.archive().sha256()),
        e.failure(),
        null);
  }

  /** The same with the key, where the caller may see it. */
  ResearchExportView withKey(String key) {
    return new ResearchExportView(
        exportId,
        status,
        stage,
        from,
        to,
        k,
        keepKey,
        requestedAt,
        requestedByName,
        completedAt,
        progress,
        report,
        archive,
        failure,
        key);
  }

  /** Without the report: the list's rows. */
  ResearchExportView summary() {
    return new ResearchExportView(
        exportId,
        status,
        stage,
        from,
        to,
        k,
        keepKey,
        requestedAt,
        requestedByName,
        completedAt,
        progress,
        null,
        archive,
        failure,
        null);
  }
}
