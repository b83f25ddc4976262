package com.dermrelay.research.deid;

import java.util.List;

/**
 * An image as released: its candidate and the quasi-identifiers at the export's generalisation
 * levels, in {@link QuasiIdentifier} order.
 */
public record ReleasedImage(CandidateImage image, List<String> quasiIdentifiers) {
  public ReleasedImage {
    quasiIdentifiers = List.copyOf(quasiIdentifiers);
  }

  public String value(QuasiIdentifier identifier) {
    return quasiIdentifiers.get(identifier.ordinal());
  }
}
