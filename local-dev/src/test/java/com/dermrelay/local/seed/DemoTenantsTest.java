package com.dermrelay.local.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo clinics the local stack seeds are valid tenant configurations, and the schema bites. */
class DemoTenantsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Schema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    try (InputStream in = resource("tenant.schema.json")) {
      schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
              .getSchema(in, InputFormat.JSON);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = DemoTenantsTest.class.getResourceAsStream("/dermrelay/tenant-config/" + name);
    if (in == null) {
      throw new IllegalStateException("missing " + name);
    }
    return in;
  }

  private static List<Error> validate(ObjectNode tenant) throws IOException {
    return schema.validate(JSON.writeValueAsString(tenant), InputFormat.JSON);
  }

  @Test
  void everyDemoTenantValidatesAndTheyLookDifferent() throws IOException {
    List<DemoData.Tenant> tenants = DemoData.load().tenants();
    assertTrue(tenants.size() >= 2);
    for (DemoData.Tenant tenant : tenants) {
      assertEquals(List.of(), validate(tenant.config()), tenant.id());
    }
    assertFalse(
        tenants
            .get(0)
            .config()
            .at("/branding/primaryColor")
            .equals(tenants.get(1).config().at("/branding/primaryColor")));
  }

  @Test
  void theSchemaRefusesWhatAClinicMustNotConfigure() throws IOException {
    ObjectNode tenant = DemoData.load().tenants().get(0).config().deepCopy();
    ObjectNode shortRetention = tenant.deepCopy().put("retentionYears", 5);
    assertFalse(validate(shortRetention).isEmpty(), "retention under six years");
    ObjectNode badColour = tenant.deepCopy();
    ((ObjectNode) badColour.get("branding")).put("primaryColor", "red");
    assertFalse(validate(badColour).isEmpty(), "a colour that is not #rrggbb");
    ObjectNode unknownField = tenant.deepCopy().put("theme", "dark");
    assertFalse(validate(unknownField).isEmpty(), "an unknown setting");
  }

  @Test
  void everyDemoUserBelongsToKnownTenants() throws IOException {
    DemoData demo = DemoData.load();
    List<String> ids = demo.tenants().stream().map(DemoData.Tenant::id).toList();
    assertTrue(
        demo.users().stream()
            .anyMatch(u -> u.role().equals("dermatologist") && u.tenants().size() >= 2),
        "one dermatologist belongs to both clinics");
    for (DemoData.User user : demo.users()) {
      assertTrue(ids.containsAll(user.tenants()), user.email());
    }
  }
}
