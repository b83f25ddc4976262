package com.dermrelay.imaging;

/**
 * Everything a photo check can say, with the stable code clients and records use, how serious it
 * is, and the advice shown to the patient. The advice is written for a worried person holding a
 * phone: what happened, then what to do, in plain words.
 */
public enum FindingCode {
  FILE_TOO_LARGE(
      "file_too_large",
      Verdict.REJECTED,
      "This file is too large for us to receive. Please send the photo as it came from your phone's"
          + " camera, not an enlarged or edited copy."),
  NOT_A_PHOTO(
      "not_a_photo",
      Verdict.REJECTED,
      "We could not open this file as a photo. Please send a photo taken with your phone's camera,"
          + " saved as JPEG, PNG or WebP."),
  HEIC_NOT_SUPPORTED(
      "heic_not_supported",
      Verdict.REJECTED,
      "This photo is in the iPhone's High Efficiency (HEIC) format, which we cannot open yet."
          + " Choosing the photo with the upload button on this page usually converts it for you."
          + " Or, on an iPhone, go to Settings > Camera > Formats, choose Most Compatible, and take"
          + " the photo again. A screenshot of the photo also works."),
  DAMAGED(
      "damaged",
      Verdict.REJECTED,
      "This photo seems to be damaged, or it did not arrive completely. Please try sending it"
          + " again. If that does not help, take a new photo."),
  TOO_MANY_PIXELS(
      "too_many_pixels",
      Verdict.REJECTED,
      "This picture is far larger than a phone photo, so we cannot check it. Please send the"
          + " photo as it came from your phone's camera."),
  TOO_SMALL(
      "too_small",
      Verdict.REJECTED,
      "This photo is too small for a doctor to see any detail. Please send the original photo"
          + " from your camera, not a small preview or a cropped copy."),
  LOW_RESOLUTION(
      "low_resolution",
      Verdict.RETAKE_ADVISED,
      "This photo has less detail than a doctor needs for a close look. Please take it again with"
          + " your phone's main camera, without zooming in, and send the original photo."),
  BLURRY(
      "blurry",
      Verdict.RETAKE_ADVISED,
      "The photo looks blurry. Hold the phone still, tap the skin on the screen to focus, and try"
          + " again in good light."),
  SLIGHTLY_BLURRY(
      "slightly_blurry",
      Verdict.ACCEPTED_WITH_WARNINGS,
      "The photo looks a little soft. If you can, hold the phone still, tap the skin on the screen"
          + " to focus, and take it again."),
  TOO_DARK(
      "too_dark",
      Verdict.RETAKE_ADVISED,
      "The photo is too dark to see the skin clearly. Please take it again near a window in"
          + " daylight, or turn on more lights, and keep bright lights out of the background."),
  DARK(
      "dark",
      Verdict.ACCEPTED_WITH_WARNINGS,
      "The photo is a little dark. If you can, take it again in brighter light, for example near a"
          + " window during the day."),
  TOO_BRIGHT(
      "too_bright",
      Verdict.RETAKE_ADVISED,
      "The photo is too bright, so the skin looks washed out. Please move out of direct sunlight"
          + " or turn off the flash, and try again."),
  BLOWN_HIGHLIGHTS(
      "blown_highlights",
      Verdict.RETAKE_ADVISED,
      "A large part of the photo is pure white, so the skin there cannot be seen. Please turn off the"
          + " flash, move out of direct sunlight or away from a bright lamp, and take it again."),
  CRUSHED_SHADOWS(
      "crushed_shadows",
      Verdict.RETAKE_ADVISED,
      "A large part of the photo is completely black, so the skin there cannot be seen. Please take"
          + " it again with the light falling on the skin, for example facing a window, and with no"
          + " bright light or window behind it."),
  BRIGHT_PATCHES(
      "bright_patches",
      Verdict.ACCEPTED_WITH_WARNINGS,
      "Some parts of the photo are so bright that the detail is lost. Try turning off the flash,"
          + " or move away from a lamp or direct sunlight."),
  DARK_PATCHES(
      "dark_patches",
      Verdict.ACCEPTED_WITH_WARNINGS,
      "Parts of the photo are in deep shadow. Try turning so the light falls on the skin, or add"
          + " a lamp."),
  MOSTLY_PLAIN(
      "mostly_plain",
      Verdict.ACCEPTED_WITH_WARNINGS,
      "Most of this close-up looks plain, and we could not find much detail. Move the phone closer"
          + " so the skin problem fills most of the screen, and tap it to focus."),
  OFF_CENTRE(
      "off_centre",
      Verdict.ACCEPTED_WITH_WARNINGS,
      "The skin problem seems to be near the edge of the photo. Please put it in the middle of"
          + " the screen, with a little normal skin around it.");

  private final String code;
  private final Verdict verdict;
  private final String advice;

  FindingCode(String code, Verdict verdict, String advice) {
    this.code = code;
    this.verdict = verdict;
    this.advice = advice;
  }

  /** Stable identifier: stored with the photo record and sent to clients. Never rename. */
  public String code() {
    return code;
  }

  public Verdict verdict() {
    return verdict;
  }

  public String advice() {
    return advice;
  }
}
