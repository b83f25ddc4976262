package com.dermrelay.local.stepfunctions.engine;

import com.dermrelay.local.http.Exchanges;
import com.dermrelay.local.stepfunctions.ExecutionDescription;
import com.dermrelay.local.stepfunctions.ExecutionStatus;
import com.dermrelay.local.stepfunctions.HistoryEvent;
import com.dermrelay.local.stepfunctions.asl.StateMachineDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executions kept in a directory, one JSON file each, so a restarted emulator resumes the running
 * ones and still describes the closed ones. A file is rewritten whole at each checkpoint: written
 * to a temporary file, then moved over the old one, so a crash leaves the previous version or the
 * new one, never half of one. No fsync: it survives the process being killed, not the machine
 * losing power, which is what a local stack needs.
 */
public final class ExecutionStore {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutionStore.class);
  private static final String SUFFIX = ".json";

  private final Path dir;
  private volatile boolean halted;

  public ExecutionStore(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  /**
   * Writes nothing more from now on, as a killed process would not: the threads still running this
   * emulator's executions must not change what a new emulator on the directory reads.
   */
  public void halt() {
    halted = true;
  }

  /** Writes the execution as it is now; concurrent saves of one execution are serialized. */
  void save(Execution execution) {
    synchronized (execution) {
      if (halted) {
        return;
      }
      Path file = dir.resolve(fileName(execution.arn()));
      Path temp = dir.resolve(file.getFileName() + ".tmp");
      try {
        Files.write(temp, Exchanges.JSON.writeValueAsBytes(toJson(execution)));
        try {
          Files.move(
              temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot persist execution " + execution.arn(), e);
      }
    }
  }

  /**
   * Every persisted execution, in no particular order; {@code parser} turns a stored definition
   * back into one (an execution keeps the definition it started with). A file that cannot be read
   * is logged and skipped.
   */
  List<Execution> loadAll(Function<String, StateMachineDefinition> parser) {
    List<Execution> loaded = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path file : files) {
        try {
          loaded.add(fromJson(Exchanges.JSON.readTree(file.toFile()), parser));
        } catch (IOException | RuntimeException e) {
          LOG.error("skipping the unreadable execution file {}", file, e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return loaded;
  }

  private static String fileName(String arn) {
    return Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(arn.getBytes(StandardCharsets.UTF_8))
        + SUFFIX;
  }

  private static ObjectNode toJson(Execution execution) {
    ExecutionDescription described = execution.describe();
    ObjectNode json = Exchanges.JSON.createObjectNode();
    json.put("arn", execution.arn());
    json.put("name", execution.name());
    json.put("stateMachineArn", execution.stateMachineArn());
    json.put("stateMachineName", execution.stateMachineName());
    json.put("roleArn", execution.roleArn());
    json.put("definition", execution.definitionText());
    json.put("input", execution.inputText());
    json.put("startDate", execution.startDate().toString());
    json.put("status", described.status().name());
    putIfPresent(json, "stopDate", described.stopDate());
    putIfPresent(json, "output", described.output());
    putIfPresent(json, "error", described.error());
    putIfPresent(json, "cause", described.cause());
    Checkpoint checkpoint = execution.checkpoint();
    if (checkpoint != null && described.status() == ExecutionStatus.RUNNING) {
      ObjectNode at = json.putObject("checkpoint");
      at.put("state", checkpoint.state());
      at.set("input", checkpoint.input());
      at.put("entered", checkpoint.entered().toString());
      putIfPresent(at, "token", checkpoint.token());
      putIfPresent(at, "deadline", checkpoint.deadline());
      if (checkpoint.result() != null) {
        at.set("result", checkpoint.result());
      }
    }
    ArrayNode events = json.putArray("history");
    for (HistoryEvent event : execution.history().events()) {
      ObjectNode e = events.addObject();
      e.put("id", event.id());
      e.put("previousEventId", event.previousEventId());
      e.put("type", event.type());
      e.put("timestamp", event.timestamp().toString());
      putIfPresent(e, "detailsField", event.detailsField());
      if (event.details() != null) {
        e.set("details", event.details());
      }
    }
    return json;
  }

  private static Execution fromJson(JsonNode json, Function<String, StateMachineDefinition> parser)
      throws IOException {
    String definition = json.get("definition").textValue();
    String inputText = json.get("input").textValue();
    Execution execution =
        new Execution(
            json.get("arn").textValue(),
            json.get("name").textValue(),
            json.get("stateMachineArn").textValue(),
            json.get("stateMachineName").textValue(),
            text(json, "roleArn"),
            parser.apply(definition),
            definition,
            Exchanges.JSON.readTree(inputText),
            inputText,
            Instant.parse(json.get("startDate").textValue()));
    List<HistoryEvent> events = new ArrayList<>();
    for (JsonNode e : json.get("history")) {
      events.add(
          new HistoryEvent(
              e.get("id").longValue(),
              e.get("previousEventId").longValue(),
              e.get("type").textValue(),
              Instant.parse(e.get("timestamp").textValue()),
              text(e, "detailsField"),
              e.has("details") ? (ObjectNode) e.get("details") : null));
    }
    execution.history().restore(events);
    JsonNode at = json.get("checkpoint");
    Checkpoint checkpoint =
        at == null
            ? null
            : new Checkpoint(
                at.get("state").textValue(),
                at.get("input"),
                Instant.parse(at.get("entered").textValue()),
                text(at, "token"),
                instant(at, "deadline"),
                at.get("result"));
    execution.restore(
        ExecutionStatus.valueOf(json.get("status").textValue()),
        instant(json, "stopDate"),
        text(json, "output"),
        text(json, "error"),
        text(json, "cause"),
        checkpoint);
    return execution;
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? null : value.textValue();
  }

  private static Instant instant(JsonNode json, String field) {
    String value = text(json, field);
    return value == null ? null : Instant.parse(value);
  }

  private static void putIfPresent(ObjectNode json, String field, Object value) {
    if (value != null) {
      json.put(field, value.toString());
    }
  }
}
