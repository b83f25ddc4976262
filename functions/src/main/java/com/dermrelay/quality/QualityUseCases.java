package com.dermrelay.quality;

import javax.inject.Inject;

/** The quality programme's use cases, one component accessor for the handlers in quality.* . */
public final class QualityUseCases {
  public final OfferSecondRead offerSecondRead;
  public final EndSecondRead endSecondRead;
  public final CompareSecondRead compareSecondRead;

  @Inject
  public QualityUseCases(
      OfferSecondRead offerSecondRead,
      EndSecondRead endSecondRead,
      CompareSecondRead compareSecondRead) {
    this.offerSecondRead = offerSecondRead;
    this.endSecondRead = endSecondRead;
    this.compareSecondRead = compareSecondRead;
  }
}
