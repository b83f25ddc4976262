package com.dermrelay.imaging;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A lossless WebP (VP8L) of one colour, written bit by bit: no WebP encoder exists on the build
 * machines. With every prefix code holding a single symbol, each pixel takes zero bits, so any size
 * fits in a few bytes. Follows the WebP Lossless Bitstream Specification (RFC 9649).
 */
final class WebPFixture {
  private WebPFixture() {}

  static byte[] solid(int width, int height, int red, int green, int blue) {
    BitWriter bits = new BitWriter();
    bits.write(0x2F, 8); // VP8L signature
    bits.write(width - 1, 14);
    bits.write(height - 1, 14);
    bits.write(0, 1); // alpha not used
    bits.write(0, 3); // version 0
    bits.write(0, 1); // no transforms
    bits.write(0, 1); // no colour cache
    bits.write(0, 1); // no meta prefix codes
    simpleCode(bits, green); // green (and lengths)
    simpleCode(bits, red);
    simpleCode(bits, blue);
    simpleCode(bits, 255); // alpha
    simpleCode(bits, 0); // distance
    byte[] data = bits.toByteArray();

    int chunkSize = data.length;
    int padded = chunkSize + (chunkSize % 2);
    ByteBuffer out = ByteBuffer.allocate(12 + 8 + padded).order(ByteOrder.LITTLE_ENDIAN);
    out.put(new byte[] {'R', 'I', 'F', 'F'})
        .putInt(4 + 8 + padded)
        .put(new byte[] {'W', 'E', 'B', 'P'});
    out.put(new byte[] {'V', 'P', '8', 'L'}).putInt(chunkSize).put(data);
    return out.array();
  }

  /** A "simple" prefix code with one 8-bit symbol. */
  private static void simpleCode(BitWriter bits, int symbol) {
    bits.write(1, 1); // simple code
    bits.write(0, 1); // one symbol
    bits.write(1, 1); // the symbol takes 8 bits
    bits.write(symbol, 8);
  }

  /** Least-significant bit first, as VP8L reads. */
  private static final class BitWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int current;
    private int used;

    void write(int value, int count) {
      for (int i = 0; i < count; i++) {
        current |= ((value >> i) & 1) << used;
        if (++used == 8) {
          out.write(current);
          current = 0;
          used = 0;
        }
      }
    }

    byte[] toByteArray() {
      if (used > 0) {
        out.write(current);
        current = 0;
        used = 0;
      }
      return out.toByteArray();
    }
  }
}
