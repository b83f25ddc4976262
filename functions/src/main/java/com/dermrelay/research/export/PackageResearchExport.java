package com.dermrelay.research.export;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.tenancy.TenantDirectory;
import com.dermrelay.metering.UsageKind;
import com.dermrelay.metering.UsageMeter;
import com.dermrelay.research.consent.ResearchConsents;
import com.dermrelay.research.deid.CandidateImage;
import com.dermrelay.research.deid.KAnonymity;
import com.dermrelay.research.deid.QuasiIdentifier;
import com.dermrelay.research.deid.ReleasedImage;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.inject.Inject;

/**
 * Step PackageResearchExport: the last checks, then the archive. Each patient's consent is read
 * once more (a withdrawal while the export ran keeps them out) with their account; photos that
 * failed their preparation go; k-anonymity is checked again on what is left (suppressing, at the
 * same levels). Then the ZIP is streamed to the bucket ({@link ArchiveUpload}): {@value #README},
 * {@value #METADATA}, {@value #REPORT}, {@code images/<isic_id>.jpg} and {@value #MANIFEST} (the
 * SHA-256 of every other file), every entry dated the same fixed day so the ZIP itself carries no
 * date. The record becomes READY with the report; the key goes unless the clinic keeps it; the
 * working files are deleted. The written archive is metered once per export ({@link
 * UsageKind#RESEARCH_EXPORT}, with its bytes) before the record says READY, so a retry after a lost
 * write counts nothing more.
 */
public final class PackageResearchExport {
  static final String README = "README.txt";
  static final String METADATA = "metadata.csv";
  static final String REPORT = "report.json";
  static final String MANIFEST = "manifest-sha256.txt";

  /**
   * ZIP's earliest date (1980-01-01, MS-DOS time): the same for every entry, so it says nothing.
   */
  static final long ENTRY_TIME = 315_532_800_000L + 12 * 3_600_000L;

  private final ResearchExports exports;
  private final ResearchConsents consents;
  private final TenantDirectory directory;
  private final ExportWorkspace workspace;
  private final AuditTrail audit;
  private final ObjectMapper json;
  private final UsageMeter meter;

  @Inject
  public PackageResearchExport(
      ResearchExports exports,
      ResearchConsents consents,
      TenantDirectory directory,
      ExportWorkspace workspace,
      AuditTrail audit,
      ObjectMapper json,
      UsageMeter meter) {
    this.meter = meter;
    this.exports = exports;
    this.consents = consents;
    this.directory = directory;
    this.workspace = workspace;
    this.audit = audit;
    this.json = json;
  }

  public void run(TenantContext tenant, String exportId) {
    ResearchExports.Stored stored = exports.require(tenant, exportId);
    ResearchExport export = stored.export();
    if (!export.running() || !ResearchExport.PACKAGING.equals(export.stage())) {
      return;
    }
    ResearchExport.Progress p = export.progress();
    DeidentifyResearchRows.Outcome deidentified =
        workspace.getJson(tenant, exportId, ExportWorkspace.LEVELS_FILE, new TypeReference<>() {});
    List<CandidateImage> planned = new ArrayList<>();
    Map<String, PrepareResearchPhotos.Prepared> prepared = new HashMap<>();
    for (int batch = 0; batch < p.photoBatches(); batch++) {
      planned.addAll(
          workspace.getJson(
              tenant,
              exportId,
              ExportWorkspace.planFile(batch),
              DeidentifyResearchRows.CANDIDATES));
      prepared.putAll(
          workspace.getJson(
              tenant,
              exportId,
              ExportWorkspace.preparedFile(batch),
              PrepareResearchPhotos.PREPARED));
    }
    Exclusions.Count late = new Exclusions.Count();
    Map<String, Boolean> stillConsenting = new HashMap<>();
    List<CandidateImage> checked = new ArrayList<>();
    for (CandidateImage image : planned) {
      boolean consenting =
          stillConsenting.computeIfAbsent(
              image.subject(),
              subject ->
                  consents.find(tenant, subject).map(c -> c.consent().given()).orElse(false)
                      && !directory.accountClosed(tenant.tenantId(), subject));
      PrepareResearchPhotos.Prepared photo = prepared.get(image.imageId());
      if (!consenting) {
        late.add(Exclusions.CONSENT_WITHDRAWN_DURING_EXPORT);
      } else if (photo == null || photo.sha256() == null) {
        late.add(Exclusions.PHOTO_FAILED_CHECK);
      } else {
        checked.add(image);
      }
    }
    KAnonymity.Levels levels = levels(deidentified.levels());
    KAnonymity.Result result = KAnonymity.suppressOnly(checked, levels, export.request().k());
    Map<String, Integer> suppressed = new TreeMap<>();
    suppressed.put(Exclusions.K_ANONYMITY, deidentified.suppressed());
    suppressed.put(Exclusions.K_ANONYMITY_AFTER_CHECKS, result.suppressed().size());
    Map<String, Integer> excluded = new TreeMap<>(export.excluded());
    late.counts().forEach((code, n) -> excluded.merge(code, n, Integer::sum));
    List<ReleasedImage> released = result.released();
    ResearchReport report =
        ReportBuilder.build(
            export.request().k(),
            released,
            levels,
            result.generalised(),
            suppressed,
            excluded,
            released.size() + 3);

    String key = ExportWorkspace.archiveKey(tenant, exportId);
    ArchiveUpload upload =
        new ArchiveUpload(
            workspace.s3(),
            workspace.bucket(),
            key,
            workspace.credentials().requestOverride(tenant));
    try {
      writeArchive(tenant, exportId, upload, released, report);
    } catch (IOException | RuntimeException e) {
      upload.abort();
      throw e instanceof IOException io
          ? new UncheckedIOException("cannot write the archive", io)
          : (RuntimeException) e;
    }
    ResearchExport.Archive archive =
        new ResearchExport.Archive(key, upload.bytes(), upload.sha256());
    meter.record(tenant, UsageKind.RESEARCH_EXPORT, exportId, upload.bytes(), tenant.requestTime());
    exports.save(
        tenant, export.ready(report, archive, tenant.requestTime().toString()), stored.version());
    audit.wrote(tenant, "research.export.ready", AuditResource.of("research-export", exportId));
    workspace.delete(tenant, exportId, workingFiles(p, planned));
  }

