package com.dermrelay.local.gateway.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;

/**
 * An exchange as the edge hands it to the gateway: whatever answers it, the security headers of
 * production's CloudFront policy are set just before the response goes out, replacing any a handler
 * set (CloudFront's "override"), except on the local tools under {@code /_local}, which production
 * does not have. It also reports the address the client connected to, not that of the gateway's
 * server behind {@link RequestTargetGuard}.
 */
public final class EdgeExchange extends HttpExchange {
  private static final String LOCAL_TOOLS = "/_local";

  private final HttpExchange exchange;
  private final Map<String, String> securityHeaders;
  private final InetSocketAddress publicAddress;

  public EdgeExchange(
      HttpExchange exchange, Map<String, String> securityHeaders, InetSocketAddress publicAddress) {
    this.exchange = exchange;
    this.securityHeaders = securityHeaders;
    this.publicAddress = publicAddress;
  }

  @Override
  public void sendResponseHeaders(int status, long length) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    if (!path.equals(LOCAL_TOOLS) && !path.startsWith(LOCAL_TOOLS + "/")) {
      securityHeaders.forEach(exchange.getResponseHeaders()::set);
    }
    exchange.sendResponseHeaders(status, length);
  }

  @Override
  public InetSocketAddress getLocalAddress() {
    return publicAddress;
  }

  @Override
  public Headers getRequestHeaders() {
    return exchange.getRequestHeaders();
  }

  @Override
  public Headers getResponseHeaders() {
    return exchange.getResponseHeaders();
  }

  @Override
  public URI getRequestURI() {
    return exchange.getRequestURI();
  }

  @Override
  public String getRequestMethod() {
    return exchange.getRequestMethod();
  }

  @Override
  public HttpContext getHttpContext() {
    return exchange.getHttpContext();
  }

  @Override
  public void close() {
    exchange.close();
  }

  @Override
  public InputStream getRequestBody() {
    return exchange.getRequestBody();
  }

  @Override
  public OutputStream getResponseBody() {
    return exchange.getResponseBody();
  }

  @Override
  public InetSocketAddress getRemoteAddress() {
    return exchange.getRemoteAddress();
  }

  @Override
  public int getResponseCode() {
    return exchange.getResponseCode();
  }

  @Override
  public String getProtocol() {
    return exchange.getProtocol();
  }

  @Override
  public Object getAttribute(String name) {
    return exchange.getAttribute(name);
  }

  @Override
  public void setAttribute(String name, Object value) {
    exchange.setAttribute(name, value);
  }

  @Override
  public void setStreams(InputStream in, OutputStream out) {
    exchange.setStreams(in, out);
  }

  @Override
  public HttpPrincipal getPrincipal() {
    return exchange.getPrincipal();
  }
}
