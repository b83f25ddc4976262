package com.dermrelay.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.core.auth.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fails the build when an operation of api-spec/openapi.yaml does not declare who may call it, and
 * keeps the compiled rules the functions load at cold start in step with the contract. After
 * changing x-roles, regenerate with {@code mvn -o -q -DskipNpm=true -pl functions test
 * -Dtest=AccessRulesSpecTest -Ddermrelay.writeAccessRules=true}.
 */
class AccessRulesSpecTest {
  static final Path COMPILED =
      Path.of("src", "main", "resources", "dermrelay", "access-rules.json");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Test
  void everyOperationDeclaresKnownRolesConsistentWithItsSecurity() {
    List<String> problems = new ArrayList<>();
    for (OpenApiContract.Operation op : OpenApiContract.operations()) {
      String where = op.routeKey() + " (" + op.operationId() + ")";
      if (!op.node().has("x-roles")
          || !op.node().get("x-roles").isArray()
          || op.roles().isEmpty()) {
        problems.add(where + ": no x-roles; declare the roles that may call it, or [public]");
        continue;
      }
      for (String role : op.roles()) {
        if (!role.equals(AccessRules.PUBLIC) && Role.fromGroup(role).isEmpty()) {
          problems.add(where + ": unknown role '" + role + "'");
        }
      }
      boolean publicRoles = op.roles().contains(AccessRules.PUBLIC);
      if (publicRoles && op.roles().size() > 1) {
        problems.add(where + ": [public] cannot be combined with roles");
      }
      if (publicRoles != op.isPublic()) {
        problems.add(where + ": x-roles [public] and security: [] must go together");
      }
      if (publicRoles && op.tenantScoped()) {
        problems.add(where + ": a /clinics/{tenantId} route cannot be public");
      }
      if (!op.tenantScoped() && op.pathParameters().contains("tenantId")) {
        problems.add(where + ": tenant-scoped routes live under /clinics/{tenantId}");
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void theCompiledRulesMatchTheContract() throws Exception {
    String expected = JSON.writeValueAsString(compile()) + "\n";
    if (Boolean.getBoolean("dermrelay.writeAccessRules")) {
      Files.writeString(COMPILED, expected, StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(COMPILED), "missing " + COMPILED);
    assertEquals(
        expected,
        Files.readString(COMPILED, StandardCharsets.UTF_8),
        "access-rules.json is stale: regenerate it (see this test's Javadoc)");
  }

  @Test
  void theCompiledRulesParseAndRefuseNothingTheContractAllows() {
    AccessRules rules = AccessRules.parse(compile());
    for (OpenApiContract.Operation op : OpenApiContract.operations()) {
      AccessRules.Rule rule = rules.forRoute(op.routeKey()).orElseThrow();
      assertEquals(op.isPublic(), rule.isPublic(), op.routeKey());
      assertEquals(op.tenantScoped(), rule.tenantScoped(), op.routeKey());
      for (String role : op.roles()) {
        Role.fromGroup(role).ifPresent(r -> assertTrue(rule.allows(r), op.routeKey() + " " + role));
      }
    }
    assertFalse(rules.forRoute("GET /no-such-route").isPresent());
  }

  static ObjectNode compile() {
    ObjectNode rules = JSON.createObjectNode();
    OpenApiContract.operations().stream()
        .sorted(Comparator.comparing(OpenApiContract.Operation::routeKey))
        .forEach(
            op -> {
              ObjectNode rule = rules.putObject(op.routeKey());
              op.roles().forEach(rule.putArray("roles")::add);
              rule.put("tenantScoped", op.tenantScoped());
            });
    return rules;
  }
}
