package com.dermrelay.research.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.TreeMap;

/**
 * A research export as stored (one item, this record as JSON): what the admin asked for, how far
 * the workflow got, and at the end the report and where the archive is. Every step changes it with
 * one conditional write on its version, and each step does the work this record says is next, so a
 * retried step continues rather than repeats.
 *
 * @param requestFingerprint the Idempotency-Key's request, to tell a retry from a reuse of the key
 * @param status {@link #RUNNING}, {@link #READY} or {@link #FAILED}
 * @param stage what runs now: {@link #SELECTING}, {@link #DEIDENTIFYING}, {@link
 *     #PREPARING_PHOTOS}, {@link #PACKAGING}, then {@link #DONE}
 * @param pseudonymKey the export's HMAC key (base64url); dropped when the export ends, unless it is
 *     ready and {@code request.keepKey}
 * @param excluded candidates left out before de-identification, by reason code
 * @param failure an error's name when FAILED (never health data)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResearchExport(
    String exportId,
    String requestFingerprint,
    Request request,
    String status,
    String stage,
    String requestedAt,
    String requestedBy,
    String requestedByName,
    String completedAt,
    String pseudonymKey,
    Progress progress,
    Map<String, Integer> excluded,
    ResearchReport report,
    Archive archive,
    String failure) {

  public static final String RUNNING = "RUNNING";
  public static final String READY = "READY";
  public static final String FAILED = "FAILED";
  public static final String SELECTING = "SELECTING";
  public static final String DEIDENTIFYING = "DEIDENTIFYING";
  public static final String PREPARING_PHOTOS = "PREPARING_PHOTOS";
  public static final String PACKAGING = "PACKAGING";
  public static final String DONE = "DONE";

  public ResearchExport {
    excluded = excluded == null ? Map.of() : Map.copyOf(new TreeMap<>(excluded));
    progress = progress == null ? Progress.start() : progress;
  }

  /**
   * What the admin asked for.
   *
   * @param from first day (ISO date, UTC) of the cases' sending
   * @param to last day, inclusive
   * @param k the smallest number of patients any released combination of quasi-identifiers has
   * @param keepKey keep the pseudonym key on this record after the export ends
   */
  public record Request(String from, String to, int k, boolean keepKey) {}

  /**
   * How far the workflow got.
   *
   * @param cursor where the next page of consenting patients starts; null on the first page
   * @param pages pages of candidates written so far (the working files rows-00000 ...)
   * @param imagesSelected candidate images found (before de-identification)
   * @param imagesPlanned images de-identification kept, to be prepared (0 until de-identified)
   * @param photoBatches batches of images to prepare (0 until de-identified)
   * @param nextPhotoBatch the next batch to prepare
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Progress(
      String cursor,
      boolean selectionDone,
      int pages,
      int patientsChecked,
      int casesSelected,
      int imagesSelected,
      int imagesPlanned,
      int photoBatches,
      int nextPhotoBatch,
      int imagesPrepared) {
    static Progress start() {
      return new Progress(null, false, 0, 0, 0, 0, 0, 0, 0, 0);
    }
  }

  /** Where the finished archive is and how to check it. */
  public record Archive(String objectKey, long bytes, String sha256) {}

  boolean running() {
    return RUNNING.equals(status);
  }

  ResearchExport withProgress(String nextStage, Progress next, Map<String, Integer> moreExcluded) {
    Map<String, Integer> sum = new TreeMap<>(excluded);
    moreExcluded.forEach((reason, n) -> sum.merge(reason, n, Integer::sum));
    return new ResearchExport(
        exportId,
        requestFingerprint,
        request,
        status,
        nextStage,
        requestedAt,
        requestedBy,
        requestedByName,
        completedAt,
        pseudonymKey,
        next,
        sum,
        report,
        archive,
        failure);
  }

  ResearchExport ready(ResearchReport finalReport, Archive written, String at) {
    return new ResearchExport(
        exportId,
        requestFingerprint,
        request,
        READY,
        DONE,
        requestedAt,
        requestedBy,
        requestedByName,
        at,
        request.keepKey() ? pseudonymKey : null,
        progress,
        excluded,
        finalReport,
        written,
        null);
  }

  ResearchExport failed(String error, String at) {
    // A failed export's key has nothing to join: it goes whatever was asked.
    return new ResearchExport(
        exportId,
        requestFingerprint,
        request,
        FAILED,
        stage,
        requestedAt,
        requestedBy,
        requestedByName,
        at,
        null,
        progress,
        excluded,
        report,
        archive,
        error);
  }
}
