package com.dermrelay.imaging;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * Removes every metadata segment from a JPEG without touching its compressed pixels, as {@code
 * jpegtran -copy none} does: the clean copy of a photo costs a byte copy instead of a re-encode,
 * and loses no quality.
 *
 * <p>Kept: the segments needed to decode (DQT, DHT, DRI, SOF0/1/2, SOS with its entropy-coded data,
 * EOI) and a fresh header in front: a minimal JFIF APP0 for an upright photo, or, for one whose
 * EXIF says how to turn it (phones store portrait photos sideways with orientation 6), a minimal
 * EXIF APP1 holding that Orientation tag and nothing else, so viewers (every current browser) show
 * it upright without the pixels being turned and re-encoded. The orientation says nothing about the
 * patient. Dropped: every APPn (EXIF, GPS, XMP, ICC, maker notes, the original JFIF and its
 * thumbnail), comments, and anything after the first EOI (phones append videos, depth maps or a
 * second image there). Anything this class does not know (arithmetic coding, lossless or
 * hierarchical frames, Adobe's colour-transform segment, a malformed structure) gives an empty
 * answer, and the caller re-encodes from pixels instead.
 */
final class JpegMetadataStripper {
  /** JFIF 1.01, no units, 1:1 density, no thumbnail. */
  private static final byte[] MINIMAL_JFIF = {
    (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0
  };

  private JpegMetadataStripper() {}

  /** The JPEG without metadata, shown as stored (a JFIF header). */
  static Optional<byte[]> strip(byte[] jpeg) {
    return strip(jpeg, ExifOrientation.NORMAL);
  }

  /**
   * The JPEG without metadata; an {@code orientation} of 2-8 is written back as the only EXIF tag.
   */
  static Optional<byte[]> strip(byte[] jpeg, int orientation) {
    if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
      return Optional.empty();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
    out.write(0xFF);
    out.write(0xD8);
    byte[] header =
        orientation >= 2 && orientation <= 8 ? exifOrientation(orientation) : MINIMAL_JFIF;
    out.write(header, 0, header.length);
    boolean frameSeen = false;
    int pos = 2;
    while (pos + 2 <= jpeg.length) {
      if ((jpeg[pos] & 0xFF) != 0xFF) {
        return Optional.empty();
      }
      int marker = jpeg[pos + 1] & 0xFF;
      if (marker == 0xFF) { // fill byte before a marker
        pos++;
        continue;
      }
      if (marker == 0xD9) { // EOI: the end, whatever follows
        out.write(0xFF);
        out.write(0xD9);
        return frameSeen ? Optional.of(out.toByteArray()) : Optional.empty();
      }
      if (pos + 4 > jpeg.length) {
        return Optional.empty();
      }
      int length = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
      int end = pos + 2 + length;
      if (length < 2 || end > jpeg.length) {
        return Optional.empty();
      }
      if (isMetadata(marker)) {
        pos = end;
        continue;
      }
      if (!isKept(marker)) {
        return Optional.empty();
      }
      if (marker >= 0xC0 && marker <= 0xC2) {
        frameSeen = true;
      }
      out.write(jpeg, pos, end - pos);
      pos = end;
      if (marker == 0xDA) { // entropy-coded data up to the next marker that is not RSTn
        int scanEnd = scanEnd(jpeg, pos);
        if (scanEnd < 0) {
          return Optional.empty();
        }
        out.write(jpeg, pos, scanEnd - pos);
        pos = scanEnd;
      }
    }
    return Optional.empty(); // no EOI: truncated
  }

  /**
   * An APP1 "Exif" segment whose TIFF structure (big-endian) has one IFD with one entry,
   * Orientation (0x0112, SHORT, count 1), and no next IFD. APP1 comes straight after SOI, as the
   * EXIF standard asks; no JFIF header beside it (the two standards each want to be first).
   */
  static byte[] exifOrientation(int orientation) {
    return new byte[] {
      (byte) 0xFF,
      (byte) 0xE1,
      0,
      34, // APP1, length 34 (itself included)
      'E',
      'x',
      'i',
      'f',
      0,
      0,
      'M',
      'M',
      0,
      42,
      0,
      0,
      0,
      8, // TIFF header: big-endian, IFD0 at offset 8
      0,
      1, // one entry
      0x01,
      0x12,
      0,
      3,
      0,
      0,
      0,
      1,
      0,
      (byte) orientation,
      0,
      0, // Orientation, SHORT, 1 value
      0,
      0,
      0,
      0 // no next IFD
    };
  }

  /** APP0-APP13, APP15 and comments; APP14 (Adobe) changes how colours decode, so it is not. */
  private static boolean isMetadata(int marker) {
    return (marker >= 0xE0 && marker <= 0xEF && marker != 0xEE) || marker == 0xFE;
  }

  /** DQT, DHT, DRI, SOS and the Huffman-coded frames the decoders here read. */
  private static boolean isKept(int marker) {
    return marker == 0xDB
        || marker == 0xC4
        || marker == 0xDD
        || marker == 0xDA
        || (marker >= 0xC0 && marker <= 0xC2);
  }

  /** The position of the marker ending the scan that starts at {@code pos}, or -1. */
  private static int scanEnd(byte[] b, int pos) {
    for (int i = pos; i + 1 < b.length; i++) {
      if ((b[i] & 0xFF) != 0xFF) {
        continue;
      }
      int next = b[i + 1] & 0xFF;
      if (next == 0x00 || (next >= 0xD0 && next <= 0xD7) || next == 0xFF) {
        // stuffed 0xFF, a restart marker, or fill: still inside the scan
        if (next != 0xFF) {
          i++;
        }
        continue;
      }
      return i;
    }
    return -1;
  }
}
