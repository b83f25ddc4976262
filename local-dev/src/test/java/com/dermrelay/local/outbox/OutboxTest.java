package com.dermrelay.local.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-14T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void keepsMessagesInOrderAndFindsThemByRecipientIgnoringEmailCase() {
    Outbox outbox = new Outbox();
    outbox.record(OutboxMessage.Channel.EMAIL, "Pat@Example.org", "Confirm", "code 1");
    outbox.record(OutboxMessage.Channel.SMS, "+15555550123", null, "code 2");
    outbox.record(OutboxMessage.Channel.EMAIL, "pat@example.org", "Again", "code 3");
    assertEquals(3, outbox.messages().size());
    List<OutboxMessage> toPat = outbox.messagesTo("PAT@example.org");
    assertEquals(List.of("code 1", "code 3"), toPat.stream().map(OutboxMessage::text).toList());
    assertEquals("code 3", outbox.latestTo("pat@example.org").orElseThrow().text());
    outbox.clear();
    assertTrue(outbox.messages().isEmpty());
  }

  @Test
  void persistsAsJsonLinesAndReadsThemBackOnStart(@TempDir Path dir) throws Exception {
    Outbox first = new Outbox(dir, CLOCK);
    OutboxMessage sent =
        first.record(
            OutboxMessage.Channel.EMAIL,
            "no-reply@acme.example",
            List.of("pat@example.org"),
            "Subject \"quoted\"",
            "line 1\nline 2",
            "<p>x</p>");
    assertEquals(1, Files.readAllLines(dir.resolve(Outbox.FILE_NAME)).size());

    Outbox second = new Outbox(dir, CLOCK);
    assertEquals(List.of(sent), second.messages());

    second.clear();
    assertTrue(new Outbox(dir, CLOCK).messages().isEmpty(), "clear empties the file too");
  }

  @Test
  void aCorruptFileIsAClearError(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(Outbox.FILE_NAME), "{\"id\":\"1\"}\n");
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> new Outbox(dir, CLOCK));
    assertTrue(error.getMessage().contains("line 1"), error.getMessage());
  }

  @Test
  void awaitReturnsAMessageRecordedByAnotherThread() throws Exception {
    Outbox outbox = new Outbox();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    CountDownLatch waiting = new CountDownLatch(1);
    try {
      Future<Optional<OutboxMessage>> awaited =
          pool.submit(
              () -> {
                waiting.countDown();
                return outbox.awaitMessageTo("pat@example.org", Duration.ofMinutes(1));
              });
      waiting.await();
      outbox.record(OutboxMessage.Channel.EMAIL, "someone@else.org", "no", "no");
      outbox.record(OutboxMessage.Channel.EMAIL, "pat@example.org", "yes", "yes");
      assertEquals("yes", awaited.get().orElseThrow().subject());
    } finally {
      pool.shutdownNow();
    }
    assertTrue(outbox.awaitMessageTo("nobody@example.org", Duration.ZERO).isEmpty());
  }

  @Test
  void recordingIsThreadSafe() throws Exception {
    Outbox outbox = new Outbox();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < 400; i++) {
        int n = i;
        futures.add(
            pool.submit(
                () -> outbox.record(OutboxMessage.Channel.SMS, "+1555" + (n % 4), null, "m" + n)));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(400, outbox.messages().size());
    assertEquals(100, outbox.messagesTo("+15552").size());
  }
}
