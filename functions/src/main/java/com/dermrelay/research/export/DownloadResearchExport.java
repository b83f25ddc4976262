package com.dermrelay.research.export;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import java.time.Duration;
import javax.inject.Inject;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * A pre-signed GET of a ready export's archive, valid {@link #LINK_VALID_FOR}, signed by the
 * clinic's session and handed only to the admin's browser. Each link is audited ({@code
 * research.export.download}): who took the dataset out, and when.
 */
public final class DownloadResearchExport {
  static final Duration LINK_VALID_FOR = Duration.ofMinutes(5);

  private final ResearchExports exports;
  private final ExportWorkspace workspace;
  private final S3Presigner presigner;
  private final AuditTrail audit;

  @Inject
  public DownloadResearchExport(
      ResearchExports exports, ExportWorkspace workspace, S3Presigner presigner, AuditTrail audit) {
    this.exports = exports;
    this.workspace = workspace;
    this.presigner = presigner;
    this.audit = audit;
  }

  /** The link and until when it works. */
  public record Link(String downloadUrl, String expiresAt) {}

  public Link run(TenantContext tenant, String exportId) {
    ResearchExport export =
        exports
            .find(tenant, exportId)
            .orElseThrow(
                () ->
                    audit.notFound(
                        tenant,
                        "research.export.download",
                        AuditResource.of("research-export", exportId)))
            .export();
    if (!ResearchExport.READY.equals(export.status()) || export.archive() == null) {
      throw new ApiProblem(
          409,
          ProblemTypes.CONFLICT,
          "Conflict",
          "This export has no archive to download"
              + (ResearchExport.RUNNING.equals(export.status()) ? " yet." : "."));
    }
    String url =
        presigner
            .presignGetObject(
                r ->
                    r.signatureDuration(LINK_VALID_FOR)
                        .getObjectRequest(
                            g ->
                                g.bucket(workspace.bucket())
                                    .key(export.archive().objectKey())
                                    .overrideConfiguration(
                                        workspace
                                            .credentials()
                                            .presignOverride(tenant, LINK_VALID_FOR))
                                    .responseContentDisposition(
                                        "attachment; filename=\"dermrelay-research-"
                                            + exportId.substring(0, 8)
                                            + ".zip\"")))
            .url()
            .toString();
    audit.wrote(tenant, "research.export.download", AuditResource.of("research-export", exportId));
    return new Link(url, tenant.requestTime().plus(LINK_VALID_FOR).toString());
  }
}
