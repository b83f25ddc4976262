package com.dermrelay.imaging;

/**
 * Reads the one EXIF tag we need before all metadata is thrown away: Orientation (0x0112) in IFD0
 * of a JPEG's APP1 "Exif" segment. Anything unexpected means "no orientation" (1): a malformed EXIF
 * block must never make an otherwise good photo fail.
 */
final class ExifOrientation {
  static final int NORMAL = 1;
  private static final int TAG_ORIENTATION = 0x0112;
  private static final int TYPE_SHORT = 3;

  private ExifOrientation() {}

  /** The Orientation value 1-8 of a JPEG, or 1 when there is none or it cannot be read. */
  static int ofJpeg(byte[] jpeg) {
    int pos = 2; // after SOI
    while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
      int marker = jpeg[pos + 1] & 0xFF;
      if (marker == 0xFF) { // fill byte
        pos++;
        continue;
      }
      if (marker == 0xDA || marker == 0xD9) { // start of scan, end of image: no more metadata
        return NORMAL;
      }
      int length = u16(jpeg, pos + 2, false);
      if (length < 2 || pos + 2 + length > jpeg.length) {
        return NORMAL;
      }
      if (marker == 0xE1 && length >= 8 && isExifHeader(jpeg, pos + 4)) {
        int orientation = fromTiff(jpeg, pos + 10, pos + 2 + length);
        if (orientation != 0) {
          return orientation;
        }
      }
      pos += 2 + length;
    }
    return NORMAL;
  }

  private static boolean isExifHeader(byte[] b, int at) {
    return b[at] == 'E'
        && b[at + 1] == 'x'
        && b[at + 2] == 'i'
        && b[at + 3] == 'f'
        && b[at + 4] == 0
        && b[at + 5] == 0;
  }

  /** Orientation from a TIFF structure in {@code [start, end)}, or 0 if absent or invalid. */
  private static int fromTiff(byte[] b, int start, int end) {
    if (start + 8 > end) {
      return 0;
    }
    boolean littleEndian;
    if (b[start] == 'I' && b[start + 1] == 'I') {
      littleEndian = true;
    } else if (b[start] == 'M' && b[start + 1] == 'M') {
      littleEndian = false;
    } else {
      return 0;
    }
    if (u16(b, start + 2, littleEndian) != 42) {
      return 0;
    }
    long ifd0 = u32(b, start + 4, littleEndian);
    if (ifd0 < 8 || start + ifd0 + 2 > end) {
      return 0;
    }
    int entries = start + (int) ifd0;
    int count = u16(b, entries, littleEndian);
    for (int i = 0; i < count; i++) {
      int entry = entries + 2 + i * 12;
      if (entry + 12 > end) {
        return 0;
      }
      if (u16(b, entry, littleEndian) == TAG_ORIENTATION) {
        if (u16(b, entry + 2, littleEndian) != TYPE_SHORT) {
          return 0;
        }
        int value =
            u16(b, entry + 8, littleEndian); // a single SHORT sits left-aligned in the value
        return value >= 1 && value <= 8 ? value : 0;
      }
    }
    return 0;
  }

  private static int u16(byte[] b, int at, boolean littleEndian) {
    int hi = b[at] & 0xFF;
    int lo = b[at + 1] & 0xFF;
    return littleEndian ? (lo << 8) | hi : (hi << 8) | lo;
  }

  private static long u32(byte[] b, int at, boolean littleEndian) {
    long a = u16(b, at, littleEndian);
    long c = u16(b, at + 2, littleEndian);
    return littleEndian ? (c << 16) | a : (a << 16) | c;
  }
}
