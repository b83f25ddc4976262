package com.dermrelay.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlaHoursTest {
  private static final Instant SUBMITTED = Instant.parse("2026-03-01T10:00:00Z");
  private final SlaHours northside = new SlaHours(24, 72, 168);

  @Test
  void dueTimeFollowsTheClinicsHoursForEachPriority() {
    assertEquals(
        Instant.parse("2026-03-02T10:00:00Z"), northside.dueAt(Priority.URGENT, SUBMITTED));
    assertEquals(Instant.parse("2026-03-04T10:00:00Z"), northside.dueAt(Priority.SOON, SUBMITTED));
    assertEquals(
        Instant.parse("2026-03-08T10:00:00Z"), northside.dueAt(Priority.ROUTINE, SUBMITTED));
  }

  @Test
  void hoursMustBePositiveAndNotPromiseRoutineFasterThanUrgent() {
    assertThrows(IllegalArgumentException.class, () -> new SlaHours(0, 72, 168));
    assertThrows(IllegalArgumentException.class, () -> new SlaHours(48, 24, 168));
    assertThrows(IllegalArgumentException.class, () -> new SlaHours(24, 72, 48));
    new SlaHours(24, 24, 24);
  }

  @Test
  void priorityOrderAndSteps() {
    assertEquals(Priority.SOON, Priority.ROUTINE.raisedOneStep());
    assertEquals(Priority.URGENT, Priority.SOON.raisedOneStep());
    assertEquals(Priority.URGENT, Priority.URGENT.raisedOneStep());
    assertEquals(Priority.URGENT, Priority.ROUTINE.atLeast(Priority.URGENT));
    assertEquals(Priority.SOON, Priority.SOON.atLeast(Priority.ROUTINE));
  }
}