  private void writeArchive(
      TenantContext tenant,
      String exportId,
      ArchiveUpload upload,
      List<ReleasedImage> released,
      ResearchReport report)
      throws IOException {
    Map<String, String> checksums = new TreeMap<>();
    // ZipOutputStream.close() closes the upload, which completes it.
    try (ZipOutputStream zip = new ZipOutputStream(upload)) {
      entry(zip, README, ResearchReadme.TEXT.getBytes(StandardCharsets.UTF_8), checksums);
      entry(zip, METADATA, MetadataCsv.write(released), checksums);
      entry(
          zip, REPORT, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(report), checksums);
      for (ReleasedImage row : released) {
        String name = "images/" + row.image().imageId() + ".jpg";
        try (InputStream in =
            workspace.open(tenant, exportId, ExportWorkspace.imageFile(row.image().imageId()))) {
          zip.putNextEntry(entry(name));
          MessageDigest digest = sha256();
          try (OutputStream out = new DigestOutputStream(new NonClosing(zip), digest)) {
            in.transferTo(out);
          }
          zip.closeEntry();
          checksums.put(name, HexFormat.of().formatHex(digest.digest()));
        }
      }
      StringBuilder manifest = new StringBuilder();
      checksums.forEach((name, sum) -> manifest.append(sum).append("  ").append(name).append('\n'));
      zip.putNextEntry(entry(MANIFEST));
      zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
  }

  private static void entry(
      ZipOutputStream zip, String name, byte[] bytes, Map<String, String> checksums)
      throws IOException {
    zip.putNextEntry(entry(name));
    zip.write(bytes);
    zip.closeEntry();
    checksums.put(name, HexFormat.of().formatHex(sha256().digest(bytes)));
  }

  private static ZipEntry entry(String name) {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(ENTRY_TIME);
    return entry;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static KAnonymity.Levels levels(Map<String, Integer> byName) {
    Map<QuasiIdentifier, Integer> levels = new EnumMap<>(QuasiIdentifier.class);
    for (QuasiIdentifier q : QuasiIdentifier.values()) {
      levels.put(q, byName.getOrDefault(q.name(), 0));
    }
    return new KAnonymity.Levels(levels);
  }

  static List<String> workingFiles(ResearchExport.Progress p, List<CandidateImage> planned) {
    List<String> names = new ArrayList<>();
    for (int page = 0; page < p.pages(); page++) {
      names.add(ExportWorkspace.rowsFile(page));
    }
    for (int batch = 0; batch < p.photoBatches(); batch++) {
      names.add(ExportWorkspace.planFile(batch));
      names.add(ExportWorkspace.preparedFile(batch));
    }
    planned.forEach(image -> names.add(ExportWorkspace.imageFile(image.imageId())));
    names.add(ExportWorkspace.LEVELS_FILE);
    return names;
  }

  /** The zip stays open when an entry's copy closes its stream. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
