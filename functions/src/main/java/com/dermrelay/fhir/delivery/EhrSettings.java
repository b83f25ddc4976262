package com.dermrelay.fhir.delivery;

import com.dermrelay.core.config.Settings;
import javax.inject.Inject;

/**
 * EHR delivery's settings, from the same environment as {@link Settings}: the delivery workflow's
 * ARN and the deployment stage that names each clinic's secret
 * ({@code dermrelay/<stage>/tenants/<tenantId>/ehr}).
 */
public final class EhrSettings {
  public static final String WORKFLOW_ARN = "DERMRELAY_EHR_WORKFLOW_ARN";
  public static final String STAGE = "DERMRELAY_STAGE";

  private final Settings settings;

  @Inject
  public EhrSettings(Settings settings) {
    this.settings = settings;
  }

  public String workflowArn() {
    return settings.environment().getOrDefault(WORKFLOW_ARN,
        "arn:aws:states:us-east-1:000000000000:stateMachine:dermrelay-ehr-delivery");
  }

  public String stage() {
    String stage = settings.environment().get(STAGE);
    return stage == null || stage.isBlank() ? "local" : stage;
  }

  /** The name of the clinic's EHR secret in Secrets Manager. */
  public String secretName(String tenantId) {
    return "dermrelay/" + stage() + "/tenants/" + tenantId + "/ehr";
  }
}
