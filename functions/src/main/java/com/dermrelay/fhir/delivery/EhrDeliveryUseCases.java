package com.dermrelay.fhir.delivery;

import javax.inject.Inject;

/** The EHR delivery use cases, one component accessor for the handlers in fhir.* . */
public final class EhrDeliveryUseCases {
  public final SendToEhr send;
  public final RecordEhrFailure recordFailure;
  public final ResendToEhr resend;
  public final ListEhrDeliveries list;
  public final PutEhrCredentials putCredentials;

  @Inject
  public EhrDeliveryUseCases(
      SendToEhr send,
      RecordEhrFailure recordFailure,
      ResendToEhr resend,
      ListEhrDeliveries list,
      PutEhrCredentials putCredentials) {
    this.send = send;
    this.recordFailure = recordFailure;
    this.resend = resend;
    this.list = list;
    this.putCredentials = putCredentials;
  }
}
