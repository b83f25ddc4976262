package com.dermrelay.imaging;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * An upload's real format, told by its first bytes only: a file name or a declared content type is
 * what the client says, the magic bytes are what the file is.
 */
public enum PhotoFormat {
  JPEG,
  PNG,
  WEBP,
  /** HEIC/HEIF (iPhone default): recognised so the patient gets specific help; not decoded. */
  HEIC,
  UNKNOWN;

  /** ISO base media "ftyp" major brands of HEIF images and sequences (HEVC-coded or generic). */
  private static final Set<String> HEIF_BRANDS =
      Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1");

  public boolean decodable() {
    return this == JPEG || this == PNG || this == WEBP;
  }

  public static PhotoFormat sniff(byte[] bytes) {
    if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
      return JPEG;
    }
    if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return PNG;
    }
    if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
      return WEBP;
    }
    if (startsWith(bytes, 4, 'f', 't', 'y', 'p')
        && bytes.length >= 12
        && HEIF_BRANDS.contains(new String(bytes, 8, 4, StandardCharsets.ISO_8859_1))) {
      return HEIC;
    }
    return UNKNOWN;
  }

  private static boolean startsWith(byte[] bytes, int offset, int... expected) {
    if (bytes.length < offset + expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((bytes[offset + i] & 0xFF) != expected[i]) {
        return false;
      }
    }
    return true;
  }
}
