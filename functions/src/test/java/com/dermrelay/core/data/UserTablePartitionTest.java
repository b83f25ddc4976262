package com.dermrelay.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.dermrelay.core.auth.Caller;
import com.dermrelay.core.auth.Role;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A person's own partition ({@link UserTable}) is {@code USER#<sub>} of the verified caller, and a
 * subject that could reach into another partition (a clinic's, another user's) is refused before
 * anything is sent.
 */
class UserTablePartitionTest {
  private static Caller caller(String subject) {
    return new Caller(subject, "", List.of(Role.DERMATOLOGIST), Optional.empty());
  }

  @Test
  void theCallersSubjectIsTheirPartition() {
    assertEquals(
        "USER#0f9e1c2a-6b1d-4d43-9a57-3c5d0f1e2a3b",
        UserTable.partition(caller("0f9e1c2a-6b1d-4d43-9a57-3c5d0f1e2a3b")));
  }

  @Test
  void aSubjectThatNamesAnotherPartitionIsRefused() {
    for (String forged : List.of("x#TENANT#northside-skin", "a/b", "", "x y")) {
      assertThrows(TenantIsolationException.class, () -> UserTable.partition(caller(forged)));
    }
  }
}
