package com.dermrelay.review.workflow;

/**
 * A workflow step was given a case its tenant does not have. The message holds no ids: it reaches
 * the execution history as the error's cause, and the class name is the error.
 */
public final class CaseNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CaseNotFoundException() {
    super("the case of this workflow step does not exist");
  }
}
