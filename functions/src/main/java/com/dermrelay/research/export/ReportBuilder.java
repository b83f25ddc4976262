package com.dermrelay.research.export;

import com.dermrelay.research.deid.CandidateImage;
import com.dermrelay.research.deid.KAnonymity;
import com.dermrelay.research.deid.QuasiIdentifier;
import com.dermrelay.research.deid.ReleasedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The report of a research export, counted from the images released and the reasons left out. */
final class ReportBuilder {
  private ReportBuilder() {}

  /** Generalisation codes per quasi-identifier and level (docs/research-export.md). */
  private static final Map<QuasiIdentifier, List<String>> LEVEL_CODES =
      Map.of(
          QuasiIdentifier.AGE,
              List.of("nearest-5-years", "10-year-bands", "20-year-bands", "not-released"),
          QuasiIdentifier.SEX, List.of("as-given", "not-released"),
          QuasiIdentifier.SITE, List.of("isic-general-site", "body-region", "not-released"),
          QuasiIdentifier.SKIN_TYPE, List.of("fitzpatrick-type", "type-pairs", "not-released"),
          QuasiIdentifier.YEAR, List.of("year", "5-year-periods", "not-released"));

  static ResearchReport build(
      int k,
      List<ReleasedImage> released,
      KAnonymity.Levels levels,
      int generalised,
      Map<String, Integer> suppressed,
      Map<String, Integer> excluded,
      int manifestFiles) {
    Set<String> patients = new HashSet<>();
    Set<String> lesions = new HashSet<>();
    Set<Integer> years = new TreeSet<>();
    Map<String, Set<String>> consentPatients = new TreeMap<>();
    Map<String, int[]> diagnosisImages = new TreeMap<>();
    Map<String, Set<String>> diagnosisLesions = new HashMap<>();
    Map<String, CandidateImage.Diagnosis> diagnoses = new HashMap<>();
    Map<String, Integer> bySite = new TreeMap<>();
    Map<String, Integer> bySkin = new TreeMap<>();
    Map<String, Integer> byType = new TreeMap<>();
    for (ReleasedImage row : released) {
      CandidateImage i = row.image();
      patients.add(i.patientId());
      lesions.add(i.lesionId());
      String year = row.value(QuasiIdentifier.YEAR);
      if (year.matches("[0-9]{4}")) {
        years.add(Integer.parseInt(year));
      }
      consentPatients.computeIfAbsent(i.consentVersion(), v -> new HashSet<>()).add(i.patientId());
      diagnoses.putIfAbsent(i.diagnosis().code(), i.diagnosis());
      diagnosisImages.computeIfAbsent(i.diagnosis().code(), c -> new int[1])[0]++;
      diagnosisLesions
          .computeIfAbsent(i.diagnosis().code(), c -> new HashSet<>())
          .add(i.lesionId());
      bySite.merge(orUnknown(row.value(QuasiIdentifier.SITE)), 1, Integer::sum);
      bySkin.merge(orUnknown(row.value(QuasiIdentifier.SKIN_TYPE)), 1, Integer::sum);
      byType.merge(i.imageType(), 1, Integer::sum);
    }
    List<ResearchReport.DiagnosisCount> byDiagnosis = new ArrayList<>();
    diagnosisImages.forEach(
        (code, n) -> {
          CandidateImage.Diagnosis d = diagnoses.get(code);
          byDiagnosis.add(
              new ResearchReport.DiagnosisCount(
                  code, d.name(), d.icd10(), d.snomed(), diagnosisLesions.get(code).size(), n[0]));
        });
    byDiagnosis.sort(
        Comparator.comparing(ResearchReport.DiagnosisCount::images)
            .reversed()
            .thenComparing(ResearchReport.DiagnosisCount::code));
    Map<String, Integer> versions = new TreeMap<>();
    consentPatients.forEach((version, who) -> versions.put(version, who.size()));
    Map<String, String> generalisation = new java.util.LinkedHashMap<>();
    for (QuasiIdentifier q : QuasiIdentifier.values()) {
      generalisation.put(q.column(), LEVEL_CODES.get(q).get(levels.of(q)));
    }
    return new ResearchReport(
        ResearchReport.FORMAT,
        k,
        List.copyOf(years),
        new ResearchReport.Counts(patients.size(), lesions.size(), released.size()),
        byDiagnosis,
        bySite,
        bySkin,
        byType,
        versions,
        generalisation,
        generalised,
        reasons(suppressed),
        reasons(excluded),
        new ResearchReport.Manifest("SHA-256", PackageResearchExport.MANIFEST, manifestFiles));
  }

  private static String orUnknown(String value) {
    return value.isEmpty() ? "unknown" : value;
  }

  private static List<ResearchReport.Reason> reasons(Map<String, Integer> counts) {
    List<ResearchReport.Reason> reasons = new ArrayList<>();
    new TreeMap<>(counts)
        .forEach(
            (code, n) -> {
              if (n > 0) {
                reasons.add(new ResearchReport.Reason(code, n, Exclusions.words(code)));
              }
            });
    return reasons;
  }
}
