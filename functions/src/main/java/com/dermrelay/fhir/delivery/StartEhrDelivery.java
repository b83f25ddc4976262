package com.dermrelay.fhir.delivery;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.tenancy.TenantDirectory;
import com.dermrelay.core.workflow.RoundExecutionNames;
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

  /** {@code ehr-<tenant>-<case>-<round>}, hashed when long: the same round, the same name. */
  static String executionName(String tenantId, String caseId, int round) {
    return RoundExecutionNames.of("ehr", tenantId, caseId, round);
  }
}
