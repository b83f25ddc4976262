package com.dermrelay.fhir.delivery;

import com.dermrelay.core.config.Settings;
import javax.inject.Inject;

/**
 * EHR delivery's settings, from the same environment as {@link Settings}: the delivery workflow's
 * ARN, the prefix that names each clinic's secret ({@code <prefix><tenantId>/ehr}, on AWS {@code
 * dermrelay/<stage>/tenants/}, the only names the functions' roles may touch) and the KMS key new
 * secrets are encrypted with. Infrastructure's {@code EhrCredentials} sets both.
 */
public final class EhrSettings {
  public static final String WORKFLOW_ARN = "DERMRELAY_EHR_WORKFLOW_ARN";
  public static final String SECRET_PREFIX = "DERMRELAY_EHR_SECRET_PREFIX";
  public static final String SECRET_KEY_ARN = "DERMRELAY_EHR_SECRET_KEY_ARN";
  private static final String LOCAL_SECRET_PREFIX = "dermrelay/local/tenants/";

  private final Settings settings;

  @Inject
  public EhrSettings(Settings settings) {
    this.settings = settings;
  }

  public String workflowArn() {
    return settings.workflowArn(WORKFLOW_ARN, "dermrelay-ehr-delivery");
  }

  /** The name of the clinic's EHR secret in Secrets Manager. */
  public String secretName(String tenantId) {
    String prefix = settings.environment().get(SECRET_PREFIX);
    return (prefix == null || prefix.isBlank() ? LOCAL_SECRET_PREFIX : prefix) + tenantId + "/ehr";
  }

  /** The KMS key a new secret is encrypted with; empty for Secrets Manager's own key (locally). */
  public java.util.Optional<String> secretKeyArn() {
    String arn = settings.environment().get(SECRET_KEY_ARN);
    return arn == null || arn.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(arn);
  }
}
