package com.dermrelay.quality;

import com.dermrelay.cases.CaseAnswer;
import com.dermrelay.cases.CaseExchangeItems;
import com.dermrelay.cases.ManagementCategory;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.tenancy.ClinicAlerts;
import com.dermrelay.metering.UsageKind;
import com.dermrelay.metering.UsageMeter;
import com.dermrelay.quality.figures.QualityEvents;
import java.util.Objects;
import java.util.Optional;
import javax.inject.Inject;

/**
 * The second-read workflow's CompareSecondRead step: the round's first answer as it was sent and
 * the second read, compared by diagnosis group and management category. When the first answer's
 * category is less urgent than the second read's (an unsafe disagreement) the case is flagged (the
 * item's flagged list) and the clinic's medical leads are mailed, by case id and link only. The
 * comparison is written before the mail: a retry after the write mails nobody twice. The read is
 * metered ({@link UsageKind#SECOND_READ}) before the comparison is written, so a retry after a
 * crash between the two still counts it, once; so are the concordance tables' cells
 * (QualityEvents).
 */
public final class CompareSecondRead {
  static final String ALERT_SUBJECT = "A second read disagrees: please review a case";
  static final String ALERT_TEXT =
      "A second read of a case at your clinic judged it more urgent than the answer the patient"
          + " was sent. Please review the case and, if needed, amend the answer.";

  private final SecondReadStore store;
  private final CaseExchangeItems exchanges;
  private final DiagnosisGroups groups;
  private final ClinicAlerts alerts;
  private final UsageMeter meter;
  private final QualityEvents quality;

  @Inject
  public CompareSecondRead(
      SecondReadStore store,
      CaseExchangeItems exchanges,
      DiagnosisGroups groups,
      ClinicAlerts alerts,
      UsageMeter meter,
      QualityEvents quality) {
    this.store = store;
    this.exchanges = exchanges;
    this.groups = groups;
    this.alerts = alerts;
    this.meter = meter;
    this.quality = quality;
  }

  /** Returns whether the disagreement is unsafe. */
  public boolean run(TenantContext tenant, String caseId, int round) {
    SecondReadStore.Stored stored =
        store
            .find(tenant, caseId, round)
            .orElseThrow(() -> new IllegalStateException("no second read for the round"));
    SecondRead read = stored.read();
    if (SecondRead.COMPARED.equals(read.status())) {
      return read.flagged();
    }
    if (!SecondRead.READ.equals(read.status())) {
      throw new IllegalStateException("the second read has not been read");
    }
    // Stored answer rounds count from 0; the second read's round is the API's (from 1).
    CaseAnswer first =
        exchanges
            .get(tenant, CaseExchangeItems.key(caseId, "ANSWER", round - 1), CaseAnswer.class)
            .map(CaseExchangeItems.Stored::document)
            .orElseThrow(() -> new IllegalStateException("the round's answer is not stored"));
    String firstCode = first.content().diagnosis().code();
    String firstManagement = first.content().management();
    String secondManagement = read.secondRead().management();
    Optional<String> firstGroup = groups.groupOf(firstCode);
    boolean diagnosisAgrees =
        firstCode.equals(read.secondRead().diagnosisCode())
            || (firstGroup.isPresent()
                && firstGroup.equals(groups.groupOf(read.secondRead().diagnosisCode())));
    boolean unsafe =
        firstManagement != null
            && ManagementCategory.of(firstManagement)
                .flatMap(f -> ManagementCategory.of(secondManagement).map(f::lessUrgentThan))
                .orElse(false);
    SecondRead compared =
        read.compared(
            new SecondRead.Comparison(
                firstCode,
                firstManagement,
                diagnosisAgrees,
                Objects.equals(firstManagement, secondManagement),
                unsafe,
                tenant.requestTime().toString()));
    meter.record(tenant, UsageKind.SECOND_READ, caseId + "/" + round, tenant.requestTime());
    // One cell of the concordance tables, counted once like the meter, before the comparison.
    quality.secondReadCompared(
        tenant,
        caseId,
        round,
        read.firstReaderId(),
        firstCode,
        read.secondRead().diagnosisCode(),
        firstManagement,
        secondManagement,
        tenant.requestTime());
    store.save(tenant, compared, stored.version());
    if (unsafe) {
      // The link lands on the flagged round's view: both reads side by side, and the amendment.
      alerts.sendToMedicalLeads(
          tenant,
          caseId,
          "flagged/" + tenant.tenantId() + "/" + caseId + "/" + round,
          ALERT_SUBJECT,
          ALERT_TEXT);
    }
    return unsafe;
  }
}
