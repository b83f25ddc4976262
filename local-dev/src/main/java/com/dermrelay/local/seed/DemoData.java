package com.dermrelay.local.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The demo clinics and accounts from tenant-config/demo, as the local stack seeds them. */
public record DemoData(List<Tenant> tenants, List<User> users) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROOT = "/dermrelay/tenant-config/demo/";

  /** One clinic: its id and its whole configuration (tenant.schema.json). */
  public record Tenant(String id, ObjectNode config) {
    public String slug() {
      return config.path("slug").asText();
    }
  }

  /** A demo account; role is one of patient, clinic_admin, dermatologist, platform_operator. */
  public record User(
      String email, String password, String role, List<String> tenants, String name) {}

  public static DemoData load() {
    JsonNode index = read("demo.json");
    List<Tenant> tenants = new ArrayList<>();
    for (JsonNode id : index.path("tenants")) {
      tenants.add(new Tenant(id.asText(), (ObjectNode) read(id.asText() + ".json")));
    }
    List<User> users = new ArrayList<>();
    for (JsonNode user : index.path("users")) {
      List<String> memberships = new ArrayList<>();
      user.path("tenants").forEach(t -> memberships.add(t.asText()));
      users.add(
          new User(
              user.path("email").asText(),
              user.path("password").asText(),
              user.path("role").asText(),
              List.copyOf(memberships),
              user.path("name").asText()));
    }
    return new DemoData(List.copyOf(tenants), List.copyOf(users));
  }

  private static JsonNode read(String name) {
    try (InputStream in = DemoData.class.getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalStateException(
            "demo data file missing from the classpath: " + ROOT + name);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read demo data " + name, e);
    }
  }
}
