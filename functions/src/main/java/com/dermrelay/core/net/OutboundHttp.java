package com.dermrelay.core.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.inject.Singleton;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.Timeout;

/**
 * POSTs to a URL a tenant configured (a clinic's FHIR endpoint, its OAuth2 token URL), on Apache
 * HttpClient 5 (classic). Its {@link DnsResolver} is {@link OutboundAddressGuard}: the host is
 * resolved once per connection and every address checked, and the connection goes to one of the
 * checked addresses, so a second lookup that DNS could answer differently (rebinding to
 * 169.254.169.254 or a private network) never happens. TLS is verified against the host's name (SNI
 * and the JDK's HTTPS endpoint identification), not the address.
 *
 * <p>No proxy, no redirects (a 3xx is the answer: a token must not follow a Location elsewhere), no
 * retries (delivery has its own), no cookies, no compression, and no kept-alive connections (calls
 * are rare, and a pooled connection would go stale while the Lambda is frozen). The whole call,
 * connecting and reading included, ends by its timeout; answers over 8 MB are refused.
 */
@Singleton
public final class OutboundHttp {
  /** The most of an answer that is read; an EHR's transaction-response is far smaller. */
  static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

  /**
   * The longest timeout a clinic may set (timeoutSeconds 1-30); each call's own deadline cuts it.
   */
  private static final Timeout LONGEST_CALL = Timeout.ofSeconds(30);

  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9-]+");
  private static final Pattern BREAKS_A_HEADER = Pattern.compile("[\\r\\n\\x00]");
  private static final ScheduledExecutorService DEADLINES = deadlines();

  /** An answer: its status and its body as UTF-8 text. */
  public record Response(int status, String body) {}

  private final CloseableHttpClient client;

  @Inject
  public OutboundHttp(OutboundAddressGuard guard) {
    this(guard, SSLContexts.createSystemDefault());
  }

  /**
   * @param tls the TLS context to use; tests pass one that trusts their own certificate
   */
  public OutboundHttp(OutboundAddressGuard guard, SSLContext tls) {
    this.client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(new CheckedResolver(guard))
                    .setTlsSocketStrategy(new DefaultClientTlsStrategy(tls))
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(LONGEST_CALL)
                            .setSocketTimeout(LONGEST_CALL)
                            .build())
                    .setMaxConnTotal(100)
                    .setMaxConnPerRoute(20)
                    .build())
            .setConnectionReuseStrategy((request, response, context) -> false)
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableContentCompression()
            .disableAuthCaching()
            .setUserAgent("DermRelay")
            .build();
  }

  /**
   * POSTs {@code body} (UTF-8) with {@code headers} and reads the answer, all within {@code
   * timeout}.
   *
   * @throws OutboundAddressGuard.Refused if the host resolves to an address that may not be called
   * @throws java.net.UnknownHostException if it does not resolve
   * @throws SocketTimeoutException if the time ran out
   * @throws java.net.ConnectException if no checked address accepted the connection
   * @throws IOException if the connection failed otherwise, the answer is not HTTP or too large
   * @throws IllegalArgumentException for a URL other than http(s) or a header that would break the
   *     request
   */
  public Response post(URI uri, Map<String, String> headers, String body, Duration timeout)
      throws IOException {
    String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException("only http and https URLs are called");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("the URL has no host");
    }
    HttpPost post = new HttpPost(uri);
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (!HEADER_NAME.matcher(header.getKey()).matches()
          || BREAKS_A_HEADER.matcher(header.getValue()).find()) {
        throw new IllegalArgumentException("a header name or value that would break the request");
      }
      post.setHeader(header.getKey(), header.getValue());
    }
    // No content type of its own: the caller's Content-Type header is the one sent.
    post.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), null));
    Timeout limit = Timeout.ofMilliseconds(Math.max(1, timeout.toMillis()));
    post.setConfig(
        RequestConfig.custom()
            .setConnectionRequestTimeout(limit)
            .setResponseTimeout(limit)
            .build());

    // The response timeout bounds each read; this ends the call as a whole (an answer trickled
    // byte by byte, a slow connect or TLS handshake). The flag, not the clock, says it fired, so
    // whatever the abort makes the call throw is reported as the timeout it is.
    AtomicBoolean ranOut = new AtomicBoolean();
    ScheduledFuture<?> cutOff =
        DEADLINES.schedule(
            () -> {
              ranOut.set(true);
              post.cancel();
            },
            limit.toMilliseconds(),
            TimeUnit.MILLISECONDS);
    try {
      return client.execute(
          post, response -> new Response(response.getCode(), read(response, post)));
    } catch (OutboundAddressGuard.Refused e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      if (ranOut.get() || e instanceof ConnectTimeoutException) {
        SocketTimeoutException timedOut = new SocketTimeoutException("no answer in time");
        timedOut.initCause(e);
        throw timedOut;
      }
      throw e;
    } finally {
      cutOff.cancel(false);
    }
  }

  /** The body as UTF-8, at most {@link #MAX_BODY_BYTES}; a larger one aborts the connection. */
  private static String read(ClassicHttpResponse response, HttpPost post) throws IOException {
    HttpEntity entity = response.getEntity();
    if (entity == null) {
      return "";
    }
    if (entity.getContentLength() > MAX_BODY_BYTES) {
      post.cancel(); // closing would read the rest to reuse the connection
      throw new IOException("the answer is too large");
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try (InputStream in = entity.getContent()) {
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
        all.write(buffer, 0, n);
        if (all.size() > MAX_BODY_BYTES) {
          post.cancel();
          throw new IOException("the answer is too large");
        }
      }
    }
    return all.toString(StandardCharsets.UTF_8);
  }

  private static ScheduledExecutorService deadlines() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "outbound-http-deadlines");
              thread.setDaemon(true);
              return thread;
            });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }

  /** Every address a name resolves to, if the guard allows them all; never asks DNS for more. */
  private record CheckedResolver(OutboundAddressGuard guard) implements DnsResolver {
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      String name =
          host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
      return guard.resolveAllowed(name).toArray(new InetAddress[0]);
    }

    /** Only asked for Kerberos (SPNEGO), which these calls never use: the name as given. */
    @Override
    public String resolveCanonicalHostname(String host) {
      return host;
    }
  }
}
