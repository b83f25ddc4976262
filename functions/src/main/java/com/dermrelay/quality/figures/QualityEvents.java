package com.dermrelay.quality.figures;

import com.dermrelay.cases.ManagementCategory;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.CountedEvents;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.TenantTable;
import com.dermrelay.quality.DiagnosisGroups;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;

/**
 * Counts the events the quality figures come from, each once, where it happens, as metering does
 * (UsageMeter): the event's item {@code QUALITY#EVENTS} / {@code <EVENT>#<reference>} put only if
 * absent ({@link CountedEvents}), then atomic ADDs on the month's counter items ({@link
 * QualityCounts}): the clinic's and, for events of a reader, the reader's. A retry counts nothing;
 * a crash between the writes leaves a counter one short, never one over. No Scan ever: the page
 * reads the months' items (ClinicQuality).
 *
 * <p>The answer's event keeps the case's skin-type group and reader, so a later second read or
 * follow-up of the case is counted in the same group and for the same reader.
 */
public final class QualityEvents {
  static final String EVENTS = "QUALITY#EVENTS";
  static final String COUNTERS = "QUALITY";
  static final String MONTH_PREFIX = "MONTH#";
  static final String CLINIC = "#CLINIC";
  static final String READER = "#READER#";
  static final String READER_TOTAL_PREFIX = "READER#";

  /** Retries and follow-ups come within months; the counters themselves are kept. */
  static final Duration EVENTS_KEPT = Duration.ofDays(400);

  /** Management categories that send the patient to an in-person visit. */
  static final Set<String> REFERRALS =
      Set.of(
          ManagementCategory.REFER_ROUTINE.name(),
          ManagementCategory.REFER_URGENT.name(),
          ManagementCategory.BIOPSY.name());

  private final CountedEvents events;
  private final TenantTable<QualityCounts> counters;
  private final DiagnosisGroups groups;

  @Inject
  public QualityEvents(CountedEvents events, SingleTable table, DiagnosisGroups groups) {
    this.events = events;
    this.groups = groups;
    this.counters =
        table.tenantTable(
            QualityCounts.schema(
                QualityCounts.names(
                    groups.all().stream().map(DiagnosisGroups.Group::code).toList())));
  }

  /**
   * A case was submitted: its triage priority and its photos' checks (how many needed a retake),
   * counted by the patient's skin type. Reference: the case.
   */
  public void submitted(
      TenantContext tenant,
      String caseId,
      String priority,
      Integer patientSkinType,
      int photosChecked,
      int photosNeedingRetake,
      Instant at) {
    if (!events.firstTime(tenant, event("SUBMITTED", caseId), at, EVENTS_KEPT)) {
      return;
    }
    SkinTypeGroup group = SkinTypeGroup.of(patientSkinType, null);
    Map<String, Long> amounts = new LinkedHashMap<>();
    amounts.put(QualityCounts.name(QualityCounts.SUBMITTED, group), 1L);
    if (priority != null && QualityCounts.PRIORITIES.contains(priority)) {
      amounts.put(QualityCounts.name(QualityCounts.PRIORITY + priority, group), 1L);
    }
    amounts.put(QualityCounts.name(QualityCounts.PHOTOS_CHECKED, group), (long) photosChecked);
    amounts.put(QualityCounts.name(QualityCounts.PHOTOS_RETAKE, group), (long) photosNeedingRetake);
    counters.add(tenant, clinicMonth(at), amounts);
  }

  /** A dermatologist claimed the case: only the first claim is kept, for claim-to-answer times. */
  public void claimed(TenantContext tenant, String caseId, Instant at) {
    events.firstTime(tenant, event("CLAIMED", caseId), at, EVENTS_KEPT);
  }

  /**
   * The first answer of a case was delivered.
   *
   * @param sla the clinic's promised time for the case's priority
   */
  public record Answered(
      String caseId,
      String readerId,
      Instant submittedAt,
      Instant answeredAt,
      Duration sla,
      String management,
      Integer patientSkinType,
      Integer reviewerSkinType) {}

  /** Counts the case's first answer (later rounds' answers count nothing). */
  public void answered(TenantContext tenant, Answered a) {
    SkinTypeGroup group = SkinTypeGroup.of(a.patientSkinType(), a.reviewerSkinType());
    if (!events.firstTime(
        tenant,
        event("ANSWERED", a.caseId()),
        a.answeredAt(),
        EVENTS_KEPT,
        group.code() + "|" + a.readerId())) {
      return;
    }
    Duration toAnswer = Duration.between(a.submittedAt(), a.answeredAt());
    Map<String, Long> amounts = new LinkedHashMap<>();
    amounts.put(QualityCounts.name(QualityCounts.ANSWERED, group), 1L);
    amounts.put(
        QualityCounts.name(QualityCounts.TO_ANSWER + AnswerTimes.bucket(toAnswer), group), 1L);
    if (a.sla() != null && toAnswer.compareTo(a.sla()) <= 0) {
      amounts.put(QualityCounts.name(QualityCounts.WITHIN_SLA, group), 1L);
    }
    if (a.management() != null && REFERRALS.contains(a.management())) {
      amounts.put(QualityCounts.name(QualityCounts.REFERRED, group), 1L);
    }
    events
        .find(tenant, event("CLAIMED", a.caseId()))
        .ifPresent(
            claimed ->
                amounts.put(
                    QualityCounts.name(
                        QualityCounts.CLAIM_TO_ANSWER
                            + AnswerTimes.bucket(Duration.between(claimed.at(), a.answeredAt())),
                        group),
                    1L));
    counters.add(tenant, clinicMonth(a.answeredAt()), amounts);
    counters.add(tenant, readerMonth(a.answeredAt(), a.readerId()), amounts);
    counters.add(
        tenant,
        ItemKey.of(COUNTERS, READER_TOTAL_PREFIX + a.readerId()),
        Map.of(QualityCounts.ANSWERED_TOTAL, 1L));
  }

