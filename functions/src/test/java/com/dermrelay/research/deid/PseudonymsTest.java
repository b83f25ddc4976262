package com.dermrelay.research.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The export's ids: stable within one export, unlinkable across exports, no id in them. */
class PseudonymsTest {
  private static final String SUBJECT = "7c1f0a52-patient-sub";

  @Test
  void oneExportGivesAPatientLesionAndImageOneIdEach() {
    Pseudonyms export = new Pseudonyms(Pseudonyms.newKey(), "northside-skin");
    assertEquals(export.patient(SUBJECT), export.patient(SUBJECT));
    assertEquals(export.image("case-1", "photo-1"), export.image("case-1", "photo-1"));
    assertNotEquals(export.image("case-1", "photo-1"), export.image("case-1", "photo-2"));
    assertNotEquals(export.lesion("case-1"), export.lesion("case-2"));
    assertTrue(export.patient(SUBJECT).matches("DRP_[0-9a-f]{16}"));
    assertFalse(export.patient(SUBJECT).contains("7c1f0a52"));
  }

  @Test
  void twoExportsGiveOnePatientUnrelatedIds() {
    String key = Pseudonyms.newKey();
    Pseudonyms first = new Pseudonyms(key, "northside-skin");
    Pseudonyms second = new Pseudonyms(Pseudonyms.newKey(), "northside-skin");
    assertNotEquals(first.patient(SUBJECT), second.patient(SUBJECT));
    assertNotEquals(first.lesion("case-1"), second.lesion("case-1"));
    // The clinic that kept the key computes the same ids again.
    assertEquals(first.patient(SUBJECT), new Pseudonyms(key, "northside-skin").patient(SUBJECT));
  }

  @Test
  void aKeyOfTheWrongLengthIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Pseudonyms("c2hvcnQ", "northside-skin"));
  }
}
