package com.dermrelay.fhir.bundle;

import com.dermrelay.cases.DermoscopyFacts;
import com.dermrelay.cases.PhotoViews;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.Reference;

/**
 * How a photo was taken, in a Media: its modality as DICOM's Modality (0008,0060) names it, and a
 * dermoscopic photo's facts. R4's Media has no element for polarisation or contact (DICOM's
 * dermoscopy module has), so they go into a note in DICOM's own words; the device goes by name.
 */
final class MediaModality {
  /**
   * DICOM's controlled terminology: acquisition modalities of PS3.16 CID 33/29, {@code XC}
   * External-camera Photography for the clinical photos, {@code DMS} Dermoscopy (DICOM Supplement
   * 221, 2021: newer than the copy of the list FHIR R4 ships).
   */
  static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";

  private MediaModality() {}

  /** Sets the modality of {@code view}'s photo and, for a dermoscopic one, its facts. */
  static void describe(Media media, String view, DermoscopyFacts facts) {
    if (PhotoViews.DERMOSCOPIC.equals(view)) {
      media.setModality(
          new CodeableConcept()
              .addCoding(new Coding(DICOM, "DMS", "Dermoscopy"))
              .setText("Dermoscopy"));
      dermoscopyFacts(media, facts);
    } else {
      media.setModality(
          new CodeableConcept()
              .addCoding(new Coding(DICOM, "XC", "External-camera Photography"))
              .setText("Clinical photograph"));
    }
  }

  private static void dermoscopyFacts(Media media, DermoscopyFacts facts) {
    if (facts == null) {
      return;
    }
    if (facts.device() != null) {
      media.setDevice(new Reference().setDisplay(facts.device()));
    }
    List<String> said = new ArrayList<>();
    if (facts.polarised() != null) {
      said.add("Light source polarization: " + (facts.polarised() ? "POLARIZED" : "NON_POLARIZED"));
    }
    if (facts.contact() != null) {
      said.add("Contact method: " + (facts.contact() ? "CONTACT" : "NON_CONTACT"));
    }
    if (!said.isEmpty()) {
      media.addNote().setText(String.join("; ", said));
    }
  }
}
