package com.dermrelay.cases;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The curated diagnosis list shipped in the jar ({@code dermrelay/diagnoses.json}), read once per
 * container, and its search for the workbench: a query matches an entry's code, ICD-10 code, name,
 * patient name or synonyms by prefix of the whole text or of any word in it.
 */
@Singleton
public final class DiagnosisList {
  static final String RESOURCE = "dermrelay/diagnoses.json";

  private final Map<String, Diagnosis> byCode;
  private final List<Diagnosis> ordered;

  @Inject
  public DiagnosisList(ObjectMapper json) {
    this(load(json));
  }

  DiagnosisList(List<Diagnosis> diagnoses) {
    Map<String, Diagnosis> map = new LinkedHashMap<>();
    for (Diagnosis d : diagnoses) {
      if (map.put(d.code(), d) != null) {
        throw new IllegalStateException("diagnosis code listed twice: " + d.code());
      }
    }
    this.byCode = Map.copyOf(map);
    this.ordered = diagnoses.stream().sorted(Comparator.comparing(Diagnosis::name)).toList();
  }

  /** The list as shipped; for tests and documentation. */
  public static List<Diagnosis> load(ObjectMapper json) {
    try (InputStream in = DiagnosisList.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      ListFile file =
          json.readerFor(ListFile.class)
              .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
              .readValue(in);
      return List.copyOf(file.diagnoses());
    } catch (IOException e) {
      throw new UncheckedIOException("the diagnosis list cannot be read", e);
    }
  }

  record ListFile(String source, String icd10Version, List<Diagnosis> diagnoses) {}

  public Optional<Diagnosis> find(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
  }

  public List<Diagnosis> all() {
    return ordered;
  }

  /**
   * Entries matching {@code query}, best first: an exact code, then a name starting with it, then a
   * word of the name, then the patient name or a synonym; alphabetical within a rank. Every word of
   * the query must match (so "basal cell" finds basal cell carcinoma). A blank query lists all.
   */
  public List<Diagnosis> search(String query, int limit) {
    String q = query == null ? "" : normalise(query);
    if (q.isEmpty()) {
      return ordered.stream().limit(limit).toList();
    }
    record Hit(Diagnosis diagnosis, int rank) {}
    List<Hit> hits = new ArrayList<>();
    for (Diagnosis d : ordered) {
      int rank = rank(d, q);
      if (rank < Integer.MAX_VALUE) {
        hits.add(new Hit(d, rank));
      }
    }
    return hits.stream()
        .sorted(Comparator.comparingInt(Hit::rank))
        .limit(limit)
        .map(Hit::diagnosis)
        .toList();
  }

  private static int rank(Diagnosis d, String q) {
    String name = normalise(d.name());
    String code = normalise(d.code());
    String icd10 = d.icd10().toLowerCase(Locale.ROOT);
    if (q.equals(code) || q.equals(icd10)) {
      return 0;
    }
    if (name.startsWith(q)) {
      return 1;
    }
    if (allWordsMatch(name, q)) {
      return 2;
    }
    if (icd10.startsWith(q) || code.startsWith(q)) {
      return 3;
    }
    if (allWordsMatch(normalise(d.patientName()), q)) {
      return 4;
    }
    for (String synonym : d.synonyms()) {
      if (allWordsMatch(normalise(synonym), q)) {
        return 4;
      }
    }
    return Integer.MAX_VALUE;
  }

  /** Every word of the query is the start of some word of the text. */
  private static boolean allWordsMatch(String text, String query) {
    String[] words = text.split(" ");
    for (String part : query.split(" ")) {
      boolean found = false;
      for (String word : words) {
        if (word.startsWith(part)) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /** Lower case, letters and digits only (dots kept for ICD-10 codes), single spaces. */
  static String normalise(String text) {
    String lower =
        text.toLowerCase(Locale.ROOT)
            .replace('æ', 'e')
            .replace("naevus", "nevus")
            .replace("naevi", "nevi")
            .replace("oe", "e")
            .replace("ae", "e");
    return lower.replaceAll("[^a-z0-9.]+", " ").trim();
  }
}
