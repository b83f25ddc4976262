package com.dermrelay.review;

import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.MediaKeys;
import com.dermrelay.cases.StoredCase;
import com.dermrelay.core.access.DermatologistClinics;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.TenantCredentials;
import com.dermrelay.core.http.PageLimit;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.inject.Inject;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The signed-in dermatologist's one worklist across every clinic they are an active member of, most
 * urgent first, then soonest due. One Query per clinic on its queue ({@code gsi1}, already in that
 * order) with the page size as limit, merged here: the reads grow with the number of clinics, never
 * with the number of queued cases. Each row is completed from its case (body sites, triage reasons;
 * the page's cases are read in one BatchGetItem per clinic with rows) and a short-lived link to the
 * close-up's thumbnail. Claimed cases stay on the list, shown as claimed. The first page opens with
 * the cases offered to the caller first (one more Query per clinic, see {@link #preferredSection}).
 *
 * <p>Not audited: the list is the clinic's queue as every dermatologist of the clinic sees it (body
 * sites, triage reasons, a thumbnail link), read at every refresh; recording each row would bury
 * the patient's access log in list views. What is recorded is opening a case (getCaseForReview,
 * {@code case.review.read}), claiming it and answering it.
 */
public final class GetWorklist {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 50;
  static final Duration THUMBNAIL_LINK_VALID_FOR = Duration.ofMinutes(5);
  private final DermatologistClinics clinics;
  private final ReviewStore reviews;
  private final CaseStore cases;
  private final S3Presigner presigner;
  private final String bucket;
  private final ObjectMapper json;
  private final Clock clock;
  private final TenantCredentials credentials;

  @Inject
  public GetWorklist(
      DermatologistClinics clinics,
      ReviewStore reviews,
      CaseStore cases,
      S3Presigner presigner,
      com.dermrelay.core.config.Settings settings,
      ObjectMapper json,
      Clock clock,
      TenantCredentials credentials) {
    this.credentials = credentials;
    this.clinics = clinics;
    this.reviews = reviews;
    this.cases = cases;
    this.presigner = presigner;
    this.bucket = settings.mediaBucket();
    this.json = json;
    this.clock = clock;
  }

  /** What the caller asks for: a clinic filter, the page size and the cursor. */
  public record Query(Optional<String> clinic, Optional<String> limit, Optional<String> cursor) {}

  public Worklist run(
      com.dermrelay.core.auth.Caller caller,
      String name,
      String requestId,
      Instant time,
      Query query) {
    int limit = PageLimit.parse(query.limit(), DEFAULT_LIMIT, MAX_LIMIT);
    List<DermatologistClinics.Clinic> mine = clinics.activeClinics(caller, name, requestId, time);
    // Every clinic of the caller, whatever the filter or the queue: the workbench's clinic filter
    // and its second-read queue need them even when no case is waiting.
    List<ClinicRef> memberOf =
        mine.stream().map(c -> new ClinicRef(c.tenant().tenantId(), c.displayName())).toList();
    if (query.clinic().isPresent()) {
      mine = mine.stream().filter(c -> c.tenant().tenantId().equals(query.clinic().get())).toList();
    }
    Map<String, DermatologistClinics.Clinic> byId =
        mine.stream()
            .collect(
                Collectors.toMap(
                    c -> c.tenant().tenantId(), c -> c, (a, b) -> a, LinkedHashMap::new));
    Optional<Map<String, String>> positions =
        WorklistCursor.decode(json, query.cursor(), byId.keySet());

    List<QueueEntry> preferred = preferredSection(byId.values(), caller.subject(), limit);
    java.util.Set<String> preferredIds =
        preferred.stream().map(e -> e.item().caseId()).collect(Collectors.toSet());
    List<QueueEntry> candidates = new ArrayList<>();
    Map<String, Boolean> more = new LinkedHashMap<>();
    for (DermatologistClinics.Clinic clinic : byId.values()) {
      String id = clinic.tenant().tenantId();
      if (positions.isPresent() && !positions.get().containsKey(id)) {
        continue; // this clinic's queue was exhausted on an earlier page
      }
      String after = positions.map(p -> p.get(id)).orElse("");
      ReviewStore.Page page = reviews.queueAfter(clinic.tenant(), after, limit);
      for (ReviewStore.StoredReview review : page.reviews()) {
        ReviewItem item = review.item();
        if (!preferredIds.contains(item.caseId())) {
          candidates.add(new QueueEntry(clinic, ReviewStore.queueSort(item), item));
        }
      }
      more.put(id, page.nextCursor().isPresent());
    }
    candidates.sort(
        Comparator.comparing(QueueEntry::sortKey)
            .thenComparing(e -> e.clinic().tenant().tenantId()));
    // The first page opens with the caller's preferred cases; the queue fills the rest of it.
    List<QueueEntry> opening = positions.isEmpty() ? preferred : List.of();
    List<QueueEntry> shown =
        candidates.subList(0, Math.min(limit - opening.size(), candidates.size()));

    Map<String, String> next = new LinkedHashMap<>();
    for (String id : more.keySet()) {
      List<QueueEntry> fetched =
          candidates.stream().filter(e -> e.clinic().tenant().tenantId().equals(id)).toList();
      long shownOfClinic =
          shown.stream().filter(e -> e.clinic().tenant().tenantId().equals(id)).count();
      boolean exhausted = shownOfClinic == fetched.size() && !more.get(id);
      if (!exhausted) {
        next.put(
            id,
            shownOfClinic == 0
                ? positions.map(p -> p.get(id)).orElse("")
                : fetched.get((int) shownOfClinic - 1).sortKey());
      }
    }
    Instant now = clock.instant();
    List<QueueEntry> page =
        java.util.stream.Stream.concat(opening.stream(), shown.stream()).toList();
    Map<String, Map<String, StoredCase>> casesShown = casesOf(page);
    List<WorklistRow> rows =
        page.stream()
            .map(
                e ->
                    row(
                        e,
                        Optional.ofNullable(
                                casesShown
                                    .get(e.clinic().tenant().tenantId())
                                    .get(e.item().caseId()))
                            .map(StoredCase::record),
                        caller.subject(),
                        now))
            .toList();
    return new Worklist(rows, next.isEmpty() ? null : WorklistCursor.encode(json, next), memberOf);
  }

  /**
   * The cases offered first to the caller (they asked the patient a question, or asked for a
   * follow-up) in every clinic, from the clinics' preferred queues ({@code gsi2}, one Query each),
   * in queue order. They open the first page and are left out of the queue after it. Should they
   * not fit on one page (a clinic's preferred queue longer than the page), there is no opening
   * section: every case stays at its place in the queue, still marked {@code preferredForMe}.
   */
  private List<QueueEntry> preferredSection(
      java.util.Collection<DermatologistClinics.Clinic> clinics, String me, int limit) {
    List<QueueEntry> preferred = new ArrayList<>();
    for (DermatologistClinics.Clinic clinic : clinics) {
      ReviewStore.Page page = reviews.preferredQueue(clinic.tenant(), me, limit, Optional.empty());
      if (page.nextCursor().isPresent()) {
        return List.of();
      }
      for (ReviewStore.StoredReview review : page.reviews()) {
        preferred.add(new QueueEntry(clinic, ReviewStore.queueSort(review.item()), review.item()));
      }
    }
    if (preferred.size() > limit) {
      return List.of();
    }
    preferred.sort(
        Comparator.comparing(QueueEntry::sortKey)
            .thenComparing(e -> e.clinic().tenant().tenantId()));
    return preferred;
  }

  /** The cases of the rows shown, one BatchGetItem per clinic with rows (its own session). */
  private Map<String, Map<String, StoredCase>> casesOf(List<QueueEntry> page) {
    Map<String, List<QueueEntry>> byClinic =
        page.stream()
            .collect(
                Collectors.groupingBy(
                    e -> e.clinic().tenant().tenantId(), LinkedHashMap::new, Collectors.toList()));
    Map<String, Map<String, StoredCase>> found = new LinkedHashMap<>();
    byClinic.forEach(
        (id, entries) ->
            found.put(
                id,
                cases.findAll(
                    entries.get(0).clinic().tenant(),
                    entries.stream().map(e -> e.item().caseId()).toList())));
    return found;
  }

  private WorklistRow row(QueueEntry entry, Optional<CaseRecord> c, String me, Instant now) {
    TenantContext tenant = entry.clinic().tenant();
    ReviewItem item = entry.item();
    String caseId = item.caseId();
    String claimedBy = item.claimedBy();
    long claimedUntil = item.claimedUntil();
    boolean claimed = claimedBy != null && claimedUntil > now.getEpochSecond();
    String claim = !claimed ? "none" : me.equals(claimedBy) ? "mine" : "other";
    Instant dueAt = Instant.parse(item.dueAt());
    List<String> bodySites =
        c.map(
                r ->
                    r.intake() == null || r.intake().bodySites() == null
                        ? List.<String>of()
                        : r.intake().bodySites().stream()
                            .map(
                                s ->
                                    s.region()
                                        + (s.laterality() == null
                                            ? ""
                                            : " (" + s.laterality() + ")"))
                            .toList())
            .orElse(List.of());
    List<String> reasons =
        c.map(
                r ->
                    r.triage() == null
                        ? List.<String>of()
                        : r.triage().reasons().stream()
                            .map(CaseRecord.TriageReasonEntry::text)
                            .toList())
            .orElse(List.of());
    String thumbnail =
        c.map(CaseRecord::photos)
            .map(p -> p.get("close_up"))
            .map(p -> presign(tenant, MediaKeys.thumbnail(tenant, caseId, p.photoId())))
            .orElse(null);
    String preferred = item.preferredDermatologistId();
    return new WorklistRow(
        caseId,
        tenant.tenantId(),
        entry.clinic().displayName(),
        item.priority(),
        dueAt.toString(),
        Duration.between(now, dueAt).toSeconds(),
        claim,
        claimed ? Instant.ofEpochSecond(claimedUntil).toString() : null,
        me.equals(preferred),
        bodySites,
        reasons,
        thumbnail);
  }

  /** Signed by the session of the row's clinic: each thumbnail reaches only its own clinic. */
  private String presign(TenantContext tenant, String key) {
    return presigner
        .presignGetObject(
            r ->
                r.signatureDuration(THUMBNAIL_LINK_VALID_FOR)
                    .getObjectRequest(
                        g ->
                            g.bucket(bucket)
                                .key(key)
                                .overrideConfiguration(
                                    credentials.presignOverride(tenant, THUMBNAIL_LINK_VALID_FOR))))
        .url()
        .toString();
  }

  private record QueueEntry(DermatologistClinics.Clinic clinic, String sortKey, ReviewItem item) {}

  /** One page of the merged worklist and the cursor of the next (null at the end). */
  public record Worklist(
      List<WorklistRow> cases,
      @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor,
      List<ClinicRef> clinics) {}

  /** A clinic the dermatologist is an active member of. */
  public record ClinicRef(String tenantId, String name) {}

  /**
   * One queued case as the worklist shows it.
   *
   * @param secondsUntilDue negative when overdue
   * @param claim {@code mine}, {@code other} or {@code none} (an expired lease is none)
   */
  public record WorklistRow(
      String caseId,
      String tenantId,
      String clinicName,
      String priority,
      String dueAt,
      long secondsUntilDue,
      String claim,
      String claimedUntil,
      boolean preferredForMe,
      List<String> bodySites,
      List<String> triageReasons,
      String thumbnailUrl) {}
}
