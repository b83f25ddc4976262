package com.dermrelay.local.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Secrets Manager JSON API as the functions call it, kept across a restart with a data dir. */
class SecretsManagerEmulatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> call(
      SecretsManagerEmulator emulator, String operation, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(emulator.url() + "/"))
            .header("Content-Type", "application/x-amz-json-1.1")
            .header("X-Amz-Target", "secretsmanager." + operation)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void createReplaceAndReadASecretThatSurvivesARestart(@TempDir Path data) throws Exception {
    String name = "dermrelay/local/tenants/northside-skin/ehr";
    try (SecretsManagerEmulator emulator = SecretsManagerEmulator.start("127.0.0.1", 0, data)) {
      HttpResponse<String> missing =
          call(emulator, "GetSecretValue", "{\"SecretId\":\"" + name + "\"}");
      assertEquals(400, missing.statusCode());
      assertEquals(
          "ResourceNotFoundException", JSON.readTree(missing.body()).get("__type").asText());
      assertEquals(
          200,
          call(
                  emulator,
                  "CreateSecret",
                  "{\"Name\":\"" + name + "\",\"SecretString\":\"{\\\"token\\\":\\\"a\\\"}\"}")
              .statusCode());
      HttpResponse<String> twice =
          call(emulator, "CreateSecret", "{\"Name\":\"" + name + "\",\"SecretString\":\"x\"}");
      assertEquals("ResourceExistsException", JSON.readTree(twice.body()).get("__type").asText());
      assertEquals(
          200,
          call(
                  emulator,
                  "PutSecretValue",
                  "{\"SecretId\":\"" + name + "\",\"SecretString\":\"{\\\"token\\\":\\\"b\\\"}\"}")
              .statusCode());
    }
    assertTrue(Files.exists(data.resolve(SecretsManagerEmulator.FILE_NAME)));
    try (SecretsManagerEmulator emulator = SecretsManagerEmulator.start("127.0.0.1", 0, data)) {
      JsonNode value =
          JSON.readTree(call(emulator, "GetSecretValue", "{\"SecretId\":\"" + name + "\"}").body());
      assertEquals("{\"token\":\"b\"}", value.get("SecretString").asText());
      assertEquals(name, value.get("Name").asText());
    }
  }
}
