package com.dermrelay.quality.figures;

import com.dermrelay.cases.ManagementCategory;
import com.dermrelay.core.data.CounterItems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A quality counter item of the clinic's {@code TENANT#<id>#QUALITY} partition: a month of the
 * clinic ({@code MONTH#<yyyy-MM>#CLINIC}), a month of one reader ({@code
 * MONTH#<yyyy-MM>#READER#<subject>}) or a reader's running total ({@code READER#<subject>}). Only
 * ever written by atomic {@code ADD}s ({@link QualityEvents}); a counter never bumped is absent
 * (0).
 *
 * <p>Every counter is named {@code <figure>.<skin-type group>}, e.g. {@code answered.V-VI}, {@code
 * toAnswer.5.I-II} (answer-time bucket 5), {@code management.TREAT.REFER_URGENT.not-given} (first
 * reader TREAT, second REFER_URGENT) or {@code diagnosis.<group>.<group>.III-IV}.
 */
record QualityCounts(Map<String, Long> counts) {
  static final String SUBMITTED = "submitted";
  static final String PRIORITY = "priority.";
  static final String PHOTOS_CHECKED = "photosChecked";
  static final String PHOTOS_RETAKE = "photosNeedingRetake";
  static final String ANSWERED = "answered";
  static final String WITHIN_SLA = "withinSla";
  static final String REFERRED = "referred";
  static final String MORE_INFO = "moreInfoRequested";
  static final String RETAKE_REQUESTED = "photoRetakesRequested";
  static final String FOLLOW_UP_WORSE = "followUpsWorse";
  static final String TO_ANSWER = "toAnswer.";
  static final String CLAIM_TO_ANSWER = "claimToAnswer.";
  static final String MANAGEMENT = "management.";
  static final String DIAGNOSIS = "diagnosis.";

  /** A reader's answered cases at the clinic since counting began (reader-first-50-cases). */
  static final String ANSWERED_TOTAL = "answeredTotal";

  static final List<String> PRIORITIES = List.of("URGENT", "SOON", "ROUTINE");

  static String name(String figure, SkinTypeGroup group) {
    return figure + "." + group.code();
  }

  long get(String name) {
    Long value = counts.get(name);
    return value == null ? 0 : value;
  }

  long get(String figure, SkinTypeGroup group) {
    return get(name(figure, group));
  }

  /** Every counter name the items can hold, given the diagnosis groups' codes. */
  static List<String> names(List<String> diagnosisGroups) {
    List<String> figures = new ArrayList<>();
    figures.addAll(
        List.of(
            SUBMITTED,
            PHOTOS_CHECKED,
            PHOTOS_RETAKE,
            ANSWERED,
            WITHIN_SLA,
            REFERRED,
            MORE_INFO,
            RETAKE_REQUESTED,
            FOLLOW_UP_WORSE));
    PRIORITIES.forEach(p -> figures.add(PRIORITY + p));
    for (int b = 0; b < AnswerTimes.BUCKETS; b++) {
      figures.add(TO_ANSWER + b);
      figures.add(CLAIM_TO_ANSWER + b);
    }
    for (String first : ManagementCategory.CODES) {
      for (String second : ManagementCategory.CODES) {
        figures.add(MANAGEMENT + first + "." + second);
      }
    }
    for (String first : diagnosisGroups) {
      for (String second : diagnosisGroups) {
        figures.add(DIAGNOSIS + first + "." + second);
      }
    }
    List<String> names = new ArrayList<>();
    for (String figure : figures) {
      for (SkinTypeGroup group : SkinTypeGroup.values()) {
        names.add(name(figure, group));
      }
    }
    names.add(ANSWERED_TOTAL);
    return List.copyOf(names);
  }

  /** Built from lambdas, no reflection (decision 0018), for the counters {@code names}. */
  static TableSchema<QualityCounts> schema(List<String> names) {
    return CounterItems.schema(
        QualityCounts.class, names, QualityCounts::new, QualityCounts::counts);
  }
}
