package com.dermrelay.local.identity;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A read-only snapshot of a user of the pool. {@code attributes} holds Cognito attribute names
 * ({@code email}, {@code email_verified}, {@code custom:tenantId}, ...) and includes {@code sub}.
 */
public record IdentityUser(
    String username,
    String sub,
    UserStatus status,
    boolean enabled,
    Map<String, String> attributes,
    Set<String> groups,
    Instant created,
    Instant lastModified) {

  public IdentityUser {
    attributes = Map.copyOf(attributes);
    groups = Set.copyOf(groups);
  }

  public String attribute(String name) {
    return attributes.get(name);
  }
}
