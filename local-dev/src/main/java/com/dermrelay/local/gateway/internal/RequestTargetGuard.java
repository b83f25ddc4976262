package com.dermrelay.local.gateway.internal;

import com.dermrelay.local.http.Exchanges;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's listening port. The JDK's HTTP server answers a request target it cannot parse as a
 * URI (a malformed percent-escape such as {@code /clinics/%u}) itself, with an HTML page and
 * without calling any handler. This front passes every connection through to that server unchanged,
 * reading only each request's head and body framing, and answers such a request as the gateway
 * answers any other bad request: RFC 9457 problem+json 400 with the security headers, after the
 * server has answered the requests before it, then closes the connection as the JDK server does.
 */
public final class RequestTargetGuard implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(RequestTargetGuard.class);

  /** Heads longer than this are passed through untouched; the server judges them. */
  private static final int MAX_HEAD = 64 * 1024;

  private static final byte[] DETAIL_BODY = problem();

  private final ServerSocket listener;
  private final InetSocketAddress backend;
  private final Map<String, String> securityHeaders;
  private final ExecutorService threads;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();

  private RequestTargetGuard(
      ServerSocket listener,
      InetSocketAddress backend,
      Map<String, String> securityHeaders,
      ExecutorService threads) {
    this.listener = listener;
    this.backend = backend;
    this.securityHeaders = Map.copyOf(securityHeaders);
    this.threads = threads;
  }

  /** Listens on {@code host:port} (0: any free port) and forwards to {@code backend}. */
  public static RequestTargetGuard start(
      String host, int port, InetSocketAddress backend, Map<String, String> securityHeaders) {
    ServerSocket listener;
    try {
      listener = new ServerSocket(port, 128, InetAddress.getByName(host));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the gateway on " + host + ":" + port, e);
    }
    return start(listener, backend, securityHeaders);
  }

  /** Accepts on an already bound {@code listener} and forwards to {@code backend}. */
  public static RequestTargetGuard start(
      ServerSocket listener, InetSocketAddress backend, Map<String, String> securityHeaders) {
    AtomicInteger count = new AtomicInteger();
    ExecutorService threads =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "gateway-edge-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    RequestTargetGuard guard = new RequestTargetGuard(listener, backend, securityHeaders, threads);
    threads.execute(guard::acceptLoop);
    return guard;
  }

  public int port() {
    return listener.getLocalPort();
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
  }

  private void acceptLoop() {
    while (!closed.get()) {
      try {
        Socket client = listener.accept();
        threads.execute(() -> serve(client));
      } catch (IOException e) {
        if (!closed.get()) {
          LOG.warn("gateway edge cannot accept: {}", e.toString());
        }
      }
    }
  }

  private void serve(Socket client) {
    open.add(client);
    try (client;
        Socket server = new Socket()) {
      open.add(server);
      server.connect(backend);
      client.setTcpNoDelay(true);
      server.setTcpNoDelay(true);
      AtomicBoolean takenOver = new AtomicBoolean();
      CountDownLatch answered = new CountDownLatch(1);
      threads.execute(() -> relayAnswers(server, client, takenOver, answered));
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = server.getOutputStream();
      while (true) {
        byte[] head = readHead(in);
        if (head == null) {
          server.shutdownOutput();
          break;
        }
        String target = target(head);
        if (target != null && !parsable(target)) {
          // Let the server finish what it is answering on this connection, then answer this one.
          takenOver.set(true);
          server.shutdownOutput();
          answered.await(30, TimeUnit.SECONDS);
          answerBadTarget(client.getOutputStream());
          break;
        }
        out.write(head);
        if (target == null || !copyBody(head, in, out)) {
          // Not HTTP as this front reads it: the rest goes through as it is; the server decides.
          in.transferTo(out);
          server.shutdownOutput();
          break;
        }
        out.flush();
      }
      answered.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      LOG.debug("gateway edge connection ended: {}", e.toString());
    } finally {
      open.remove(client);
    }
  }

  /** Server to client, as it comes; the end of the server's answers ends the client's too. */
  private void relayAnswers(
      Socket server, Socket client, AtomicBoolean takenOver, CountDownLatch answered) {
    try {
      server.getInputStream().transferTo(client.getOutputStream());
    } catch (IOException e) {
      LOG.debug("gateway edge relay ended: {}", e.toString());
    } finally {
      open.remove(server);
      if (!takenOver.get()) {
        try {
          client.shutdownOutput();
        } catch (IOException e) {
          LOG.debug("client already gone: {}", e.toString());
        }
      }
      answered.countDown();
    }
  }

  /**
   * The head up to and including its blank line; null at the end of the stream; what came if the
   * stream ended or {@link #MAX_HEAD} was reached first.
   */
  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream(512);
    int b;
    // Blank lines before a request line are allowed (RFC 9112, 2.2) and carry nothing.
    do {
      b = in.read();
    } while (b == '\r' || b == '\n');
    if (b < 0) {
      return null;
    }
    head.write(b);
    int lastFour = b;
    while (head.size() < MAX_HEAD && (b = in.read()) >= 0) {
      head.write(b);
      lastFour = (lastFour << 8) | b;
      if (lastFour == 0x0D0A0D0A) {
        return head.toByteArray();
      }
    }
    return head.toByteArray();
  }

  /** The request target of a complete head, or null when it is not one. */
  private static String target(byte[] head) {
    String text = new String(head, StandardCharsets.ISO_8859_1);
    if (!text.endsWith("\r\n\r\n")) {
      return null;
    }
    String[] requestLine = text.substring(0, text.indexOf("\r\n")).split(" ");
    return requestLine.length == 3 ? requestLine[1] : null;
  }

  /** The JDK server's own test of a request target. */
  static boolean parsable(String target) {
    try {
      new URI(target);
      return true;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /**
   * Copies the body the head announces (chunked, or Content-Length, or none); false when the
   * framing cannot be read, and the caller passes the rest through.
   */
  private static boolean copyBody(byte[] head, InputStream in, OutputStream out)
      throws IOException {
    String transferEncoding = null;
    String contentLength = null;
    for (String line : new String(head, StandardCharsets.ISO_8859_1).split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (name.equals("transfer-encoding")) {
        transferEncoding = value.toLowerCase(Locale.ROOT);
      } else if (name.equals("content-length")) {
        contentLength = value;
      }
    }
    if (transferEncoding != null) {
      return transferEncoding.endsWith("chunked") && copyChunks(in, out);
    }
    if (contentLength == null) {
      return true;
    }
    long length;
    try {
      length = Long.parseLong(contentLength);
    } catch (NumberFormatException e) {
      return false;
    }
    return length >= 0 && copy(in, out, length);
  }

  private static boolean copyChunks(InputStream in, OutputStream out) throws IOException {
    while (true) {
      String sizeLine = copyLine(in, out);
      if (sizeLine == null) {
        return false;
      }
      long size;
      try {
        size = Long.parseLong(sizeLine.split(";", 2)[0].trim(), 16);
      } catch (NumberFormatException e) {
        return false;
      }
      if (size == 0) {
        String trailer;
        do {
          trailer = copyLine(in, out);
        } while (trailer != null && !trailer.isEmpty());
        return trailer != null;
      }
      if (!copy(in, out, size) || copyLine(in, out) == null) {
        return false;
      }
    }
  }

  /** Copies one CRLF-ended line; returns it without the CRLF, or null at the end of the stream. */
  private static String copyLine(InputStream in, OutputStream out) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      out.write(b);
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      line.write(b);
    }
    return null;
  }

  private static boolean copy(InputStream in, OutputStream out, long length) throws IOException {
    byte[] buffer = new byte[8192];
    long left = length;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        return false;
      }
      out.write(buffer, 0, n);
      left -= n;
    }
    return true;
  }

  private void answerBadTarget(OutputStream out) {
    StringBuilder head =
        new StringBuilder("HTTP/1.1 400 Bad Request\r\n")
            .append("Content-Type: ")
            .append(Exchanges.PROBLEM_JSON)
            .append("\r\n")
            .append("Content-Length: ")
            .append(DETAIL_BODY.length)
            .append("\r\n")
            .append("Cache-Control: no-store\r\n")
            .append("Connection: close\r\n");
    securityHeaders.forEach(
        (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("\r\n");
    try {
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(DETAIL_BODY);
      out.flush();
    } catch (SocketException e) {
      LOG.debug("the client left before its 400: {}", e.toString());
    } catch (IOException e) {
      LOG.debug("cannot answer a bad request target: {}", e.toString());
    }
  }

  private static byte[] problem() {
    try {
      return Exchanges.JSON.writeValueAsBytes(
          Exchanges.problem(
              400,
              "Bad Request",
              "The request target is not a valid URI: a '%' must be followed by two hexadecimal digits, "
                  + "and characters such as spaces, quotes and braces must be percent-encoded."));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      listener.close();
    } catch (IOException e) {
      LOG.debug("closing the gateway edge: {}", e.toString());
    }
    for (Socket socket : open) {
      try {
        socket.close();
      } catch (IOException e) {
        LOG.debug("closing a connection: {}", e.toString());
      }
    }
    threads.shutdownNow();
  }
}
