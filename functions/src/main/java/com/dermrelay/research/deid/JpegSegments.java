package com.dermrelay.research.deid;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A JPEG's marker segments, read without decoding: to cut a freshly encoded JPEG down to what a
 * decoder needs, and to check that a released one holds nothing else. Kept: SOI, DQT, DHT, DRI, the
 * baseline and progressive Huffman frames (SOF0-2), SOS with its entropy-coded data, EOI.
 */
public final class JpegSegments {
  private JpegSegments() {}

  /** Only the decoding segments of {@code jpeg}, in order; anything after EOI is dropped. */
  static byte[] onlyDecodingSegments(byte[] jpeg) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
    walk(
        jpeg,
        (marker, from, to) -> {
          if (marker == 0xD8 || marker == 0xD9 || decoding(marker)) {
            out.write(jpeg, from, to - from);
          }
        });
    return out.toByteArray();
  }

  /**
   * Every segment a released JPEG must not have, by name (APP1, COM, ...), and "data after end of
   * image" or "malformed" where that is the case; empty for a clean one.
   */
  public static List<String> unexpected(byte[] jpeg) {
    List<String> found = new ArrayList<>();
    try {
      int end =
          walk(
              jpeg,
              (marker, from, to) -> {
                if (marker != 0xD8 && marker != 0xD9 && !decoding(marker)) {
                  found.add(name(marker));
                }
              });
      if (end < jpeg.length) {
        found.add("data after end of image");
      }
    } catch (IOException e) {
      found.add("malformed");
    }
    return found;
  }

  private static boolean decoding(int marker) {
    return marker == 0xDB
        || marker == 0xC4
        || marker == 0xDD
        || marker == 0xDA
        || (marker >= 0xC0 && marker <= 0xC2);
  }

  private static String name(int marker) {
    if (marker >= 0xE0 && marker <= 0xEF) {
      return "APP" + (marker - 0xE0);
    }
    if (marker == 0xFE) {
      return "COM";
    }
    return String.format("marker 0x%02X", marker);
  }

  interface Visitor {
    void segment(int marker, int from, int to) throws IOException;
  }

  /** Visits each segment ({@code [from, to)} including its marker); returns where EOI ended. */
  private static int walk(byte[] b, Visitor visitor) throws IOException {
    if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
      throw new IOException("no start of image");
    }
    visitor.segment(0xD8, 0, 2);
    int pos = 2;
    while (pos + 2 <= b.length) {
      if ((b[pos] & 0xFF) != 0xFF) {
        throw new IOException("no marker where one belongs");
      }
      int marker = b[pos + 1] & 0xFF;
      if (marker == 0xFF) {
        pos++;
        continue;
      }
      if (marker == 0xD9) {
        visitor.segment(0xD9, pos, pos + 2);
        return pos + 2;
      }
      if (pos + 4 > b.length) {
        throw new IOException("truncated");
      }
      int length = ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
      int end = pos + 2 + length;
      if (length < 2 || end > b.length) {
        throw new IOException("truncated segment");
      }
      if (marker == 0xDA) {
        end = scanEnd(b, end);
      }
      visitor.segment(marker, pos, end);
      pos = end;
    }
    throw new IOException("no end of image");
  }

  /** Where the entropy-coded data that starts at {@code pos} ends: the next marker but RSTn. */
  private static int scanEnd(byte[] b, int pos) throws IOException {
    for (int i = pos; i + 1 < b.length; i++) {
      if ((b[i] & 0xFF) != 0xFF) {
        continue;
      }
      int next = b[i + 1] & 0xFF;
      if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
        i++;
        continue;
      }
      if (next == 0xFF) {
        continue;
      }
      return i;
    }
    throw new IOException("scan without end");
  }
}
