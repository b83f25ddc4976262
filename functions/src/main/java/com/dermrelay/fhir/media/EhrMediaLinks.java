package com.dermrelay.fhir.media;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.tenancy.TenancySettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The link a FHIR Media carries in {@code link} mode (docs/fhir.md): the round's copy of the photo
 * is made (or found), and the link is {@code <portal origin>/ehr-media/<token>}, our own public
 * route (the portal's distribution serves the API's paths), whose token expires after the clinic's
 * {@code linkHours}. So the link lives exactly as long as configured, not as long as the signing
 * Lambda session, as a presigned S3 URL would.
 */
@Singleton
public final class EhrMediaLinks {
  public static final String PATH = "/ehr-media/";

  private final EhrMediaCopies copies;
  private final EhrMediaTokens tokens;
  private final EhrLinkKey key;
  private final Clock clock;
  private final String base;

  @Inject
  public EhrMediaLinks(
      EhrMediaCopies copies,
      EhrLinkKey key,
      ObjectMapper json,
      Clock clock,
      TenancySettings settings) {
    this.copies = copies;
    this.tokens = new EhrMediaTokens(json);
    this.key = key;
    this.clock = clock;
    this.base = settings.portalUrl().replaceAll("/+$", "");
  }

  /** Copies the photo for the round if needed and answers a link valid for {@code lifetime}. */
  public String link(
      TenantContext tenant, String caseId, int round, String photoId, Duration lifetime) {
    copies.ensure(tenant, caseId, round, photoId);
    String token =
        tokens.issue(
            new EhrMediaTokens.MediaRef(tenant.tenantId(), caseId, round, photoId),
            clock.instant().plus(lifetime),
            key.bytes());
    return base + PATH + token;
  }
}
