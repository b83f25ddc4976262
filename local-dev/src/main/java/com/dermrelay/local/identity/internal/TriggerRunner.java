package com.dermrelay.local.identity.internal;

import com.dermrelay.local.identity.IdentityException;
import com.dermrelay.local.identity.UserPoolTrigger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the events Cognito sends its user-pool Lambda triggers and turns a trigger's failure into
 * Cognito's error. Pre sign-up runs before anything is created; post confirmation after the account
 * is confirmed, so its failure leaves the account confirmed, as on AWS.
 */
public final class TriggerRunner {
  /** Cognito's value of {@code callerContext.clientId} for the IAM-signed admin calls. */
  public static final String NO_CLIENT = "CLIENT_ID_NOT_APPLICABLE";

  private final String region;
  private final String userPoolId;

  public TriggerRunner(String region, String userPoolId) {
    this.region = region;
    this.userPoolId = userPoolId;
  }

  public void preSignUp(
      UserPoolTrigger trigger,
      String source,
      String username,
      Map<String, String> attributes,
      Map<String, String> clientMetadata,
      String clientId) {
    if (trigger == null) {
      return;
    }
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("userAttributes", new LinkedHashMap<>(attributes));
    request.put("validationData", null);
    request.put(
        "clientMetadata", new LinkedHashMap<>(clientMetadata == null ? Map.of() : clientMetadata));
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("autoConfirmUser", false);
    response.put("autoVerifyEmail", false);
    response.put("autoVerifyPhone", false);
    run(trigger, "PreSignUp", event(source, username, clientId, request, response));
  }

  public void postConfirmation(
      UserPoolTrigger trigger,
      String source,
      String username,
      Map<String, String> attributes,
      Map<String, String> clientMetadata,
      String clientId) {
    if (trigger == null) {
      return;
    }
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("userAttributes", new LinkedHashMap<>(attributes));
    request.put(
        "clientMetadata", new LinkedHashMap<>(clientMetadata == null ? Map.of() : clientMetadata));
    run(
        trigger,
        "PostConfirmation",
        event(source, username, clientId, request, new LinkedHashMap<>()));
  }

  private Map<String, Object> event(
      String source,
      String username,
      String clientId,
      Map<String, Object> request,
      Map<String, Object> response) {
    Map<String, Object> callerContext = new LinkedHashMap<>();
    callerContext.put("awsSdkVersion", "local");
    callerContext.put("clientId", clientId == null ? NO_CLIENT : clientId);
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("version", "1");
    event.put("region", region);
    event.put("userPoolId", userPoolId);
    event.put("userName", username);
    event.put("callerContext", callerContext);
    event.put("triggerSource", source);
    event.put("request", request);
    event.put("response", response);
    return event;
  }

  /**
   * A function error becomes {@code UserLambdaValidationException} with the function's message
   * after Cognito's prefix; a trigger that cannot run becomes {@code UnexpectedLambdaException}.
   */
  private static void run(UserPoolTrigger trigger, String name, Map<String, Object> event) {
    try {
      trigger.invoke(event);
    } catch (UserPoolTrigger.Failed e) {
      throw new IdentityException(
          IdentityException.USER_LAMBDA_VALIDATION, name + " failed with error " + e.getMessage());
    } catch (RuntimeException e) {
      throw new IdentityException(
          IdentityException.UNEXPECTED_LAMBDA,
          name + " invocation failed due to error " + e.getClass().getSimpleName());
    }
  }
}
