package com.dermrelay.tenants;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user pool's post-confirmation trigger. Cognito calls it after ConfirmSignUp or
 * AdminConfirmSignUp has confirmed a self sign-up ({@code PostConfirmation_ConfirmSignUp}): {@link
 * PatientEnrolment} gives the account its clinic and the patient group. A password reset ({@code
 * PostConfirmation_ConfirmForgotPassword}) changes nothing. Cognito does not call it for accounts
 * created with AdminCreateUser.
 *
 * <p>A thrown error reaches the browser as {@code PostConfirmation failed with error <message>},
 * but the account stays confirmed (Cognito confirms first): such an account has no clinic and no
 * group, so the API refuses it everything (403) until an operator links it.
 */
public final class PostConfirmationTriggerHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final Logger LOG = LoggerFactory.getLogger(PostConfirmationTriggerHandler.class);
  static final String CONFIRM_SIGN_UP = "PostConfirmation_ConfirmSignUp";

  private final PatientEnrolment enrolment;

  public PostConfirmationTriggerHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public PostConfirmationTriggerHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  PostConfirmationTriggerHandler(FunctionsComponent component) {
    this.enrolment = component.patientEnrolment();
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    if (!CONFIRM_SIGN_UP.equals(TriggerEvents.text(event, "triggerSource"))) {
      return event;
    }
    try {
      String tenantId =
          enrolment.enrol(
              TriggerEvents.text(event, "userPoolId"),
              TriggerEvents.text(event, "userName"),
              TriggerEvents.requestMap(event, "userAttributes"),
              TriggerEvents.requestMap(event, "clientMetadata"));
      LOG.info("self sign-up enrolled as a patient of clinic {}", tenantId);
      return event;
    } catch (PatientSignUpGuard.SignUpRefused e) {
      LOG.info("enrolment refused: {}", e.getMessage());
      throw e;
    } catch (RuntimeException e) {
      // Cognito shows the message to the browser: never an internal one.
      LOG.error("post-confirmation enrolment failed", e);
      throw new IllegalStateException(
          "Your account is confirmed but could not be linked to the clinic; please contact the clinic.");
    }
  }
}
