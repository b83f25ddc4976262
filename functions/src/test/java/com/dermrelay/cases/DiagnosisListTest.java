package com.dermrelay.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DiagnosisListTest {
  private static final List<Diagnosis> SHIPPED = DiagnosisList.load(new ObjectMapper());
  private static final DiagnosisList LIST = new DiagnosisList(SHIPPED);

  /** Our codes: lower-case words joined by hyphens. */
  private static final Pattern CODE = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

  /** WHO ICD-10: a category (letter, two digits) or a subcategory (one more digit after a dot). */
  private static final Pattern ICD10 = Pattern.compile("^[A-TV-Z][0-9]{2}(\\.[0-9])?$");

  /** SNOMED CT concept ids: 6-18 digits, no leading zero. */
  private static final Pattern SCTID = Pattern.compile("^[1-9][0-9]{5,17}$");

  @Test
  void theListIsLargeEnoughAndItsCodesAreWellFormedAndUnique() {
    assertTrue(SHIPPED.size() >= 60 && SHIPPED.size() <= 100, "size " + SHIPPED.size());
    List<String> problems = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    Set<String> snomeds = new HashSet<>();
    for (Diagnosis d : SHIPPED) {
      if (!CODE.matcher(d.code()).matches() || !codes.add(d.code())) {
        problems.add(d.code() + ": code malformed or listed twice");
      }
      if (!ICD10.matcher(d.icd10()).matches()) {
        problems.add(d.code() + ": ICD-10 " + d.icd10() + " malformed");
      }
      if (d.snomed() != null
          && (!SCTID.matcher(d.snomed()).matches()
              || !isConceptId(d.snomed())
              || !snomeds.add(d.snomed()))) {
        problems.add(d.code() + ": SNOMED CT " + d.snomed() + " not a valid concept id, or twice");
      }
      if (d.name().isBlank() || d.patientName().isBlank()) {
        problems.add(d.code() + ": a name is blank");
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void theBriefsCommonDiagnosesAreThere() {
    for (String code :
        List.of(
            "melanoma",
            "basal-cell-carcinoma",
            "squamous-cell-carcinoma",
            "actinic-keratosis",
            "seborrhoeic-keratosis",
            "melanocytic-naevus",
            "dysplastic-naevus",
            "atopic-eczema",
            "allergic-contact-dermatitis",
            "plaque-psoriasis",
            "acne-vulgaris",
            "rosacea",
            "tinea-pedis",
            "impetigo",
            "cellulitis",
            "urticaria",
            "scabies",
            "viral-warts",
            "molluscum-contagiosum",
            "vitiligo",
            "lichen-planus")) {
      assertTrue(LIST.find(code).isPresent(), code);
    }
  }

  @Test
  void searchRanksNameMatchesBeforeSynonymsAndNeedsEveryWord() {
    assertEquals("basal-cell-carcinoma", LIST.search("basal cell", 5).get(0).code());
    assertEquals("melanoma", LIST.search("melanoma", 5).get(0).code());
    assertEquals(
        "L40.0",
        LIST.search("psoriasis", 5).stream()
            .filter(d -> d.code().equals("plaque-psoriasis"))
            .findFirst()
            .orElseThrow()
            .icd10());
    assertEquals("viral-warts", LIST.search("verruca", 5).get(0).code(), "by synonym");
    assertEquals("tinea-pedis", LIST.search("athlete", 5).get(0).code(), "by patient name");
    assertEquals(
        "seborrhoeic-dermatitis", LIST.search("seborrheic derm", 5).get(0).code(), "US spelling");
    assertEquals("atopic-eczema", LIST.search("L20.9", 5).get(0).code(), "by ICD-10 code");
    assertTrue(LIST.search("eczema zzz", 5).isEmpty());
    assertEquals(3, LIST.search("", 3).size());
  }

  /** A concept id: partition identifier 00 or 10 and a valid Verhoeff check digit. */
  static boolean isConceptId(String id) {
    String partition = id.substring(id.length() - 3, id.length() - 1);
    return (partition.equals("00") || partition.equals("10")) && verhoeffValid(id);
  }

  private static final int[][] D = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
    {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
    {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
    {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}
  };
  private static final int[][] P = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
    {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
    {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}
  };

  static boolean verhoeffValid(String digits) {
    int c = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      c = D[c][P[i % 8][digit]];
    }
    return c == 0;
  }
}
