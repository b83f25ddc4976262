package com.dermrelay.research.export;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.config.Settings;
import com.dermrelay.core.data.TenantCredentials;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * An export's objects in the media bucket, under {@code <tenantId>/exports/research/<exportId>/}
 * (bucket key, SSE-KMS): the working files the steps pass on (pages of candidates, batches of the
 * plan, prepared photos; never in the archive as such, deleted when the export ends) and the
 * archive. Every call runs on the clinic's session, whose policy reaches only its prefix.
 */
public final class ExportWorkspace {
  static final String ARCHIVE = "dermrelay-research-export.zip";

  private final S3Client s3;
  private final TenantCredentials credentials;
  private final ObjectMapper json;
  private final String bucket;

  @Inject
  public ExportWorkspace(
      S3Client s3, TenantCredentials credentials, ObjectMapper json, Settings settings) {
    this.s3 = s3;
    this.credentials = credentials;
    this.json = json;
    this.bucket = settings.mediaBucket();
  }

  String bucket() {
    return bucket;
  }

  static String prefix(TenantContext tenant, String exportId) {
    return tenant.tenantId() + "/exports/research/" + exportId + "/";
  }

  static String archiveKey(TenantContext tenant, String exportId) {
    return prefix(tenant, exportId) + ARCHIVE;
  }

  static String rowsFile(int page) {
    return String.format("work/rows-%05d.json", page);
  }

  static String planFile(int batch) {
    return String.format("work/plan-%05d.json", batch);
  }

  static String preparedFile(int batch) {
    return String.format("work/prepared-%05d.json", batch);
  }

  static String imageFile(String imageId) {
    return "work/images/" + imageId + ".jpg";
  }

  static final String LEVELS_FILE = "work/levels.json";

  <T> void putJson(TenantContext tenant, String exportId, String name, T value) {
    try {
      putBytes(tenant, exportId, name, json.writeValueAsBytes(value), "application/json");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + name, e);
    }
  }

  <T> T getJson(TenantContext tenant, String exportId, String name, TypeReference<T> type) {
    try {
      return json.readValue(getBytes(tenant, exportId, name), type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  void putBytes(
      TenantContext tenant, String exportId, String name, byte[] bytes, String contentType) {
    s3.putObject(
        r ->
            r.bucket(bucket)
                .key(prefix(tenant, exportId) + name)
                .contentType(contentType)
                .overrideConfiguration(credentials.requestOverride(tenant)),
        RequestBody.fromBytes(bytes));
  }

  byte[] getBytes(TenantContext tenant, String exportId, String name) {
    return s3.getObjectAsBytes(
            r ->
                r.bucket(bucket)
                    .key(prefix(tenant, exportId) + name)
                    .overrideConfiguration(credentials.requestOverride(tenant)))
        .asByteArray();
  }

  InputStream open(TenantContext tenant, String exportId, String name) {
    ResponseInputStream<GetObjectResponse> in =
        s3.getObject(
            r ->
                r.bucket(bucket)
                    .key(prefix(tenant, exportId) + name)
                    .overrideConfiguration(credentials.requestOverride(tenant)));
    return in;
  }

  /** Any object of the clinic's bucket prefix (a clean photo copy); empty when it is gone. */
  Optional<byte[]> clinicObject(TenantContext tenant, String key) {
    if (!key.startsWith(tenant.tenantId() + "/")) {
      throw new IllegalArgumentException("not an object of the acting clinic");
    }
    try {
      return Optional.of(
          s3.getObjectAsBytes(
                  r ->
                      r.bucket(bucket)
                          .key(key)
                          .overrideConfiguration(credentials.requestOverride(tenant)))
              .asByteArray());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
  }

  /** Deletes the named working files (absent ones are no error), a thousand per request. */
  void delete(TenantContext tenant, String exportId, List<String> names) {
    List<ObjectIdentifier> keys = new ArrayList<>();
    for (String name : names) {
      keys.add(ObjectIdentifier.builder().key(prefix(tenant, exportId) + name).build());
      if (keys.size() == 1000) {
        deleteBatch(tenant, keys);
        keys = new ArrayList<>();
      }
    }
    if (!keys.isEmpty()) {
      deleteBatch(tenant, keys);
    }
  }

  private void deleteBatch(TenantContext tenant, List<ObjectIdentifier> keys) {
    s3.deleteObjects(
        r ->
            r.bucket(bucket)
                .overrideConfiguration(credentials.requestOverride(tenant))
                .delete(d -> d.objects(keys).quiet(true)));
  }

  S3Client s3() {
    return s3;
  }

  TenantCredentials credentials() {
    return credentials;
  }
}
