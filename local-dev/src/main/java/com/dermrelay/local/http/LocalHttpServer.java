package com.dermrelay.local.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK HTTP server on loopback with a pool of daemon threads. Every emulator of the local stack
 * that speaks HTTP starts one of these; port 0 picks a free port (tests use that).
 *
 * <p>The pool is bounded ({@link Threads#BOUNDED}) unless a request can wait on another request to
 * the same server ({@link Threads#ON_DEMAND}): the identity service runs Cognito's triggers inside
 * ConfirmSignUp, and the post-confirmation trigger calls the identity service's admin API back.
 * With N request threads, N simultaneous confirmations took every thread and their callbacks queued
 * behind them until the callers' HTTP timeouts (issue 20: half of 30 sign-ups failed). No bound
 * avoids that, however large; threads made on demand (and dropped after a minute idle) do.
 */
public final class LocalHttpServer implements AutoCloseable {
  private final String name;
  private final HttpHandler handler;
  private final Threads threads;
  private final String host;
  private final int port;
  private volatile HttpServer server;
  private volatile ExecutorService executor;

  private LocalHttpServer(
      String name, HttpHandler handler, Threads threads, HttpServer server, ExecutorService pool) {
    this.name = name;
    this.handler = handler;
    this.threads = threads;
    this.server = server;
    this.executor = pool;
    this.host = server.getAddress().getHostString();
    this.port = server.getAddress().getPort();
  }

  /** How the server gets its request threads. */
  public enum Threads {
    /** At most 16 requests at a time; the others wait for a thread. */
    BOUNDED,
    /**
     * A thread for every request in progress, reused while it lasts: for a server whose requests
     * call the same server back and wait for the answer.
     */
    ON_DEMAND
  }

  public static LocalHttpServer start(String name, String host, int port, HttpHandler handler) {
    return start(name, host, port, handler, Threads.BOUNDED);
  }

  public static LocalHttpServer start(
      String name, String host, int port, HttpHandler handler, Threads threads) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 128);
      AtomicInteger count = new AtomicInteger();
      ThreadFactory factory =
          runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          };
      ExecutorService executor =
          threads == Threads.BOUNDED
              ? Executors.newFixedThreadPool(16, factory)
              : Executors.newCachedThreadPool(factory);
      server.setExecutor(executor);
      server.createContext("/", handler);
      server.start();
      return new LocalHttpServer(name, handler, threads, server, executor);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + " on " + host + ":" + port, e);
    }
  }

  /**
   * Stops listening (connections to the port are refused) until {@link #resume}: an outage of this
   * emulator for fault tests. Whatever the handler holds is kept.
   */
  public synchronized void interrupt() {
    close();
  }

  /** Listens again on the same port with the same handler. */
  public synchronized void resume() {
    LocalHttpServer restarted = start(name, host, port, handler, threads);
    server = restarted.server;
    executor = restarted.executor;
  }

  public int port() {
    return port;
  }

  public String host() {
    return host;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8080}, without a trailing slash. */
  public String url() {
    return "http://" + host() + ":" + port();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
