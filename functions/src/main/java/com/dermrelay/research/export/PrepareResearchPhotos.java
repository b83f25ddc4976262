package com.dermrelay.research.export;

import com.dermrelay.cases.MediaKeys;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.research.deid.CandidateImage;
import com.dermrelay.research.deid.DeidentifiedJpeg;
import com.fasterxml.jackson.core.type.TypeReference;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step PrepareResearchPhotos: the next batch of the plan, each photo's clean copy written anew
 * without any metadata and verified by reading it back ({@link DeidentifiedJpeg}), stored as a
 * working file under its pseudonymous id with its SHA-256. A photo that is gone or fails is noted
 * and later left out. Returns whether every batch is done.
 */
public final class PrepareResearchPhotos {
  private static final Logger LOG = LoggerFactory.getLogger(PrepareResearchPhotos.class);
  static final TypeReference<Map<String, Prepared>> PREPARED = new TypeReference<>() {};

  private final ResearchExports exports;
  private final ExportWorkspace workspace;

  @Inject
  public PrepareResearchPhotos(ResearchExports exports, ExportWorkspace workspace) {
    this.exports = exports;
    this.workspace = workspace;
  }

  /**
   * One image's outcome.
   *
   * @param sha256 of the released JPEG; null when refused
   * @param refused why not (no health data: a code-like phrase)
   */
  record Prepared(String sha256, long bytes, String refused) {}

  public boolean run(TenantContext tenant, String exportId) {
    ResearchExports.Stored stored = exports.require(tenant, exportId);
    ResearchExport export = stored.export();
    ResearchExport.Progress p = export.progress();
    if (!export.running() || !ResearchExport.PREPARING_PHOTOS.equals(export.stage())) {
      return true;
    }
    if (p.nextPhotoBatch() < p.photoBatches()) {
      List<CandidateImage> batch =
          workspace.getJson(
              tenant,
              exportId,
              ExportWorkspace.planFile(p.nextPhotoBatch()),
              DeidentifyResearchRows.CANDIDATES);
      Map<String, Prepared> prepared = new LinkedHashMap<>();
      for (CandidateImage image : batch) {
        prepared.put(image.imageId(), prepare(tenant, exportId, image));
      }
      workspace.putJson(
          tenant, exportId, ExportWorkspace.preparedFile(p.nextPhotoBatch()), prepared);
      p =
          new ResearchExport.Progress(
              null,
              true,
              p.pages(),
              p.patientsChecked(),
              p.casesSelected(),
              p.imagesSelected(),
              p.imagesPlanned(),
              p.photoBatches(),
              p.nextPhotoBatch() + 1,
              p.imagesPrepared() + batch.size());
    }
    boolean done = p.nextPhotoBatch() >= p.photoBatches();
    exports.save(
        tenant,
        export.withProgress(
            done ? ResearchExport.PACKAGING : ResearchExport.PREPARING_PHOTOS, p, Map.of()),
        stored.version());
    return done;
  }

  private Prepared prepare(TenantContext tenant, String exportId, CandidateImage image) {
    Optional<byte[]> clean =
        workspace.clinicObject(tenant, MediaKeys.clean(tenant, image.caseId(), image.photoId()));
    if (clean.isEmpty()) {
      return new Prepared(null, 0, "clean copy missing");
    }
    byte[] released;
    try {
      released = DeidentifiedJpeg.of(clean.get());
    } catch (DeidentifiedJpeg.Refused e) {
      LOG.warn("a photo was left out of a research export: {}", e.getMessage());
      return new Prepared(null, 0, e.getMessage());
    }
    workspace.putBytes(
        tenant, exportId, ExportWorkspace.imageFile(image.imageId()), released, "image/jpeg");
    return new Prepared(sha256(released), released.length, null);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
