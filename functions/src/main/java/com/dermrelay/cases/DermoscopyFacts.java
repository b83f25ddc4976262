package com.dermrelay.cases;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a reader of a dermoscopic photo needs to know about how it was taken (the DICOM dermoscopy
 * module's light source polarisation and contact method, and the device). Any of them may be
 * unknown and left out: a patient with a phone attachment may not know whether its light is
 * polarised.
 *
 * @param polarised polarised light (true) or not (false)
 * @param contact the dermoscope touched the skin (true) or was held above it (false)
 * @param device the dermoscope's make and model as the person taking the photo gave it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DermoscopyFacts(Boolean polarised, Boolean contact, String device) {
  /** The longest device name kept. */
  public static final int DEVICE_MAX = 80;
}
