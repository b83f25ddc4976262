package com.dermrelay.uploads;

import com.dermrelay.core.access.TenantContext;

/**
 * Object keys of a case's photos, always under the acting tenant's prefix {@code <tenantId>/}
 * (the tenant id cannot contain '/', the case and photo ids are UUIDs we made).
 */
final class MediaKeys {
  private MediaKeys() {}

  static String raw(TenantContext tenant, String caseId, String photoId) {
    return tenant.tenantId() + "/cases/" + caseId + "/raw/" + photoId;
  }

  static String clean(TenantContext tenant, String caseId, String photoId) {
    return tenant.tenantId() + "/cases/" + caseId + "/clean/" + photoId + ".jpg";
  }
}
