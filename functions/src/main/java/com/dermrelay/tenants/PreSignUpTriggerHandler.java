package com.dermrelay.tenants;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user pool's pre-sign-up trigger. Cognito calls it before it creates any account and turns an
 * exception into {@code UserLambdaValidationException: PreSignUp failed with error <message>},
 * creating nothing.
 *
 * <ul>
 *   <li>{@code PreSignUp_SignUp} (a patient signing up in a clinic's portal): {@link
 *       PatientSignUpGuard} decides, from the attributes and the clinic named in {@code
 *       clientMetadata}.
 *   <li>{@code PreSignUp_AdminCreateUser}: accounts our functions create with the IAM-signed admin
 *       API (a clinic's first admin, an invited dermatologist); they set the attributes themselves,
 *       so they pass unchanged.
 *   <li>Anything else (federated sign-in, which the pool does not offer): refused.
 * </ul>
 *
 * The event is taken as a plain map (the events library's Cognito classes are not in the jar); it
 * goes back unchanged, so Cognito neither auto-confirms nor auto-verifies anyone.
 */
public final class PreSignUpTriggerHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final Logger LOG = LoggerFactory.getLogger(PreSignUpTriggerHandler.class);
  static final String SELF_SIGN_UP = "PreSignUp_SignUp";
  static final String ADMIN_CREATE_USER = "PreSignUp_AdminCreateUser";

  private final PatientSignUpGuard guard;

  public PreSignUpTriggerHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public PreSignUpTriggerHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  PreSignUpTriggerHandler(FunctionsComponent component) {
    this.guard = component.patientSignUpGuard();
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    String source = String.valueOf(event.get("triggerSource"));
    if (ADMIN_CREATE_USER.equals(source)) {
      return event;
    }
    if (!SELF_SIGN_UP.equals(source)) {
      throw new PatientSignUpGuard.SignUpRefused("This sign-up path is not offered.");
    }
    try {
      String tenantId =
          guard.check(
              TriggerEvents.requestMap(event, "userAttributes"),
              TriggerEvents.requestMap(event, "clientMetadata"));
      LOG.info("self sign-up admitted for clinic {}", tenantId);
      return event;
    } catch (PatientSignUpGuard.SignUpRefused e) {
      LOG.info("self sign-up refused: {}", e.getMessage());
      throw e;
    } catch (RuntimeException e) {
      // Cognito shows the message to the browser: never an internal one.
      LOG.error("pre-sign-up check failed", e);
      throw new IllegalStateException("Sign-up is unavailable right now; please try again later.");
    }
  }
}
