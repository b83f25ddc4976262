package com.dermrelay.fhir.delivery;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.tenancy.TenantDirectory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

/**
 * The hand-off from the case workflow (DeliverAnswer) to EHR delivery: for a clinic with an EHR
 * endpoint, the round's delivery record (PENDING) and one execution of the delivery workflow, named
 * after the round so a retried step never starts two. A clinic without an endpoint costs nothing
 * here: its configuration is the cached one the step's tenant context was built from.
 */
public final class StartEhrDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(StartEhrDelivery.class);

  /** Step Functions' limit on execution names. */
  static final int MAX_NAME = 80;

  private final TenantDirectory directory;
  private final EhrDeliveryStore deliveries;
  private final SfnClient stepFunctions;
  private final EhrSettings settings;

  @Inject
  public StartEhrDelivery(
      TenantDirectory directory,
      EhrDeliveryStore deliveries,
      SfnClient stepFunctions,
      EhrSettings settings) {
    this.directory = directory;
    this.deliveries = deliveries;
    this.stepFunctions = stepFunctions;
    this.settings = settings;
  }

  /** Starts the round's delivery if the clinic has an endpoint; returns whether it does. */
  public boolean run(TenantContext tenant, String caseId, int round) {
    if (directory.find(tenant.tenantId()).flatMap(EhrEndpoint::of).isEmpty()) {
      return false;
    }
    deliveries.createPending(tenant, caseId, round);
    String input =
        "{\"tenantId\":\""
            + tenant.tenantId()
            + "\",\"caseId\":\""
            + caseId
            + "\",\"round\":"
            + round
            + "}";
    try {
      stepFunctions.startExecution(
          r ->
              r.stateMachineArn(settings.workflowArn())
                  .name(executionName(tenant.tenantId(), caseId, round))
                  .input(input));
    } catch (ExecutionAlreadyExistsException e) {
      // A closed execution of the same name: this round was handed off before (a retried step).
      LOG.info("EHR delivery already started for this round");
    }
    return true;
  }

  /**
   * {@code ehr-<tenant>-<case>-<round>}, or when that would pass 80 characters (long clinic ids)
   * {@code ehr-<sha-256 of it, 40 hex>-<round>}: the same round always gets the same name.
   */
  static String executionName(String tenantId, String caseId, int round) {
    String name = "ehr-" + tenantId + "-" + caseId + "-" + round;
    if (name.length() <= MAX_NAME) {
      return name;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((tenantId + "/" + caseId).getBytes(StandardCharsets.UTF_8));
      return "ehr-" + HexFormat.of().formatHex(digest).substring(0, 40) + "-" + round;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
