package com.dermrelay.local.dynamodb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dynalite, the DynamoDB emulator, as a node child process. {@code dynalite-child.js} exits when
 * our end of its stdin closes, which the OS does for us however this JVM ends; {@link #close()} and
 * a shutdown hook stop it sooner on a normal exit.
 */
public final class DynaliteProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DynaliteProcess.class);
  private static final String READY = "DYNALITE READY ";

  private final Process process;
  private final int port;
  private final String host;
  private final Thread shutdownHook;

  private DynaliteProcess(Process process, String host, int port) {
    this.process = process;
    this.host = host;
    this.port = port;
    this.shutdownHook = new Thread(this::stop, "dynalite-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts dynalite and waits until it listens.
   *
   * @param localDevDir the folder holding {@code dynalite-child.js} and {@code node_modules}
   * @param dataDir where to keep tables across restarts; null keeps them in memory
   */
  public static DynaliteProcess start(Path localDevDir, String host, int port, Path dataDir) {
    Path script = localDevDir.resolve("dynalite-child.js");
    if (!Files.isRegularFile(script)
        || !Files.isDirectory(localDevDir.resolve("node_modules/dynalite"))) {
      throw new IllegalStateException(
          "dynalite is not installed in " + localDevDir + ": run `npm ci` in local-dev first");
    }
    List<String> command =
        new ArrayList<>(
            List.of("node", script.toString(), "--host", host, "--port", Integer.toString(port)));
    if (dataDir != null) {
      command.addAll(List.of("--path", dataDir.toString()));
    }
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .directory(localDevDir.toFile())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start node; is Node.js 20 on the PATH?", e);
    }
    try {
      int actualPort = awaitReady(process);
      LOG.info("dynalite listening on {}:{}", host, actualPort);
      return new DynaliteProcess(process, host, actualPort);
    } catch (RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  private static int awaitReady(Process process) {
    CompletableFuture<Integer> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> pump(process, ready), "dynalite-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return ready.get(20, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("dynalite did not start within 20 s", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("dynalite failed to start: " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting dynalite", e);
    }
  }

  /** Copies the child's output to our log and completes {@code ready} with its port. */
  private static void pump(Process process, CompletableFuture<Integer> ready) {
    List<String> early = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (!ready.isDone() && line.startsWith(READY)) {
          ready.complete(Integer.parseInt(line.substring(READY.length()).trim()));
        } else {
          if (!ready.isDone()) {
            early.add(line);
          }
          LOG.info("dynalite: {}", line);
        }
      }
    } catch (IOException e) {
      LOG.debug("dynalite output closed", e);
    }
    ready.completeExceptionally(
        new IllegalStateException(
            "exited with "
                + exitCode(process)
                + (early.isEmpty() ? "" : ": " + String.join(" | ", early))));
  }

  private static String exitCode(Process process) {
    try {
      return process.waitFor(2, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }

  public int port() {
    return port;
  }

  public String endpoint() {
    return "http://" + host + ":" + port;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, as a crash would end it: no chance to flush or close anything. */
  public void kill() {
    try {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void stop() {
    if (!process.isAlive()) {
      return;
    }
    try {
      process.getOutputStream().close(); // the child exits when its stdin ends
      if (!process.waitFor(3, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running or has run; nothing left to undo.
    }
  }
}
