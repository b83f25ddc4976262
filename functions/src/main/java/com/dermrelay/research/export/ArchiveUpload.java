package com.dermrelay.research.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Streams the archive into the bucket as a multipart upload while it is being written: no local
 * file and no whole archive in memory, so an export is bounded by the step's time, not by the
 * function's memory or disk, nor by a single PUT's 5 GB. Counts and hashes what passes (SHA-256 of
 * the whole archive, shown in the console). {@link #close} completes the upload; {@link #abort}
 * drops the parts of one that failed.
 */
final class ArchiveUpload extends OutputStream {
  /** S3's smallest part but the last is 5 MiB; bigger parts mean fewer requests. */
  static final int PART_BYTES = 16 * 1024 * 1024;

  private final S3Client s3;
  private final String bucket;
  private final String key;
  private final AwsRequestOverrideConfiguration as;
  private final String uploadId;
  private final List<CompletedPart> parts = new ArrayList<>();
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(PART_BYTES);
  private final MessageDigest digest;
  private long bytes;
  private boolean closed;

  ArchiveUpload(S3Client s3, String bucket, String key, AwsRequestOverrideConfiguration as) {
    this.s3 = s3;
    this.bucket = bucket;
    this.key = key;
    this.as = as;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
    this.uploadId =
        s3.createMultipartUpload(
                r ->
                    r.bucket(bucket)
                        .key(key)
                        .contentType("application/zip")
                        .overrideConfiguration(as))
            .uploadId();
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    digest.update(b, off, len);
    bytes += len;
    buffer.write(b, off, len);
    if (buffer.size() >= PART_BYTES) {
      flushPart();
    }
  }

  private void flushPart() {
    int number = parts.size() + 1;
    byte[] part = buffer.toByteArray();
    buffer.reset();
    String etag =
        s3.uploadPart(
                r ->
                    r.bucket(bucket)
                        .key(key)
                        .uploadId(uploadId)
                        .partNumber(number)
                        .overrideConfiguration(as),
                RequestBody.fromBytes(part))
            .eTag();
    parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (buffer.size() > 0 || parts.isEmpty()) {
      flushPart();
    }
    s3.completeMultipartUpload(
        r ->
            r.bucket(bucket)
                .key(key)
                .uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts))
                .overrideConfiguration(as));
  }

  /** Drops what was uploaded; the object never appears. */
  void abort() {
    closed = true;
    s3.abortMultipartUpload(
        r -> r.bucket(bucket).key(key).uploadId(uploadId).overrideConfiguration(as));
  }

  long bytes() {
    return bytes;
  }

  String sha256() {
    return HexFormat.of().formatHex(digest.digest());
  }
}
