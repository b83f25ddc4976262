package com.dermrelay.quality;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.tenancy.TenantDirectory;
import com.dermrelay.core.tenancy.TenantRecord;
import com.dermrelay.core.workflow.RoundExecutionNames;
import com.dermrelay.quality.figures.QualityEvents;
import java.security.SecureRandom;
import java.util.List;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

/**
 * The hand-off from the case workflow (DeliverAnswer, after the patient was told) to second reads:
 * decides once whether the answered round is read twice (the draw and the reasons kept with a
 * put-if-absent) and, when it is, starts one execution of the second-read workflow named after the
 * case and round, so a retried step never starts two. A clinic without second reads costs one
 * cached configuration read and no write.
 */
public final class StartSecondRead {
  private static final Logger LOG = LoggerFactory.getLogger(StartSecondRead.class);

  /** Step Functions' limit on execution names. */
  private final TenantDirectory directory;

  private final SecondReadStore store;
  private final SfnClient stepFunctions;
  private final SecondReadSettings settings;
  private final QualityEvents quality;
  private final SecureRandom random = new SecureRandom();

  @Inject
  public StartSecondRead(
      TenantDirectory directory,
      SecondReadStore store,
      SfnClient stepFunctions,
      SecondReadSettings settings,
      QualityEvents quality) {
    this.directory = directory;
    this.store = store;
    this.stepFunctions = stepFunctions;
    this.settings = settings;
    this.quality = quality;
  }

  /**
   * What the decision needs of the answered round.
   *
   * @param round the answer round as the patient sees it (1-based)
   * @param fitzpatrickType as the first reader recorded it, else as the patient gave it; null if
   *     neither did
   * @param sevenPointScore null when the checklist was not scored
   */
  public record AnsweredRound(
      String caseId,
      int round,
      String firstReaderId,
      Integer fitzpatrickType,
      Integer sevenPointScore) {}

  /** Returns whether the round is read twice. */
  public boolean run(TenantContext tenant, AnsweredRound answered) {
    SecondReadSampling.Policy policy =
        directory
            .find(tenant.tenantId())
            .map(TenantRecord::config)
            .map(SecondReadSampling.Policy::of)
            .orElse(SecondReadSampling.Policy.NONE);
    if (policy.equals(SecondReadSampling.Policy.NONE)) {
      return false;
    }
    double draw = random.nextDouble();
    // The reader's answered cases at the clinic other than this one (DeliverAnswer counted it
    // first): one GetItem, only for a clinic with the rule.
    long readerAnswersBefore =
        policy
                .always()
                .contains(SecondReadSampling.Reason.READER_FIRST_50_CASES.rule().orElseThrow())
            ? Math.max(0, quality.answeredBy(tenant, answered.firstReaderId()) - 1)
            : 0;
    List<SecondReadSampling.Reason> reasons =
        SecondReadSampling.reasons(
            policy,
            new SecondReadSampling.Facts(
                answered.fitzpatrickType(), answered.sevenPointScore(), readerAnswersBefore, draw));
    String now = tenant.requestTime().toString();
    SecondReadStore.Stored kept =
        store.decide(
            tenant,
            new SecondRead(
                answered.caseId(),
                answered.round(),
                reasons.isEmpty() ? SecondRead.NOT_SAMPLED : SecondRead.PENDING,
                draw,
                reasons.stream().map(Enum::name).toList(),
                answered.firstReaderId(),
                now,
                null,
                null,
                null,
                null,
                null));
    if (!kept.read().sampled()) {
      return false;
    }
    String input =
        "{\"tenantId\":\""
            + tenant.tenantId()
            + "\",\"caseId\":\""
            + answered.caseId()
            + "\",\"round\":"
            + answered.round()
            + "}";
    try {
      stepFunctions.startExecution(
          r ->
              r.stateMachineArn(settings.workflowArn())
                  .name(executionName(tenant.tenantId(), answered.caseId(), answered.round()))
                  .input(input));
    } catch (ExecutionAlreadyExistsException e) {
      // A closed execution of the same name: this round was handed off before (a retried step).
      LOG.info("second read already started for this round");
    }
    return true;
  }

  /** {@code sr-<tenant>-<case>-<round>}, hashed when long: the same round, the same name. */
  static String executionName(String tenantId, String caseId, int round) {
    return RoundExecutionNames.of("sr", tenantId, caseId, round);
  }
}
