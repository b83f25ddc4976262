package com.dermrelay.quality.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.quality.Concordance;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The summing of counter items into the figures a medical lead reads. */
class QualityFiguresTest {
  private static final List<String> GROUPS = List.of("malignant", "benign-growth", "viral");

  @Test
  void medianAndP90AreTheUpperBoundsOfTheirBuckets() {
    long[] buckets = new long[AnswerTimes.BUCKETS];
    // 10 answers: 4 within 1 hour, 5 in (12, 24] hours, 1 after 3 days.
    buckets[AnswerTimes.bucket(Duration.ofMinutes(30))] += 4;
    buckets[AnswerTimes.bucket(Duration.ofHours(20))] += 5;
    buckets[AnswerTimes.bucket(Duration.ofHours(80))] += 1;
    assertEquals(24, AnswerTimes.quantile(buckets, 0.5).atMostHours(), "rank 5 is the first >12h");
    assertEquals(24, AnswerTimes.quantile(buckets, 0.9).atMostHours(), "rank 9");
    assertEquals(120, AnswerTimes.quantile(buckets, 1.0).atMostHours(), "80 hours is at most 120");
    assertEquals(new AnswerTimes.Quantile(null, null), AnswerTimes.quantile(new long[13], 0.5));
  }

  @Test
  void bucketsIncludeTheirUpperBoundAndTheLastIsOpen() {
    assertEquals(0, AnswerTimes.bucket(Duration.ofHours(1)));
    assertEquals(1, AnswerTimes.bucket(Duration.ofHours(1).plusSeconds(1)));
    long[] beyond = new long[AnswerTimes.BUCKETS];
    beyond[AnswerTimes.bucket(Duration.ofDays(40))] = 3;
    assertEquals(new AnswerTimes.Quantile(null, 720), AnswerTimes.quantile(beyond, 0.5));
  }

  @Test
  void theSkinTypeGroupIsThePatientsElseTheReviewers() {
    assertEquals(SkinTypeGroup.I_II, SkinTypeGroup.of(2, 6), "the patient's type wins");
    assertEquals(SkinTypeGroup.V_VI, SkinTypeGroup.of(null, 5));
    assertEquals(SkinTypeGroup.III_IV, SkinTypeGroup.of(null, 3));
    assertEquals(SkinTypeGroup.V_VI, SkinTypeGroup.of(6, null));
    assertEquals(SkinTypeGroup.NOT_GIVEN, SkinTypeGroup.of(null, null));
    assertEquals(SkinTypeGroup.III_IV, SkinTypeGroup.of(7, 4), "an impossible type is no type");
  }

  @Test
  void monthsAreSummedPerGroupAndIntoAll() {
    QualityCounts november =
        counts(
            Map.of(
                "answered.I-II", 3L,
                "withinSla.I-II", 2L,
                "answered.V-VI", 1L,
                "referred.V-VI", 1L,
                "toAnswer.0.I-II", 3L,
                "toAnswer.6.V-VI", 1L));
    QualityCounts december =
        counts(Map.of("answered.V-VI", 1L, "withinSla.V-VI", 1L, "toAnswer.6.V-VI", 1L));
    List<QualityFigures.GroupFigures> figures =
        QualityFigures.of(List.of(november, december), GROUPS);
    QualityFigures.GroupFigures all = figures.get(0);
    QualityFigures.GroupFigures dark = byGroup(figures, "V-VI");
    assertEquals("all", all.skinType());
    assertEquals(5, all.answered());
    assertEquals(new QualityFigures.Share(3, 5, 60.0), all.withinSla());
    assertEquals(2, dark.answered());
    assertEquals(new QualityFigures.Share(1, 2, 50.0), dark.withinSla());
    assertEquals(new QualityFigures.Share(1, 2, 50.0), dark.referred());
    assertEquals(48, dark.submissionToAnswer().median().atMostHours());
    assertEquals(1, all.submissionToAnswer().median().atMostHours(), "3 of 5 within an hour");
    assertNull(byGroup(figures, "III-IV").withinSla().percent(), "no answers, no percentage");
  }

  @Test
  void summedSecondReadCellsMakeTheTableConcordanceReads() {
    Map<String, Long> first = new HashMap<>();
    Map<String, Long> second = new HashMap<>();
    // 24 cases read twice over two months: 18 agree (12 malignant, 6 viral), 6 do not.
    first.put("diagnosis.malignant.malignant.I-II", 7L);
    second.put("diagnosis.malignant.malignant.V-VI", 5L);
    first.put("diagnosis.viral.viral.not-given", 6L);
    second.put("diagnosis.malignant.benign-growth.V-VI", 4L);
    first.put("diagnosis.benign-growth.malignant.I-II", 2L);
    List<QualityFigures.GroupFigures> figures =
        QualityFigures.of(List.of(counts(first), counts(second)), GROUPS);
    Concordance all = figures.get(0).diagnosisConcordance();
    Concordance expected = Concordance.of(new long[][] {{12, 4, 0}, {2, 0, 0}, {0, 0, 6}});
    assertEquals(expected, all);
    assertEquals(24, all.cases());
    assertEquals(18, all.agreed());
    assertTrue(all.enoughData());
    Concordance dark = byGroup(figures, "V-VI").diagnosisConcordance();
    assertEquals(9, dark.cases());
    assertFalse(dark.enoughData(), "9 cases: the count only");
    assertNull(dark.kappa());
  }

  private static QualityFigures.GroupFigures byGroup(
      List<QualityFigures.GroupFigures> figures, String group) {
    return figures.stream().filter(f -> f.skinType().equals(group)).findFirst().orElseThrow();
  }

  private static QualityCounts counts(Map<String, Long> counts) {
    return new QualityCounts(Map.copyOf(counts));
  }
}
