package com.dermrelay.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.cases.Diagnosis;
import com.dermrelay.cases.DiagnosisList;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DiagnosisGroupsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final DiagnosisGroups groups = new DiagnosisGroups(JSON);

  @Test
  void everyCodeOfTheDiagnosisListIsInExactlyOneGroup() {
    List<String> listed = new DiagnosisList(JSON).all().stream().map(Diagnosis::code).toList();
    List<String> grouped = groups.all().stream().flatMap(g -> g.codes().stream()).sorted().toList();

    assertEquals(listed.stream().sorted().toList(), grouped, "no code missing, unknown or twice");
    assertEquals(
        groups.codes().size(), new HashSet<>(groups.codes()).size(), "group codes are unique");
  }

  @Test
  void aMelanomaReadAsADysplasticNaevusDisagreesAndTwoEczemasAgree() {
    assertNotEquals(groups.groupOf("melanoma"), groups.groupOf("dysplastic-naevus"));
    assertEquals(Optional.of("malignant"), groups.groupOf("basal-cell-carcinoma"));
    assertEquals(groups.groupOf("atopic-eczema"), groups.groupOf("discoid-eczema"));
    assertEquals(Optional.empty(), groups.groupOf("no-such-code"));
    assertEquals(Optional.empty(), groups.groupOf(null));
  }

  @Test
  void aCodeInTwoGroupsIsRefused() {
    List<DiagnosisGroups.Group> twice =
        List.of(
            new DiagnosisGroups.Group("a", "A", List.of("melanoma")),
            new DiagnosisGroups.Group("b", "B", List.of("melanoma")));
    assertThrows(IllegalStateException.class, () -> new DiagnosisGroups(twice));
    Set<String> names = new HashSet<>();
    groups.all().forEach(g -> assertTrue(names.add(g.name()), "names are distinct: " + g.name()));
  }
}
