package com.dermrelay.core.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hand-written validator the functions use and a real JSON Schema validator agree on every
 * fixture: the demo clinics and tenant-config/fixtures (valid-*.json, invalid/*.json). Adding a
 * rule to tenant.schema.json without teaching the validator fails here once a fixture shows it.
 */
class TenantConfigValidatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CONFIG = Path.of("..", "tenant-config");
  private static Schema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(Files.readString(CONFIG.resolve("tenant.schema.json")), InputFormat.JSON);
  }

  private static List<Path> files(Path dir, String prefix) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(
              p ->
                  p.getFileName().toString().startsWith(prefix)
                      && p.getFileName().toString().endsWith(".json"))
          .sorted()
          .toList();
    }
  }

  private static boolean schemaAccepts(JsonNode config) throws IOException {
    return schema.validate(JSON.writeValueAsString(config), InputFormat.JSON).isEmpty();
  }

  @Test
  void bothAcceptEveryValidConfiguration() throws IOException {
    List<Path> valid = new ArrayList<>(files(CONFIG.resolve("demo"), ""));
    valid.removeIf(p -> p.getFileName().toString().equals("demo.json"));
    valid.addAll(files(CONFIG.resolve("fixtures"), "valid-"));
    assertTrue(valid.size() >= 3);
    for (Path file : valid) {
      JsonNode config = JSON.readTree(file.toFile());
      assertTrue(schemaAccepts(config), "schema refuses " + file);
      assertEquals(List.of(), TenantConfigValidator.problems(config), file.toString());
    }
  }

  @Test
  void bothRefuseEveryInvalidConfiguration() throws IOException {
    List<Path> invalid = files(CONFIG.resolve("fixtures").resolve("invalid"), "");
    assertTrue(invalid.size() >= 20);
    for (Path file : invalid) {
      JsonNode config = JSON.readTree(file.toFile());
      assertFalse(schemaAccepts(config), "the fixture is not invalid: " + file);
      assertFalse(TenantConfigValidator.problems(config).isEmpty(), "validator accepts " + file);
    }
  }

  @Test
  void problemsNameTheFieldNotTheValue() throws IOException {
    JsonNode config =
        JSON.readTree(CONFIG.resolve("fixtures/invalid/support-email-bad.json").toFile());
    assertEquals(List.of("/branding/supportEmail"), TenantConfigValidator.problems(config));
  }

  @Test
  void aSecondReadRuleThatDoesNotExistIsNamedByItsPlace() throws IOException {
    JsonNode config =
        JSON.readTree(CONFIG.resolve("fixtures/invalid/second-reads-unknown-rule.json").toFile());
    assertEquals(List.of("/secondReads/always/0"), TenantConfigValidator.problems(config));
  }
}
