package com.dermrelay.fhir.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * One delivery execution per round: its name is the round's, and fits Step Functions' 80
 * characters.
 */
class EhrExecutionNameTest {
  private static final String CASE = "0b6f3a9e-6f43-4c55-a7f0-1c2b3d4e5f60";

  @Test
  void theNameSaysWhichRoundItDeliversWhenItFits() {
    assertEquals(
        "ehr-northside-skin-" + CASE + "-2",
        StartEhrDelivery.executionName("northside-skin", CASE, 2));
  }

  @Test
  void aLongClinicIdGivesAHashedNameThatIsStillTheSameForTheSameRound() {
    String tenant =
        "a-clinic-with-a-very-long-identifier-xyz"; // 40 characters, the schema's longest
    String name = StartEhrDelivery.executionName(tenant, CASE, 12);
    assertTrue(name.length() <= 80, name);
    assertTrue(name.matches("ehr-[0-9a-f]{40}-12"), name);
    assertEquals(name, StartEhrDelivery.executionName(tenant, CASE, 12));
    assertNotEquals(name, StartEhrDelivery.executionName(tenant, CASE, 13));
  }
}
