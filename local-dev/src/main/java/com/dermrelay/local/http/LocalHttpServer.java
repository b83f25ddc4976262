package com.dermrelay.local.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK HTTP server on loopback with a bounded pool of daemon threads. Every emulator of the local
 * stack that speaks HTTP starts one of these; port 0 picks a free port (tests use that).
 */
public final class LocalHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  private LocalHttpServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  public static LocalHttpServer start(String name, String host, int port, HttpHandler handler) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 128);
      AtomicInteger count = new AtomicInteger();
      ExecutorService executor =
          Executors.newFixedThreadPool(
              16,
              runnable -> {
                Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              });
      server.setExecutor(executor);
      server.createContext("/", handler);
      server.start();
      return new LocalHttpServer(server, executor);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + " on " + host + ":" + port, e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String host() {
    return server.getAddress().getHostString();
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
