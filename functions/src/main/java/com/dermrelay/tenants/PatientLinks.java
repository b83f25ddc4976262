package com.dermrelay.tenants;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.TenantTable;
import com.dermrelay.core.tenancy.TenantKeys;
import javax.inject.Inject;

/**
 * The link of a confirmed self sign-up to its clinic ({@link PatientLinkItem}), kept in the table
 * so that it survives Cognito refusing the admin calls that copy it onto the account: the API
 * admits the patient by it (core.access.AccessControl) until their token carries the clinic.
 */
public final class PatientLinks {
  private final TenantTable<PatientLinkItem> items;

  @Inject
  public PatientLinks(SingleTable table) {
    this.items = table.tenantTable(PatientLinkItem.SCHEMA);
  }

  /** Records the link of {@code patient}'s subject to its clinic; a retry leaves it as it is. */
  public void keep(TenantContext patient) {
    items.putIfAbsent(
        patient,
        ItemKey.inTenant(TenantKeys.PATIENT_LINK_PREFIX + patient.subject()),
        new PatientLinkItem(patient.requestTime().toString()));
  }
}
