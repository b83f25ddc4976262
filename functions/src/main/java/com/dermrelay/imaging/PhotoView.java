package com.dermrelay.imaging;

/** Which of a case's photos this is; the checks expect different things of each. */
public enum PhotoView {
  /** The skin problem filling most of the frame. Required. */
  CLOSE_UP,
  /**
   * From a distance, with a landmark (elbow, navel, ...) so the dermatologist sees where it is.
   * Required.
   */
  CONTEXT,
  /** From the side, to show how raised it is. Optional. */
  OBLIQUE,
  /**
   * Through a dermatoscope (a clinic's, or an attachment on a phone): magnified, lit by the
   * dermoscope, usually a round field in a black frame. Optional; its photo carries the dermoscopy
   * facts (polarised, contact, device). Named {@code dermoscopic} in the API.
   */
  DERMOSCOPIC
}
