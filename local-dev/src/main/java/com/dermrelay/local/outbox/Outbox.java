package com.dermrelay.local.outbox;

import com.dermrelay.local.http.Exchanges;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every email and SMS the platform sent locally, in the order sent. Kept in memory; with a data
 * directory also appended to {@code outbox.jsonl} there and read back on start, so the outbox
 * survives a restart of the local stack. Thread-safe.
 */
public final class Outbox {
  static final String FILE_NAME = "outbox.jsonl";

  private final List<OutboxMessage> messages = new ArrayList<>();
  private final Path file;
  private final Clock clock;

  /** In memory only. */
  public Outbox() {
    this(null, Clock.systemUTC());
  }

  /**
   * @param dataDir where {@code outbox.jsonl} lives (created if missing), or null for memory only
   * @throws UncheckedIOException if an existing file cannot be read
   * @throws IllegalArgumentException if an existing file holds something else
   */
  public Outbox(Path dataDir, Clock clock) {
    this.clock = clock;
    this.file = dataDir == null ? null : dataDir.resolve(FILE_NAME);
    if (file != null && Files.exists(file)) {
      load();
    }
  }

  /** Records a message another in-JVM service sends (e.g. a sign-up confirmation code). */
  public OutboxMessage record(
      OutboxMessage.Channel channel, String to, String subject, String text) {
    return record(channel, null, List.of(to), subject, text, null);
  }

  /** Records a message; answers it with a fresh MessageId. */
  public OutboxMessage record(
      OutboxMessage.Channel channel,
      String from,
      List<String> to,
      String subject,
      String text,
      String html) {
    OutboxMessage message =
        new OutboxMessage(
            UUID.randomUUID().toString(), clock.instant(), channel, from, to, subject, text, html);
    synchronized (this) {
      append(message);
      messages.add(message);
      notifyAll();
    }
    return message;
  }

  /** All messages, oldest first. */
  public synchronized List<OutboxMessage> messages() {
    return List.copyOf(messages);
  }

  /**
   * The messages to one recipient (email address ignoring case, phone number, ARN), oldest first.
   */
  public synchronized List<OutboxMessage> messagesTo(String address) {
    return messages.stream().filter(message -> message.isTo(address)).toList();
  }

  /** The newest message to {@code address}. */
  public Optional<OutboxMessage> latestTo(String address) {
    List<OutboxMessage> to = messagesTo(address);
    return to.isEmpty() ? Optional.empty() : Optional.of(to.get(to.size() - 1));
  }

  /**
   * Waits until a message to {@code address} is recorded (returns at once if there is one), for
   * tests of asynchronous flows such as the case workflow's notifications.
   *
   * @return the oldest message to {@code address}, or empty if none came in time
   */
  public synchronized Optional<OutboxMessage> awaitMessageTo(String address, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<OutboxMessage> found = messagesTo(address);
      if (!found.isEmpty()) {
        return Optional.of(found.get(0));
      }
      long remainingMillis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
      if (remainingMillis <= 0) {
        return Optional.empty();
      }
      wait(remainingMillis);
    }
  }

  /** Forgets every message (and empties the file). */
  public synchronized void clear() {
    messages.clear();
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot clear " + file, e);
      }
    }
  }

  private void append(OutboxMessage message) {
    if (file == null) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      try (BufferedWriter writer =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
        writer.write(Exchanges.JSON.writeValueAsString(message.toJson()));
        writer.write('\n');
      }
    } catch (IOException e) {
      // The sender must learn that its message was not kept, as SES would fail the call.
      throw new UncheckedIOException("cannot append to " + file, e);
    }
  }

  private void load() {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).isBlank()) {
          continue;
        }
        try {
          JsonNode node = Exchanges.JSON.readTree(lines.get(i));
          messages.add(OutboxMessage.fromJson(node));
        } catch (IOException | IllegalArgumentException e) {
          throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  List<OutboxMessage> newestFirst() {
    List<OutboxMessage> copy = new ArrayList<>(messages());
    Collections.reverse(copy);
    return copy;
  }
}
