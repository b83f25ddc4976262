package com.dermrelay.datarights;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.aws.CognitoAdmin;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.TenantTable;
import com.dermrelay.core.tenancy.TenantKeys;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/**
 * A patient asks for their data to be erased (docs/data-rights.md). Contact and account data go:
 * the account's name and contact attributes are overwritten and the account is disabled, so no one
 * can sign in as them again, and the tokens it still holds are refused from the erasure item on.
 * Clinical records and the audit trail stay for the clinic's retention period, because
 * medical-record law obliges the clinic to keep them; the answer says so. The request itself is
 * recorded (an erasure item and an audit record, neither holding contact data), and repeating it
 * answers the same.
 */
public final class RequestErasure {
  private static final String ERASED_NAME = "Erased";

  private final CognitoAdmin cognito;
  private final TenantTable<ErasureItem> erasures;
  private final AuditTrail audit;

  @Inject
  public RequestErasure(CognitoAdmin cognito, SingleTable table, AuditTrail audit) {
    this.cognito = cognito;
    this.erasures = table.tenantTable(ErasureItem.SCHEMA);
    this.audit = audit;
  }

  public ErasureResult run(TenantContext tenant, String username) {
    String subject = tenant.subject();
    LocalDate keptUntil =
        tenant
            .requestTime()
            .atZone(ZoneOffset.UTC)
            .toLocalDate()
            .plusYears(tenant.retentionYears());
    // Written first: from this item on, the access layer refuses every token of the account
    // (TenantDirectory#accountClosed), even if the identity pool below fails and a retry is needed.
    erasures.putIfAbsent(
        tenant,
        ItemKey.inTenant(TenantKeys.ERASURE_PREFIX + subject),
        new ErasureItem(tenant.requestTime().toString(), keptUntil.toString()));
    // The pool holds name, e-mail and the clinic id (PortalUserPool): the first two are
    // overwritten, the clinic id stays (it is not contact data and keeps the account in its
    // clinic).
    cognito
        .getUser(username)
        .ifPresent(
            user -> {
              cognito.updateAttributes(
                  user.username(),
                  Map.of(
                      "name",
                      ERASED_NAME,
                      // An address is required by the pool: one that reaches no one and names no
                      // one.
                      "email",
                      "erased-" + subject + "@erased.invalid",
                      "email_verified",
                      "false"));
              cognito.disableUser(user.username());
            });
    audit.wrote(tenant, "data.erasure", AuditResource.ofPatient("account", subject, subject));
    String years = tenant.retentionYears() + " years";
    return new ErasureResult(
        "ERASED",
        List.of(
            "your name, e-mail address and other contact details on your account",
            "your sign-in: the account is disabled"),
        List.of(
            new ErasureResult.Kept(
                "your consultations: questions, answers, photos and the"
                    + " dermatologist's assessments",
                "Medical-record law obliges the clinic to keep clinical records for "
                    + years
                    + " after they are made (HIPAA and state rules in the US, national rules"
                    + " elsewhere); erasure rights do not override that duty. They are deleted"
                    + " when the period ends.",
                keptUntil.toString()),
            new ErasureResult.Kept(
                "the record of who opened your data and when (audit trail)",
                "Kept for the same period so that every access to your record stays accountable;"
                    + " it holds names of staff, not your contact details.",
                keptUntil.toString())));
  }
}
