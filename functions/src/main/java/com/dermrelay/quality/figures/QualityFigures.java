package com.dermrelay.quality.figures;

import com.dermrelay.cases.ManagementCategory;
import com.dermrelay.quality.Concordance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of a set of counter items (the months of a period, of the clinic or of one reader),
 * summed and split by skin-type group: pure, so the summing is tested without a table
 * (QualityFiguresTest).
 */
public final class QualityFigures {
  /** The group name of the figures over every skin type. */
  public static final String ALL = "all";

  private QualityFigures() {}

  /** A count out of a whole, with its percentage (absent when the whole is 0). */
  public record Share(long count, long of, Double percent) {
    static Share of(long count, long of) {
      return new Share(count, of, of == 0 ? null : 100.0 * count / of);
    }
  }

  /** Times of the cases counted, estimated from the buckets (AnswerTimes). */
  public record Times(long cases, AnswerTimes.Quantile median, AnswerTimes.Quantile p90) {
    static Times of(long[] buckets) {
      long n = 0;
      for (long b : buckets) {
        n += b;
      }
      return new Times(n, AnswerTimes.quantile(buckets, 0.5), AnswerTimes.quantile(buckets, 0.9));
    }
  }

  /** One skin-type group's figures ({@code skinType} "all" for every group together). */
  public record GroupFigures(
      String skinType,
      long submitted,
      Map<String, Long> priorities,
      Share photosNeedingRetake,
      long answered,
      Share withinSla,
      Share referred,
      Share moreInfoRequested,
      Share photoRetakesRequested,
      Share followUpsWorse,
      Times submissionToAnswer,
      Times claimToAnswer,
      Concordance diagnosisConcordance,
      Concordance managementConcordance) {}

  /** The figures over every group first, then each group's. */
  public static List<GroupFigures> of(
      Collection<QualityCounts> items, List<String> diagnosisGroups) {
    List<GroupFigures> figures = new ArrayList<>();
    figures.add(group(items, List.of(SkinTypeGroup.values()), ALL, diagnosisGroups));
    for (SkinTypeGroup group : SkinTypeGroup.values()) {
      figures.add(group(items, List.of(group), group.code(), diagnosisGroups));
    }
    return figures;
  }

  private static GroupFigures group(
      Collection<QualityCounts> items,
      List<SkinTypeGroup> groups,
      String name,
      List<String> diagnosisGroups) {
    Sum sum = new Sum(items, groups);
    long answered = sum.of(QualityCounts.ANSWERED);
    Map<String, Long> priorities = new LinkedHashMap<>();
    for (String priority : QualityCounts.PRIORITIES) {
      priorities.put(priority, sum.of(QualityCounts.PRIORITY + priority));
    }
    return new GroupFigures(
        name,
        sum.of(QualityCounts.SUBMITTED),
        priorities,
        Share.of(sum.of(QualityCounts.PHOTOS_RETAKE), sum.of(QualityCounts.PHOTOS_CHECKED)),
        answered,
        Share.of(sum.of(QualityCounts.WITHIN_SLA), answered),
        Share.of(sum.of(QualityCounts.REFERRED), answered),
        Share.of(sum.of(QualityCounts.MORE_INFO), answered),
        Share.of(sum.of(QualityCounts.RETAKE_REQUESTED), answered),
        Share.of(sum.of(QualityCounts.FOLLOW_UP_WORSE), answered),
        Times.of(sum.buckets(QualityCounts.TO_ANSWER)),
        Times.of(sum.buckets(QualityCounts.CLAIM_TO_ANSWER)),
        Concordance.of(sum.table(QualityCounts.DIAGNOSIS, diagnosisGroups)),
        Concordance.of(sum.table(QualityCounts.MANAGEMENT, ManagementCategory.CODES)));
  }

  /** The answer times of a set of items over every group (a month's point of the chart). */
  public static Times submissionToAnswer(Collection<QualityCounts> items) {
    return Times.of(
        new Sum(items, List.of(SkinTypeGroup.values())).buckets(QualityCounts.TO_ANSWER));
  }

  /** Sums of the counters of some items over some skin-type groups. */
  private record Sum(Collection<QualityCounts> items, List<SkinTypeGroup> groups) {
    long of(String figure) {
      long total = 0;
      for (QualityCounts item : items) {
        for (SkinTypeGroup group : groups) {
          total += item.get(figure, group);
        }
      }
      return total;
    }

    long[] buckets(String prefix) {
      long[] buckets = new long[AnswerTimes.BUCKETS];
      for (int b = 0; b < buckets.length; b++) {
        buckets[b] = of(prefix + b);
      }
      return buckets;
    }

    /** The k x k table of counts, rows the first reader's category, columns the second's. */
    long[][] table(String prefix, List<String> categories) {
      long[][] table = new long[categories.size()][categories.size()];
      for (int i = 0; i < categories.size(); i++) {
        for (int j = 0; j < categories.size(); j++) {
          table[i][j] = of(prefix + categories.get(i) + "." + categories.get(j));
        }
      }
      return table;
    }
  }
}
