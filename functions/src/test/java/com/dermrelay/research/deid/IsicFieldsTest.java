package com.dermrelay.research.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** DermRelay's answers in ISIC's vocabulary; the age as ISIC releases it. */
class IsicFieldsTest {
  @Test
  void ageIsRoundedToTheNearestFiveAndEightyFiveStandsForEveryoneOlder() {
    assertEquals(0, IsicFields.ageApprox(2));
    assertEquals(5, IsicFields.ageApprox(3));
    assertEquals(40, IsicFields.ageApprox(42));
    assertEquals(45, IsicFields.ageApprox(43));
    assertEquals(80, IsicFields.ageApprox(82));
    assertEquals(85, IsicFields.ageApprox(84));
    assertEquals(85, IsicFields.ageApprox(85));
    assertEquals(85, IsicFields.ageApprox(97));
    assertEquals(85, IsicFields.ageApprox(104));
  }

  @Test
  void ageIsWholeYearsOnTheDayTheCaseWasSent() {
    assertEquals(Optional.of(40), IsicFields.ageOn("1985-06-15", LocalDate.of(2026, 6, 14)));
    assertEquals(Optional.of(41), IsicFields.ageOn("1985-06-15", LocalDate.of(2026, 6, 15)));
    assertEquals(Optional.empty(), IsicFields.ageOn(null, LocalDate.of(2026, 6, 15)));
  }

  @Test
  void bodyMapRegionsMapToIsicGeneralSitesOrToNothingWhenTheyDisagree() {
    assertEquals(Optional.of("head/neck"), IsicFields.siteOf(List.of("face", "neck")));
    assertEquals(Optional.of("posterior torso"), IsicFields.siteOf(List.of("upper-back")));
    assertEquals(Optional.empty(), IsicFields.siteOf(List.of("face", "thigh")));
    assertEquals(Optional.empty(), IsicFields.siteOf(List.of()));
  }

  @Test
  void viewsMapToIsicImageTypesAndDermoscopicByName() {
    assertEquals(Optional.of("clinical: close-up"), IsicFields.imageType("close_up"));
    assertEquals(Optional.of("clinical: overview"), IsicFields.imageType("context"));
    assertEquals(Optional.of("dermoscopic"), IsicFields.imageType("dermoscopic@2"));
    assertEquals(Optional.of("V"), IsicFields.skinType(5));
    assertEquals(Optional.empty(), IsicFields.sex("other"));
  }
}
