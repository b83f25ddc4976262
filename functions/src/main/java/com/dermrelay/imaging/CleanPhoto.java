package com.dermrelay.imaging;

/**
 * The copy to store: a JPEG re-encoded from the pixels alone, oriented, with no EXIF, GPS, XMP,
 * ICC, comments or maker notes. Its JFIF header carries nothing but the version and pixel density.
 *
 * @param perceptualHash 64-bit difference hash of the picture, for the duplicate check across a
 *     case's views; compare with {@link #distance(long, long)}
 * @param thumbnailJpeg a small JPEG of the same picture (long side {@link
 *     PhotoLimits#thumbnailLongSide()}), equally free of metadata, for worklists
 */
public record CleanPhoto(
    byte[] jpeg, int width, int height, long perceptualHash, byte[] thumbnailJpeg) {

  /** How many of the 64 hash bits differ: about 0-8 for the same photo, about 32 for unrelated. */
  public static int distance(long hashA, long hashB) {
    return Long.bitCount(hashA ^ hashB);
  }
}
