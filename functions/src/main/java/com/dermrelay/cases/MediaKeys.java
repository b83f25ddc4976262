package com.dermrelay.cases;

import com.dermrelay.core.access.TenantContext;

/**
 * Object keys of a case's photos, always under the acting tenant's prefix {@code <tenantId>/} (the
 * tenant id cannot contain '/', the case and photo ids are UUIDs we made).
 */
public final class MediaKeys {
  private MediaKeys() {}

  /** The patient's upload as sent (deleted once checked). */
  public static String raw(TenantContext tenant, String caseId, String photoId) {
    return tenant.tenantId() + "/cases/" + caseId + "/raw/" + photoId;
  }

  /** The checked copy without metadata: what dermatologists see. */
  public static String clean(TenantContext tenant, String caseId, String photoId) {
    return tenant.tenantId() + "/cases/" + caseId + "/clean/" + photoId + ".jpg";
  }

  /** The small JPEG of the clean copy for worklists and timelines. */
  public static String thumbnail(TenantContext tenant, String caseId, String photoId) {
    return tenant.tenantId() + "/cases/" + caseId + "/thumb/" + photoId + ".jpg";
  }
}
