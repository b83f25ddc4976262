package com.dermrelay.core.net;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import javax.inject.Singleton;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * HTTP/1.1 POSTs to a URL a tenant configured (a clinic's FHIR endpoint, its OAuth2 token URL).
 * The host is resolved once and every address checked by {@link OutboundAddressGuard}; the
 * connection is then made to a checked address itself, so a second lookup that DNS could answer
 * differently (rebinding to 169.254.169.254 or a private network) never happens. TLS is verified
 * against the host's name (SNI and HTTPS endpoint identification) like any HTTPS client.
 *
 * <p>The JDK's HttpClient resolves names itself and cannot be handed an address, and a library
 * that can (Apache HttpClient's DnsResolver) would not fit the functions jar; so this speaks just
 * what these calls need: one request per connection ({@code Connection: close}), a body with
 * {@code Content-Length}, answers with {@code Content-Length}, chunked or up to the close,
 * interim 1xx answers skipped, redirects never followed, no compression. Every step, writes
 * included, ends by the timeout: the socket is closed when it runs out.
 */
@Singleton
public final class OutboundHttp {
  /** The most of an answer that is read; an EHR's transaction-response is far smaller. */
  static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
  private static final int MAX_LINE_BYTES = 16 * 1024;
  private static final int MAX_HEADER_LINES = 200;
  private static final ScheduledExecutorService DEADLINES = deadlines();

  /** An answer: its status and its body as UTF-8 text. */
  public record Response(int status, String body) {}

  private final OutboundAddressGuard guard;
  private final SSLSocketFactory tls;

  @Inject
  public OutboundHttp(OutboundAddressGuard guard) {
    this(guard, (SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  /** @param tls the TLS sockets to use; tests pass one that trusts their own certificate */
  public OutboundHttp(OutboundAddressGuard guard, SSLSocketFactory tls) {
    this.guard = guard;
    this.tls = tls;
  }

  /**
   * POSTs {@code body} (UTF-8) with {@code headers} and reads the answer, all within {@code timeout}.
   *
   * @throws OutboundAddressGuard.Refused if the host resolves to an address that may not be called
   * @throws java.net.UnknownHostException if it does not resolve
   * @throws SocketTimeoutException if the time ran out
   * @throws ConnectException if no checked address accepted the connection
   * @throws IOException if the connection failed otherwise or the answer is not HTTP
   */
  public Response post(URI uri, Map<String, String> headers, String body, Duration timeout) throws IOException {
    String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException("only http and https URLs are called");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("the URL has no host");
    }
    String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
    boolean secure = scheme.equals("https");
    int port = uri.getPort() == -1 ? (secure ? 443 : 80) : uri.getPort();
    long deadline = System.nanoTime() + timeout.toNanos();

    List<InetAddress> addresses = guard.resolveAllowed(host);
    Socket plain = connect(addresses, port, deadline);
    Socket socket = plain;
    ScheduledFuture<?> cutOff = null;
    try {
      cutOff = DEADLINES.schedule(() -> closeQuietly(plain), remainingMillis(deadline), TimeUnit.MILLISECONDS);
      if (secure) {
        socket = tls(plain, host, port, deadline);
      }
      byte[] content = body.getBytes(StandardCharsets.UTF_8);
      OutputStream out = new BufferedOutputStream(socket.getOutputStream());
      out.write(requestHead(uri, port, secure, headers, content.length).getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return read(new BufferedInputStream(new DeadlineInputStream(socket, deadline)));
    } catch (IOException e) {
      if (System.nanoTime() - deadline >= 0 && !(e instanceof SocketTimeoutException)) {
        // The cut-off closed the socket under a write or read: that is a timeout, not a failure.
        throw new SocketTimeoutException("no answer in time");
      }
      throw e;
    } finally {
      if (cutOff != null) {
        cutOff.cancel(false);
      }
      closeQuietly(socket);
      closeQuietly(plain);
    }
  }

  /** Tries each checked address in turn, as browsers do; never resolves the name again. */
  private static Socket connect(List<InetAddress> addresses, int port, long deadline) throws IOException {
    IOException last = null;
    for (InetAddress address : addresses) {
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress(address, port), remainingMillis(deadline));
        return socket;
      } catch (IOException e) {
        closeQuietly(socket);
        last = e;
        if (e instanceof SocketTimeoutException || System.nanoTime() - deadline >= 0) {
          break;
        }
      }
    }
    throw last instanceof SocketTimeoutException ? last : new ConnectException(
        "no address accepted the connection" + (last == null ? "" : ": " + last.getMessage()));
  }

  /** TLS over the connected socket, for the host's name: SNI, and the certificate must name it. */
  private SSLSocket tls(Socket plain, String host, int port, long deadline) throws IOException {
    SSLSocket socket = (SSLSocket) tls.createSocket(plain, host, port, true);
    SSLParameters parameters = socket.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    socket.setSSLParameters(parameters);
    socket.setSoTimeout(remainingMillis(deadline));
    socket.startHandshake();
    return socket;
  }

  private static String requestHead(URI uri, int port, boolean secure, Map<String, String> headers,
      int contentLength) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    boolean defaultPort = port == (secure ? 443 : 80);
    StringBuilder head = new StringBuilder("POST ").append(target).append(" HTTP/1.1\r\n")
        .append("Host: ").append(uri.getHost()).append(defaultPort ? "" : ":" + port).append("\r\n");
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (!header.getKey().matches("[A-Za-z0-9-]+") || header.getValue().matches("(?s).*[\\r\\n\\x00].*")) {
        throw new IllegalArgumentException("a header name or value that would break the request");
      }
      head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
    }
    return head.append("Content-Length: ").append(contentLength).append("\r\n")
        .append("Connection: close\r\n\r\n").toString();
  }

  private static Response read(InputStream in) throws IOException {
    while (true) {
      String statusLine = line(in, true);
      String[] parts = statusLine.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[1-5][0-9][0-9]")) {
        throw new IOException("the answer is not HTTP/1.1");
      }
      int status = Integer.parseInt(parts[1]);
      Map<String, String> headers = headers(in);
      if (status >= 100 && status < 200) {
        continue; // 100 Continue, 103 Early Hints: the real answer follows
      }
      String body = new String(body(in, status, headers), StandardCharsets.UTF_8);
      return new Response(status, body);
    }
  }

  private static Map<String, String> headers(InputStream in) throws IOException {
    Map<String, String> headers = new HashMap<>();
    for (int i = 0; i < MAX_HEADER_LINES; i++) {
      String line = line(in, false);
      if (line.isEmpty()) {
        return headers;
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.merge(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip(),
            (a, b) -> a + ", " + b);
      }
    }
    throw new IOException("too many header lines");
  }

  private static byte[] body(InputStream in, int status, Map<String, String> headers) throws IOException {
    if (status == 204 || status == 304) {
      return new byte[0];
    }
    if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
      return chunked(in);
    }
    String length = headers.get("content-length");
    if (length != null) {
      long size;
      try {
        size = Long.parseLong(length.strip());
      } catch (NumberFormatException e) {
        throw new IOException("the answer's length is not a number");
      }
      if (size < 0 || size > MAX_BODY_BYTES) {
        throw new IOException("the answer is too large");
      }
      return exactly(in, (int) size);
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
      all.write(buffer, 0, n);
      if (all.size() > MAX_BODY_BYTES) {
        throw new IOException("the answer is too large");
      }
    }
    return all.toByteArray();
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = line(in, false);
      int extension = sizeLine.indexOf(';');
      int size;
      try {
        size = Integer.parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).strip(), 16);
      } catch (NumberFormatException e) {
        throw new IOException("a chunk's size is not a number");
      }
      if (size < 0 || all.size() + (long) size > MAX_BODY_BYTES) {
        throw new IOException("the answer is too large");
      }
      if (size == 0) {
        headers(in); // trailers, if any, up to the blank line
        return all.toByteArray();
      }
      all.write(exactly(in, size));
      if (!line(in, false).isEmpty()) {
        throw new IOException("a chunk does not end where its size says");
      }
    }
  }

  private static byte[] exactly(InputStream in, int size) throws IOException {
    byte[] bytes = in.readNBytes(size);
    if (bytes.length < size) {
      throw new EOFException("the answer ended early");
    }
    return bytes;
  }

  /** One line without its CRLF (or LF); ISO-8859-1, as HTTP/1.1's head is. */
  private static String line(InputStream in, boolean first) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int c = in.read();
      if (c == -1) {
        throw new EOFException(first && line.size() == 0 ? "closed without an answer" : "the answer ended early");
      }
      if (c == '\n') {
        byte[] bytes = line.toByteArray();
        int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
      }
      if (line.size() >= MAX_LINE_BYTES) {
        throw new IOException("a line of the answer is too long");
      }
      line.write(c);
    }
  }

  private static int remainingMillis(long deadline) throws SocketTimeoutException {
    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    if (left <= 0) {
      throw new SocketTimeoutException("no answer in time");
    }
    return (int) Math.min(Integer.MAX_VALUE, left);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing is all that is left to do; nothing depends on it succeeding.
    }
  }

  private static ScheduledExecutorService deadlines() {
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "outbound-http-deadlines");
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }

  /** Reads with the socket's timeout set to what is left before the deadline, before each read. */
  private static final class DeadlineInputStream extends InputStream {
    private final Socket socket;
    private final InputStream in;
    private final long deadline;

    DeadlineInputStream(Socket socket, long deadline) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.deadline = deadline;
    }

    @Override
    public int read() throws IOException {
      socket.setSoTimeout(remainingMillis(deadline));
      return in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      socket.setSoTimeout(remainingMillis(deadline));
      return in.read(buffer, offset, length);
    }
  }
}
