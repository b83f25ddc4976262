package com.dermrelay.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The per-operation table of docs/performance.md from the newest Gatling report under {@code
 * bench/target/gatling} (Gatling 3.15 writes its figures into the report's HTML only): count,
 * failures, p50, p95, p99 and max in milliseconds.
 */
public final class LoadSummary {
  private static final Pattern ROW =
      Pattern.compile(
          "class=\"ellipsed-name\">([^<]+)</span>.*?"
              + "col-2\">([^<]*)<.*?col-4\">([^<]*)<.*?col-7\">([^<]*)<.*?col-8\">([^<]*)<"
              + ".*?col-10\">([^<]*)<.*?col-11\">([^<]*)<.*?col-12\">([^<]*)<",
          Pattern.DOTALL);

  private LoadSummary() {}

  public static void main(String[] args) throws IOException {
    Path reports = Path.of(args.length > 0 ? args[0] : "bench/target/gatling");
    Path newest;
    try (Stream<Path> runs = Files.list(reports)) {
      newest =
          runs.filter(Files::isDirectory)
              .max(Comparator.comparing(path -> path.getFileName().toString()))
              .orElseThrow(() -> new IllegalStateException("no Gatling report in " + reports));
    }
    String html = Files.readString(newest.resolve("index.html"));
    List<String> lines = new ArrayList<>();
    lines.add("| operation | requests | failed | p50 ms | p95 ms | p99 ms | max ms |");
    lines.add("|---|---|---|---|---|---|---|");
    Matcher row = ROW.matcher(html);
    while (row.find()) {
      lines.add(
          String.format(
              "| %s | %s | %s | %s | %s | %s | %s |",
              row.group(1),
              row.group(2),
              row.group(3),
              row.group(5),
              row.group(6),
              row.group(7),
              row.group(8)));
    }
    System.out.println(newest.getFileName());
    lines.forEach(System.out::println);
  }
}
