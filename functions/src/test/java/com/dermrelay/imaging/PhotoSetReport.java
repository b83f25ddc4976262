package com.dermrelay.imaging;

import com.dermrelay.imaging.LabelledPhotoSet.Expected;
import com.dermrelay.imaging.LabelledPhotoSet.Label;
import com.dermrelay.imaging.LabelledPhotoSet.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prints, as Markdown, how the photo check answers the labelled photo set: the share of bad photos
 * flagged for a retake (or refused) per kind of fault and per strength, the share of good photos
 * flagged, and every photo's verdict and scores. Not a test: the figures go to docs/intake.md
 * ("Measured on real photographs") with the command that printed them, {@code mvn -B -q -o -pl
 * functions exec:java -Dexec.mainClass=com.dermrelay.imaging.PhotoSetReport
 * -Dexec.classpathScope=test} after a test-compile.
 */
public final class PhotoSetReport {
  private PhotoSetReport() {}

  /** One checked photo. */
  record Outcome(Sample sample, PhotoCheck check) {
    /** Flagged: the patient is asked to take it again, or it is refused outright. */
    boolean flagged() {
      return check.verdict().compareTo(Verdict.RETAKE_ADVISED) >= 0;
    }
  }

  static List<Outcome> checkAll(PhotoInspector inspector) {
    List<Outcome> out = new ArrayList<>();
    for (Sample sample : LabelledPhotoSet.samples()) {
      out.add(new Outcome(sample, inspector.inspect(sample.bytes(), PhotoView.CONTEXT)));
    }
    return out;
  }

  public static void main(String[] args) {
    List<Outcome> outcomes = checkAll(new PhotoInspector());
    System.out.println(summary(outcomes));
    System.out.println(details(outcomes));
  }

  static String summary(List<Outcome> outcomes) {
    StringBuilder md =
        new StringBuilder(
            "| photos | expected | flagged for a retake or refused | warned only |\n|---|---|---|---|\n");
    Map<String, List<Outcome>> groups =
        outcomes.stream()
            .collect(
                Collectors.groupingBy(
                    o ->
                        o.sample().degradation() == null
                            ? "as taken: "
                                + o.sample()
                                    .label()
                                    .name()
                                    .toLowerCase(Locale.ROOT)
                                    .replace('_', ' ')
                            : "good originals, " + o.sample().degradation().how(),
                    LinkedHashMap::new,
                    Collectors.toList()));
    groups.forEach((group, list) -> md.append(row(group, list)));
    for (Label label : Label.values()) {
      List<Outcome> bad =
          outcomes.stream()
              .filter(o -> o.sample().label() == label && o.sample().expected() == Expected.FLAGGED)
              .toList();
      if (!bad.isEmpty()) {
        md.append(
            row("**all " + label.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "**", bad));
      }
    }
    md.append(
        row(
            "**all bad photos**",
            outcomes.stream().filter(o -> o.sample().expected() == Expected.FLAGGED).toList()));
    md.append(
        row(
            "**all good photos**",
            outcomes.stream().filter(o -> o.sample().expected() == Expected.NOT_FLAGGED).toList()));
    return md.toString();
  }

  private static String row(String group, List<Outcome> list) {
    long flagged = list.stream().filter(Outcome::flagged).count();
    long warned =
        list.stream().filter(o -> o.check().verdict() == Verdict.ACCEPTED_WITH_WARNINGS).count();
    String expected =
        list.stream()
            .map(
                o ->
                    switch (o.sample().expected()) {
                      case FLAGGED -> "retake";
                      case NOT_FLAGGED -> "no retake";
                      case EITHER -> "warning or retake";
                    })
            .distinct()
            .collect(Collectors.joining(", "));
    return String.format(
        Locale.ROOT,
        "| %s | %s | %d of %d (%.0f%%) | %d |%n",
        group,
        expected,
        flagged,
        list.size(),
        100.0 * flagged / list.size(),
        warned);
  }

  static String details(List<Outcome> outcomes) {
    StringBuilder md =
        new StringBuilder(
            "| photo | label | verdict | findings | sharpness | mean | clipped white | clipped black |\n"
                + "|---|---|---|---|---|---|---|---|\n");
    Function<Double, String> share = v -> String.format(Locale.ROOT, "%.1f%%", 100 * v);
    for (Outcome o : outcomes) {
      QualityScores s = o.check().scores();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s | %s | %s |%n",
              o.sample().name(),
              o.sample().label().name().toLowerCase(Locale.ROOT),
              o.check().verdict(),
              o.check().findings().stream()
                  .map(f -> f.code().code())
                  .collect(Collectors.joining(" ")),
              s == null ? "" : String.format(Locale.ROOT, "%.0f", s.sharpness()),
              s == null ? "" : String.format(Locale.ROOT, "%.0f", s.meanBrightness()),
              s == null ? "" : share.apply(s.highlightClipped()),
              s == null ? "" : share.apply(s.shadowClipped())));
    }
    return md.toString();
  }
}
