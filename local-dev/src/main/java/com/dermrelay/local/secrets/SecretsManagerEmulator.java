package com.dermrelay.local.secrets;

import com.dermrelay.local.http.AwsJsonProtocol;
import com.dermrelay.local.http.LocalHttpServer;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Secrets Manager JSON API (1.1, {@code X-Amz-Target: secretsmanager.<Op>}) as the functions
 * use it: CreateSecret, PutSecretValue, GetSecretValue, DescribeSecret; string secrets only, the
 * current version only. In memory; with a data directory also kept in {@code secrets.json} there
 * (local values only: the local stack has no real secret). Signatures are accepted unchecked.
 */
public final class SecretsManagerEmulator implements AutoCloseable {
  public static final int DEFAULT_PORT = 8091;
  static final String FILE_NAME = "secrets.json";
  private static final Logger LOG = LoggerFactory.getLogger(SecretsManagerEmulator.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ARN_PREFIX = "arn:aws:secretsmanager:us-east-1:000000000000:secret:";

  /** One secret: its current value and version. */
  record Secret(String name, String value, String versionId) {}

  private final AwsJsonProtocol protocol =
      new AwsJsonProtocol(
          "application/x-amz-json-1.1", "secretsmanager.", 128 * 1024, "InvalidRequestException");
  private final Map<String, Secret> secrets = new TreeMap<>();
  private final Path file;
  private LocalHttpServer server;

  private SecretsManagerEmulator(Path dataDir) {
    this.file = dataDir == null ? null : dataDir.resolve(FILE_NAME);
    if (file != null && Files.exists(file)) {
      try {
        secrets.putAll(JSON.readValue(file.toFile(), new TypeReference<Map<String, Secret>>() {}));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
  }

  /**
   * @param dataDir where {@code secrets.json} is kept, or null for memory only
   */
  public static SecretsManagerEmulator start(String host, int port, Path dataDir) {
    SecretsManagerEmulator emulator = new SecretsManagerEmulator(dataDir);
    emulator.server = LocalHttpServer.start("secretsmanager", host, port, emulator::handle);
    return emulator;
  }

  public String url() {
    return server.url();
  }

  /** The current value of a secret, for tests; empty when there is none. */
  public synchronized Optional<String> value(String name) {
    return Optional.ofNullable(secrets.get(name)).map(Secret::value);
  }

  @Override
  public void close() {
    server.close();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String operation = protocol.operation(exchange);
      ObjectNode request = protocol.readObject(exchange);
      protocol.sendResult(exchange, dispatch(operation, request));
    } catch (AwsJsonProtocol.Refusal refusal) {
      protocol.sendError(exchange, refusal);
    } catch (RuntimeException e) {
      LOG.error("secrets manager request failed", e);
      protocol.sendError(
          exchange, 500, "InternalServiceError", "The local Secrets Manager failed; see its log");
    } finally {
      exchange.close();
    }
  }

  private synchronized ObjectNode dispatch(String operation, ObjectNode request)
      throws AwsJsonProtocol.Refusal {
    return switch (operation) {
      case "CreateSecret" -> {
        String name = required(request, "Name");
        if (secrets.containsKey(name)) {
          throw new AwsJsonProtocol.Refusal(
              400,
              "ResourceExistsException",
              "The operation failed because the secret " + name + " already exists.");
        }
        yield answer(put(name, required(request, "SecretString")));
      }
      case "PutSecretValue" -> {
        String name = existing(required(request, "SecretId")).name();
        yield answer(put(name, required(request, "SecretString")));
      }
      case "GetSecretValue" -> {
        Secret secret = existing(required(request, "SecretId"));
        ObjectNode answer = answer(secret).put("SecretString", secret.value());
        answer.putArray("VersionStages").add("AWSCURRENT");
        yield answer;
      }
      case "DescribeSecret" -> answer(existing(required(request, "SecretId")));
      default ->
          throw new AwsJsonProtocol.Refusal(
              400,
              "UnknownOperationException",
              "The local Secrets Manager does not support " + operation);
    };
  }

  private Secret put(String name, String value) {
    Secret secret = new Secret(name, value, UUID.randomUUID().toString());
    secrets.put(name, secret);
    save();
    return secret;
  }

  private Secret existing(String id) throws AwsJsonProtocol.Refusal {
    String name = id.startsWith(ARN_PREFIX) ? id.substring(ARN_PREFIX.length()) : id;
    Secret secret = secrets.get(name);
    if (secret == null) {
      throw new AwsJsonProtocol.Refusal(
          400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
    }
    return secret;
  }

  private static ObjectNode answer(Secret secret) {
    return JSON.createObjectNode()
        .put("ARN", ARN_PREFIX + secret.name())
        .put("Name", secret.name())
        .put("VersionId", secret.versionId());
  }

  private static String required(ObjectNode request, String field) throws AwsJsonProtocol.Refusal {
    String value = request.path(field).asText("");
    if (value.isEmpty()) {
      throw new AwsJsonProtocol.Refusal(400, "InvalidParameterException", field + " is required.");
    }
    return value;
  }

  private void save() {
    if (file == null) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Path temp = file.resolveSibling(FILE_NAME + ".tmp");
      JSON.writeValue(temp.toFile(), secrets);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
