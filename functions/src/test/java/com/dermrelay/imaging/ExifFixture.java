package com.dermrelay.imaging;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds an APP1 "Exif" segment by hand, as a phone writes one: IFD0 with Make, Orientation and a
 * pointer to a GPS IFD holding latitude and longitude.
 */
final class ExifFixture {
  static final String CAMERA_MAKE = "SecretCam";

  /** The latitude seconds as a rational, 51 deg 30 min 12.3456 s: bytes easy to search for. */
  static final int LATITUDE_SECONDS_NUMERATOR = 123456;

  private ExifFixture() {}

  static byte[] app1(int orientation, ByteOrder order) {
    ByteBuffer tiff = ByteBuffer.allocate(200).order(order);
    tiff.put(order == ByteOrder.LITTLE_ENDIAN ? new byte[] {'I', 'I'} : new byte[] {'M', 'M'});
    tiff.putShort((short) 42).putInt(8);
    // IFD0 at 8: three entries, then the next-IFD offset. Values follow from offset 50.
    int makeOffset = 8 + 2 + 3 * 12 + 4;
    byte[] make = (CAMERA_MAKE + "\0").getBytes(StandardCharsets.US_ASCII);
    int gpsIfd = makeOffset + make.length + (make.length % 2);
    tiff.putShort((short) 3);
    entry(tiff, 0x010F, 2, make.length, makeOffset); // Make, ASCII
    tiff.putShort((short) 0x0112)
        .putShort((short) 3)
        .putInt(1) // Orientation, SHORT
        .putShort((short) orientation)
        .putShort((short) 0);
    entry(tiff, 0x8825, 4, 1, gpsIfd); // GPS IFD pointer, LONG
    tiff.putInt(0);
    tiff.put(make);
    if (make.length % 2 == 1) {
      tiff.put((byte) 0);
    }
    // GPS IFD: LatitudeRef "N", Latitude 3 rationals.
    int latitudeOffset = gpsIfd + 2 + 2 * 12 + 4;
    tiff.putShort((short) 2);
    tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
    entry(tiff, 0x0002, 5, 3, latitudeOffset);
    tiff.putInt(0);
    tiff.putInt(51).putInt(1).putInt(30).putInt(1).putInt(LATITUDE_SECONDS_NUMERATOR).putInt(10000);

    ByteBuffer payload = ByteBuffer.allocate(6 + tiff.position());
    payload.put(new byte[] {'E', 'x', 'i', 'f', 0, 0}).put(tiff.array(), 0, tiff.position());
    return TestPhotos.segment(0xE1, payload.array());
  }

  /** The latitude seconds rational as it appears in the file. */
  static byte[] latitudeSecondsBytes(ByteOrder order) {
    return ByteBuffer.allocate(8)
        .order(order)
        .putInt(LATITUDE_SECONDS_NUMERATOR)
        .putInt(10000)
        .array();
  }

  private static void entry(ByteBuffer b, int tag, int type, int count, int valueOrOffset) {
    b.putShort((short) tag).putShort((short) type).putInt(count).putInt(valueOrOffset);
  }
}
