package com.dermrelay.core.auth;

import java.util.Arrays;
import java.util.Optional;

/** The four roles, each a Cognito group of the same name. */
public enum Role {
  PATIENT("patient"),
  DERMATOLOGIST("dermatologist"),
  CLINIC_ADMIN("clinic_admin"),
  PLATFORM_OPERATOR("platform_operator");

  private final String group;

  Role(String group) {
    this.group = group;
  }

  public String group() {
    return group;
  }

  /** Unknown groups are ignored: they grant nothing. */
  public static Optional<Role> fromGroup(String group) {
    return Arrays.stream(values()).filter(r -> r.group.equals(group)).findFirst();
  }
}
