package com.dermrelay.imaging;

/**
 * The copy to store: a JPEG with no EXIF data but the orientation, no GPS, XMP, ICC, comments or
 * maker notes. Either the upload's own compressed data with its metadata cut out, behind a minimal
 * JFIF header or, for a photo stored sideways, a minimal EXIF header holding only the Orientation
 * tag (viewers turn it); or a JPEG re-encoded from the oriented pixels with a bare JFIF header.
 *
 * @param width the photo's width as shown (after the orientation, if it carries one)
 * @param height see {@code width}
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
