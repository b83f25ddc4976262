package com.dermrelay.local;

import com.dermrelay.local.functions.FunctionClocks;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment the in-process functions run with locally: what infrastructure's CDK sets on AWS
 * (table, bucket, state machine ARNs, user pool), with each AWS service's endpoint pointing at its
 * emulator through the SDKs' own {@code AWS_ENDPOINT_URL_<SERVICE_ID>} variables.
 */
final class FunctionEnvironment {
  private FunctionEnvironment() {}

  /**
   * @param endpoints each emulated service's URL by its SDK service id (e.g. {@code DYNAMODB})
   * @param clockName the stack's clock, registered with {@link FunctionClocks}
   */
  static Map<String, String> local(
      LocalStackConfig config,
      String clockName,
      Map<String, String> endpoints,
      String userPoolId,
      String portalClientId) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_REGION", LocalStackConfig.REGION);
    env.put("AWS_ACCESS_KEY_ID", LocalStackConfig.ACCESS_KEY);
    env.put("AWS_SECRET_ACCESS_KEY", LocalStackConfig.SECRET_KEY);
    endpoints.forEach((service, url) -> env.put("AWS_ENDPOINT_URL_" + service, url));
    env.put("DERMRELAY_TABLE", LocalStackConfig.TABLE);
    env.put("DERMRELAY_MEDIA_BUCKET", LocalStackConfig.MEDIA_BUCKET);
    for (LocalWorkflow workflow : LocalWorkflow.values()) {
      env.put(workflow.arnVariable(), workflow.stateMachineArn());
    }
    env.put("DERMRELAY_EHR_SECRET_PREFIX", "dermrelay/local/tenants/");
    env.put("DERMRELAY_USER_POOL_ID", userPoolId);
    env.put("DERMRELAY_PORTAL_CLIENT_ID", portalClientId);
    env.put("DERMRELAY_VERSION", "local");
    // s3proxy has no object tagging: draft photos expire by tag on AWS only (uploads.DraftMedia).
    env.put("DERMRELAY_DRAFT_MEDIA_TAGS", "false");
    // Nor for the EHR media copies (fhir.media.EhrMediaCopies); their links name the gateway.
    env.put("DERMRELAY_EHR_MEDIA_TAGS", "false");
    env.put("DERMRELAY_PORTAL_URL", config.portalOrigins().get(0));
    env.put(FunctionClocks.ENVIRONMENT, clockName);
    env.put("POWERTOOLS_SERVICE_NAME", "dermrelay");
    env.put("AWS_EMF_ENVIRONMENT", "Local");
    return Map.copyOf(env);
  }
}
