package com.dermrelay.core.access;

import com.dermrelay.core.auth.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The roles each route allows, compiled from the {@code x-roles} of api-spec/openapi.yaml into
 * {@value #RESOURCE} (AccessRulesSpecTest regenerates and checks it), so a cold start reads a few
 * hundred bytes of JSON instead of parsing YAML.
 */
public final class AccessRules {
  public static final String RESOURCE = "/dermrelay/access-rules.json";
  public static final String PUBLIC = "public";

  /** Routes under this prefix act for the tenant named by their {tenantId} path parameter. */
  public static final String TENANT_PATH_PREFIX = "/clinics/{tenantId}";

  /** One route's rule: public, or the roles that may call it, and whether it acts for a tenant. */
  public record Rule(boolean isPublic, Set<Role> roles, boolean tenantScoped) {
    public boolean allows(Role role) {
      return roles.contains(role);
    }
  }

  private final Map<String, Rule> rules;

  public AccessRules(Map<String, Rule> rules) {
    this.rules = Map.copyOf(rules);
  }

  public static AccessRules fromClasspath(ObjectMapper json) {
    try (InputStream in = AccessRules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("access rules missing from the classpath: " + RESOURCE);
      }
      return parse(json.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** {@code {"GET /me": {"roles": ["patient", ...], "tenantScoped": false}, ...}} */
  public static AccessRules parse(JsonNode document) {
    Map<String, Rule> rules = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> route : document.properties()) {
      Set<Role> roles = EnumSet.noneOf(Role.class);
      boolean isPublic = false;
      for (JsonNode name : route.getValue().path("roles")) {
        if (PUBLIC.equals(name.asText())) {
          isPublic = true;
        } else {
          roles.add(
              Role.fromGroup(name.asText())
                  .orElseThrow(
                      () ->
                          new IllegalStateException(
                              "unknown role in access rules of " + route.getKey())));
        }
      }
      if (isPublic == !roles.isEmpty()) {
        throw new IllegalStateException(
            "route " + route.getKey() + " must be public or name roles");
      }
      rules.put(
          route.getKey(),
          new Rule(
              isPublic, Set.copyOf(roles), route.getValue().path("tenantScoped").asBoolean(false)));
    }
    return new AccessRules(rules);
  }

  public Optional<Rule> forRoute(String routeKey) {
    return Optional.ofNullable(routeKey == null ? null : rules.get(routeKey));
  }

  public Map<String, Rule> all() {
    return rules;
  }
}