  /**
   * The reader asked the patient for more information (one question per round), and with it, when
   * {@code newPhotos}, for the photos to be taken again.
   */
  public void moreInfoRequested(
      TenantContext tenant,
      String caseId,
      int round,
      String readerId,
      Integer patientSkinType,
      boolean newPhotos,
      Instant at) {
    if (!events.firstTime(tenant, event("MORE_INFO", caseId + "/" + round), at, EVENTS_KEPT)) {
      return;
    }
    SkinTypeGroup group = SkinTypeGroup.of(patientSkinType, null);
    Map<String, Long> amounts = new java.util.HashMap<>();
    amounts.put(QualityCounts.name(QualityCounts.MORE_INFO, group), 1L);
    if (newPhotos) {
      amounts.put(QualityCounts.name(QualityCounts.RETAKE_REQUESTED, group), 1L);
    }
    counters.add(tenant, clinicMonth(at), amounts);
    counters.add(tenant, readerMonth(at, readerId), amounts);
  }

  /**
   * The patient reported the condition worse at a follow-up: counted for the case's group and its
   * first reader, as the answer's event recorded them (the clinic's "not given" when unknown).
   */
  public void followUpWorse(TenantContext tenant, String caseId, int round, Instant at) {
    if (!events.firstTime(tenant, event("WORSE", caseId + "/" + round), at, EVENTS_KEPT)) {
      return;
    }
    AnsweredCase answered = answeredCase(tenant, caseId);
    Map<String, Long> amounts =
        Map.of(QualityCounts.name(QualityCounts.FOLLOW_UP_WORSE, answered.group()), 1L);
    counters.add(tenant, clinicMonth(at), amounts);
    answered.readerId().ifPresent(r -> counters.add(tenant, readerMonth(at, r), amounts));
  }

  /**
   * A second read was compared with the first answer: one cell of the management table and, when
   * both diagnoses have a group, one of the diagnosis-group table (rows the first reader's), for
   * the clinic and the first reader.
   */
  public void secondReadCompared(
      TenantContext tenant,
      String caseId,
      int round,
      String firstReaderId,
      String firstDiagnosis,
      String secondDiagnosis,
      String firstManagement,
      String secondManagement,
      Instant at) {
    if (!events.firstTime(tenant, event("SECOND_READ", caseId + "/" + round), at, EVENTS_KEPT)) {
      return;
    }
    SkinTypeGroup group = answeredCase(tenant, caseId).group();
    Map<String, Long> amounts = new LinkedHashMap<>();
    if (ManagementCategory.CODES.contains(firstManagement)
        && ManagementCategory.CODES.contains(secondManagement)) {
      amounts.put(
          QualityCounts.name(
              QualityCounts.MANAGEMENT + firstManagement + "." + secondManagement, group),
          1L);
    }
    Optional<String> firstGroup = groups.groupOf(firstDiagnosis);
    Optional<String> secondGroup = groups.groupOf(secondDiagnosis);
    if (firstGroup.isPresent() && secondGroup.isPresent()) {
      amounts.put(
          QualityCounts.name(
              QualityCounts.DIAGNOSIS + firstGroup.get() + "." + secondGroup.get(), group),
          1L);
    }
    if (amounts.isEmpty()) {
      return;
    }
    counters.add(tenant, clinicMonth(at), amounts);
    counters.add(tenant, readerMonth(at, firstReaderId), amounts);
  }

  /** How many cases the reader has answered at the clinic since counting began (one GetItem). */
  public long answeredBy(TenantContext tenant, String readerId) {
    return counters
        .get(tenant, ItemKey.of(COUNTERS, READER_TOTAL_PREFIX + readerId))
        .map(item -> item.record().get(QualityCounts.ANSWERED_TOTAL))
        .orElse(0L);
  }

  private record AnsweredCase(SkinTypeGroup group, Optional<String> readerId) {}

  private AnsweredCase answeredCase(TenantContext tenant, String caseId) {
    return events
        .find(tenant, event("ANSWERED", caseId))
        .map(CountedEvents.Recorded::detail)
        .filter(d -> d != null && d.contains("|"))
        .map(
            d ->
                new AnsweredCase(
                    SkinTypeGroup.ofCode(d.substring(0, d.indexOf('|'))),
                    Optional.of(d.substring(d.indexOf('|') + 1))))
        .orElse(new AnsweredCase(SkinTypeGroup.NOT_GIVEN, Optional.empty()));
  }

  static ItemKey event(String kind, String reference) {
    return ItemKey.of(EVENTS, kind + "#" + reference);
  }

  static String month(Instant at) {
    return YearMonth.from(at.atZone(ZoneOffset.UTC)).toString();
  }

  static ItemKey clinicMonth(Instant at) {
    return ItemKey.of(COUNTERS, MONTH_PREFIX + month(at) + CLINIC);
  }

  static ItemKey readerMonth(Instant at, String readerId) {
    return ItemKey.of(COUNTERS, MONTH_PREFIX + month(at) + READER + readerId);
  }
}
