package com.dermrelay.datarights;

import com.dermrelay.audit.AuditResource;
import com.dermrelay.audit.AuditTrail;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.config.Settings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import javax.inject.Inject;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * A patient downloads everything held about them in the acting clinic: every
 * {@link PatientDataSection} as one JSON archive, written to
 * {@code <tenantId>/exports/<subject>/<exportId>.json} (encrypted by the bucket's key) and handed
 * out as a pre-signed GET valid {@link #LINK_VALID_FOR}. The link is a secret held only by the
 * patient's browser; the object itself stays behind the bucket's policy.
 */
public final class ExportMyData {
  static final Duration LINK_VALID_FOR = Duration.ofMinutes(15);

  private final Set<PatientDataSection> sections;
  private final S3Client s3;
  private final S3Presigner presigner;
  private final AuditTrail audit;
  private final ObjectMapper json;
  private final String bucket;

  @Inject
  public ExportMyData(Set<PatientDataSection> sections, S3Client s3, S3Presigner presigner,
      AuditTrail audit, ObjectMapper json, Settings settings) {
    this.sections = sections;
    this.s3 = s3;
    this.presigner = presigner;
    this.audit = audit;
    this.json = json;
    this.bucket = settings.mediaBucket();
  }

  public DataExport run(TenantContext tenant, String patientEmail) {
    String subject = tenant.subject();
    String exportId = UUID.randomUUID().toString();
    ObjectNode archive = json.createObjectNode()
        .put("format", "dermrelay-export/1")
        .put("exportedAt", tenant.requestTime().toString())
        .put("tenantId", tenant.tenantId())
        .put("subject", subject);
    ObjectNode content = archive.putObject("sections");
    sections.stream().sorted((a, b) -> a.name().compareTo(b.name()))
        .forEach(section -> content.set(section.name(), section.export(tenant, subject, patientEmail)));
    // The path is built from the tenant context alone, as every tenant path is.
    String key = tenant.tenantId() + "/exports/" + subject + "/" + exportId + ".json";
    try {
      s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/json"),
          RequestBody.fromBytes(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(archive)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the export", e);
    }
    String url = presigner.presignGetObject(r -> r.signatureDuration(LINK_VALID_FOR)
        .getObjectRequest(g -> g.bucket(bucket).key(key)
            .responseContentDisposition("attachment; filename=\"dermrelay-export.json\"")))
        .url().toString();
    audit.wrote(tenant, "data.export", AuditResource.ofPatient("export", exportId, subject));
    return new DataExport(exportId, url, tenant.requestTime().plus(LINK_VALID_FOR).toString());
  }
}
