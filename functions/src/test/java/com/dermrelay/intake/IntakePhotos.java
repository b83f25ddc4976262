package com.dermrelay.intake;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What intake's tests do to photos beyond the shared ones of {@link com.dermrelay.testing.Photos}:
 * a JPEG carrying GPS tags, and a byte search to prove the tags are gone.
 */
public final class IntakePhotos {
  private IntakePhotos() {}

  /** The JPEG with an EXIF APP1 segment right after SOI holding a GPS IFD with a latitude. */
  static byte[] withGps(byte[] jpeg) {
    ByteBuffer tiff = ByteBuffer.allocate(64);
    tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
    // IFD0 at 8: one entry, GPSInfo (0x8825) LONG pointing at the GPS IFD at 26.
    tiff.putShort((short) 1)
        .putShort((short) 0x8825)
        .putShort((short) 4)
        .putInt(1)
        .putInt(26)
        .putInt(0);
    // GPS IFD at 26: GPSLatitudeRef 'N', then no next IFD.
    tiff.putShort((short) 1)
        .putShort((short) 0x0001)
        .putShort((short) 2)
        .putInt(2)
        .put(new byte[] {'N', 0, 0, 0})
        .putInt(0);
    byte[] tiffBytes = new byte[tiff.position()];
    tiff.flip().get(tiffBytes);
    byte[] payload = new byte[6 + tiffBytes.length];
    System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, payload, 0, 6);
    System.arraycopy(tiffBytes, 0, payload, 6, tiffBytes.length);
    int length = payload.length + 2;
    byte[] out = new byte[jpeg.length + 2 + length];
    out[0] = (byte) 0xFF;
    out[1] = (byte) 0xD8;
    out[2] = (byte) 0xFF;
    out[3] = (byte) 0xE1;
    out[4] = (byte) (length >> 8);
    out[5] = (byte) length;
    System.arraycopy(payload, 0, out, 6, payload.length);
    System.arraycopy(jpeg, 2, out, 6 + payload.length, jpeg.length - 2);
    return out;
  }

  static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
