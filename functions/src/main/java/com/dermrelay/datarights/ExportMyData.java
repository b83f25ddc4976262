package com.dermrelay.datarights;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.config.Settings;
import com.dermrelay.core.data.TenantCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.inject.Inject;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * A patient downloads everything held about them in the acting clinic: every {@link
 * PatientDataSection} as one JSON document ({@value #DOCUMENT}) in a ZIP with the sections' files
 * (the photos, the consultations as the patient read them, in the language asked for), written to
 * {@code <tenantId>/exports/<subject>/<exportId>.zip} (encrypted by the bucket's key) and handed
 * out as a pre-signed GET valid {@link #LINK_VALID_FOR}. The link is a secret held only by the
 * patient's browser; the object itself stays behind the bucket's policy.
 */
public final class ExportMyData {
  static final Duration LINK_VALID_FOR = Duration.ofMinutes(15);

  /** The archive's JSON document; sections' files (photos) sit beside it. */
  static final String DOCUMENT = "export.json";

  /** The languages of the export's pages to read: the patient portal's. */
  public static final List<String> LANGUAGES = ConsultationsPage.LANGUAGES;

  private final Set<PatientDataSection> sections;
  private final S3Client s3;
  private final S3Presigner presigner;
  private final AuditTrail audit;
  private final ObjectMapper json;
  private final String bucket;
  private final TenantCredentials credentials;

  @Inject
  public ExportMyData(
      Set<PatientDataSection> sections,
      S3Client s3,
      S3Presigner presigner,
      AuditTrail audit,
      ObjectMapper json,
      Settings settings,
      TenantCredentials credentials) {
    this.credentials = credentials;
    this.sections = sections;
    this.s3 = s3;
    this.presigner = presigner;
    this.audit = audit;
    this.json = json;
    this.bucket = settings.mediaBucket();
  }

  /**
   * @param language one of {@link #LANGUAGES}, for the pages to read
   */
  public DataExport run(TenantContext tenant, String patientEmail, String language) {
    String subject = tenant.subject();
    String exportId = UUID.randomUUID().toString();
    ObjectNode archive =
        json.createObjectNode()
            .put("format", "dermrelay-export/1")
            .put("exportedAt", tenant.requestTime().toString())
            .put("tenantId", tenant.tenantId())
            .put("subject", subject)
            .put("language", language);
    ObjectNode content = archive.putObject("sections");
    List<ExportFile> files = new ArrayList<>();
    sections.stream()
        .sorted((a, b) -> a.name().compareTo(b.name()))
        .forEach(
            section -> {
              JsonNode exported = section.export(tenant, subject, patientEmail);
              content.set(section.name(), exported);
              files.addAll(section.files(tenant, exported, language));
            });
    // The path is built from the tenant context alone, as every tenant path is.
    String key = tenant.tenantId() + "/exports/" + subject + "/" + exportId + ".zip";
    // Written and linked on the clinic's session: the link reaches nothing outside its prefix.
    s3.putObject(
        r ->
            r.bucket(bucket)
                .key(key)
                .contentType("application/zip")
                .overrideConfiguration(credentials.requestOverride(tenant)),
        RequestBody.fromBytes(zip(archive, files)));
    String url =
        presigner
            .presignGetObject(
                r ->
                    r.signatureDuration(LINK_VALID_FOR)
                        .getObjectRequest(
                            g ->
                                g.bucket(bucket)
                                    .key(key)
                                    .overrideConfiguration(
                                        credentials.presignOverride(tenant, LINK_VALID_FOR))
                                    .responseContentDisposition(
                                        "attachment; filename=\"dermrelay-export.zip\"")))
            .url()
            .toString();
    audit.wrote(tenant, "data.export", AuditResource.ofPatient("export", exportId, subject));
    return new DataExport(exportId, url, tenant.requestTime().plus(LINK_VALID_FOR).toString());
  }

  /** A ZIP: {@value #DOCUMENT} first, then each section's files under their paths. */
  private byte[] zip(ObjectNode archive, List<ExportFile> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(DOCUMENT));
      zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(archive));
      zip.closeEntry();
      for (ExportFile file : files) {
        zip.putNextEntry(new ZipEntry(file.path()));
        zip.write(file.bytes());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the export", e);
    }
    return out.toByteArray();
  }
}
