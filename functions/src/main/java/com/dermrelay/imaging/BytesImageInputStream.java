package com.dermrelay.imaging;

import java.io.EOFException;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An ImageInputStream over bytes already in memory, whose end-of-file costs nothing.
 *
 * <p>Why: TwelveMonkeys' WebP lossless bit reader (3.14.0) refills its buffer with {@code
 * readLong()} and, in the last bytes of the data, catches an {@link EOFException} on every refill.
 * With the JDK's streams each such exception fills in a deep stack trace, so a few dozen bytes of
 * crafted WebP declaring 7000 x 7000 pixels kept a core busy for minutes. A stack-less exception
 * makes that path as fast as normal decoding.
 */
final class BytesImageInputStream extends ImageInputStreamImpl {
  private final byte[] bytes;

  BytesImageInputStream(byte[] bytes) {
    this.bytes = bytes;
  }

  @Override
  public int read() {
    bitOffset = 0;
    return streamPos < bytes.length ? bytes[(int) streamPos++] & 0xFF : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    bitOffset = 0;
    if (len == 0) {
      return 0;
    }
    if (streamPos >= bytes.length) {
      return -1;
    }
    int n = (int) Math.min(len, bytes.length - streamPos);
    System.arraycopy(bytes, (int) streamPos, b, off, n);
    streamPos += n;
    return n;
  }

  @Override
  public void readFully(byte[] b, int off, int len) throws EOFException {
    if (len > 0 && read(b, off, len) < len) {
      throw new StacklessEof();
    }
  }

  @Override
  public byte readByte() throws EOFException {
    int b = read();
    if (b < 0) {
      throw new StacklessEof();
    }
    return (byte) b;
  }

  @Override
  public long length() {
    return bytes.length;
  }

  /** End of data: expected by decoders reading ahead, so not worth a stack trace. */
  private static final class StacklessEof extends EOFException {
    private static final long serialVersionUID = 1L;

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }
}
