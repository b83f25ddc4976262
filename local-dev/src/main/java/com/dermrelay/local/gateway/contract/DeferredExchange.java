package com.dermrelay.local.gateway.contract;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.function.Consumer;

/**
 * An exchange that keeps a copy of the request body and holds the response back until the gateway
 * closes it; then it lets the contract check see the whole exchange, and only then sends the
 * response. So a violation is on record before the client, and the test behind it, can read the
 * answer.
 */
final class DeferredExchange extends HttpExchange {
  private final HttpExchange real;
  private final Consumer<DeferredExchange> beforeSending;
  private final ByteArrayOutputStream requestCopy = new ByteArrayOutputStream();
  private final ByteArrayOutputStream responseBody = new ByteArrayOutputStream();
  private final InputStream requestStream;
  private final OutputStream responseStream;
  private int status = -1;
  private long declaredLength;
  private boolean closed;

  DeferredExchange(HttpExchange real, Consumer<DeferredExchange> beforeSending) {
    this.real = real;
    this.beforeSending = beforeSending;
    this.requestStream =
        new FilterInputStream(real.getRequestBody()) {
          @Override
          public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
              requestCopy.write(b);
            }
            return b;
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
              requestCopy.write(buffer, offset, n);
            }
            return n;
          }
        };
    this.responseStream =
        new OutputStream() {
          @Override
          public void write(int b) {
            responseBody.write(b);
          }

          @Override
          public void write(byte[] bytes, int offset, int length) {
            responseBody.write(bytes, offset, length);
          }

          @Override
          public void close() {
            // As on the JDK's exchange: closing the response body completes the exchange.
            DeferredExchange.this.close();
          }
        };
  }

  byte[] requestBodyRead() {
    return requestCopy.toByteArray();
  }

  byte[] responseBodyWritten() {
    return responseBody.toByteArray();
  }

  @Override
  public void sendResponseHeaders(int code, long length) throws IOException {
    if (status >= 0) {
      throw new IOException("headers already sent");
    }
    status = code;
    declaredLength = length;
  }

  @Override
  public int getResponseCode() {
    return status;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (status >= 0) {
        beforeSending.accept(this);
        byte[] body = responseBody.toByteArray();
        boolean noBody = declaredLength == -1 || body.length == 0;
        real.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
          try (OutputStream out = real.getResponseBody()) {
            out.write(body);
          }
        }
      }
    } catch (IOException e) {
      // The client went away; nothing is left to answer.
    } finally {
      real.close();
    }
  }

  @Override
  public InputStream getRequestBody() {
    return requestStream;
  }

  @Override
  public OutputStream getResponseBody() {
    return responseStream;
  }

  @Override
  public Headers getRequestHeaders() {
    return real.getRequestHeaders();
  }

  @Override
  public Headers getResponseHeaders() {
    return real.getResponseHeaders();
  }

  @Override
  public URI getRequestURI() {
    return real.getRequestURI();
  }

  @Override
  public String getRequestMethod() {
    return real.getRequestMethod();
  }

  @Override
  public HttpContext getHttpContext() {
    return real.getHttpContext();
  }

  @Override
  public InetSocketAddress getRemoteAddress() {
    return real.getRemoteAddress();
  }

  @Override
  public InetSocketAddress getLocalAddress() {
    return real.getLocalAddress();
  }

  @Override
  public String getProtocol() {
    return real.getProtocol();
  }

  @Override
  public Object getAttribute(String name) {
    return real.getAttribute(name);
  }

  @Override
  public void setAttribute(String name, Object value) {
    real.setAttribute(name, value);
  }

  @Override
  public void setStreams(InputStream in, OutputStream out) {
    throw new UnsupportedOperationException(
        "the contract check already wraps this exchange's streams");
  }

  @Override
  public HttpPrincipal getPrincipal() {
    return real.getPrincipal();
  }
}
