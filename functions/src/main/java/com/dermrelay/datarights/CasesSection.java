package com.dermrelay.datarights;

import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.StoredCase;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.config.Settings;
import com.dermrelay.core.data.TenantCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The patient's cases in this clinic: each case document as the patient's portal shows it
 * (emergency screen, intake answers when given, consent, photos and their check, timeline), and the
 * checked photos themselves as {@code photos/<caseId>/<photoId>.jpg} (the clean copies, without
 * EXIF/GPS). Left out: the submission's idempotency key, an internal token.
 */
public final class CasesSection implements PatientDataSection {
  /** Bounds one export's reads; 100 pages of 100 cases is far beyond any real patient. */
  private static final int MAX_PAGES = 100;

  private static final String CHECKED = "CHECKED";

  private final CaseStore cases;
  private final S3Client s3;
  private final ObjectMapper json;
  private final String bucket;
  private final TenantCredentials credentials;

  @Inject
  public CasesSection(
      CaseStore cases,
      S3Client s3,
      ObjectMapper json,
      Settings settings,
      TenantCredentials credentials) {
    this.credentials = credentials;
    this.cases = cases;
    this.s3 = s3;
    this.json = json;
    this.bucket = settings.mediaBucket();
  }

  @Override
  public String name() {
    return "cases";
  }

  /** The caller's own cases: the export's tenant context is the patient's. */
  @Override
  public JsonNode export(TenantContext tenant, String patientSubject, String patientEmail) {
    ArrayNode list = json.createArrayNode();
    Optional<String> cursor = Optional.empty();
    for (int page = 0; page < MAX_PAGES; page++) {
      CaseStore.Page result = cases.listOwn(tenant, 100, cursor);
      for (StoredCase stored : result.cases()) {
        ObjectNode document = json.valueToTree(stored.record());
        document.remove("submitKey");
        list.add(document);
      }
      cursor = result.nextCursor();
      if (cursor.isEmpty()) {
        break;
      }
    }
    return list;
  }

  @Override
  public List<ExportFile> files(TenantContext tenant, JsonNode exported, String language) {
    List<ExportFile> files = new ArrayList<>();
    for (JsonNode document : exported) {
      String caseId = document.path("caseId").asText();
      for (JsonNode photo : document.path("photos")) {
        String photoId = photo.path("photoId").asText();
        if (!CHECKED.equals(photo.path("status").asText())
            || caseId.isEmpty()
            || photoId.isEmpty()) {
          continue;
        }
        // The media key pattern of uploads.MediaKeys.clean, built from the tenant context.
        String key = tenant.tenantId() + "/cases/" + caseId + "/clean/" + photoId + ".jpg";
        try {
          byte[] bytes =
              s3.getObjectAsBytes(
                      r ->
                          r.bucket(bucket)
                              .key(key)
                              .overrideConfiguration(credentials.requestOverride(tenant)))
                  .asByteArray();
          files.add(new ExportFile("photos/" + caseId + "/" + photoId + ".jpg", bytes));
        } catch (NoSuchKeyException e) {
          // A photo whose clean copy is gone (erased, expired draft) has nothing to hand out.
        }
      }
    }
    return files;
  }
}
