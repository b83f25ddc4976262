package com.dermrelay.fhir.api;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.fhir.bundle.BundleMedia;
import com.dermrelay.fhir.bundle.CaseBundles;
import com.dermrelay.fhir.delivery.EhrBundleSource;
import com.dermrelay.fhir.delivery.EhrEndpoint;
import java.util.Optional;

/**
 * The FHIR record builder as EHR delivery takes it: the round's transaction Bundle with photos as
 * the clinic's endpoint wants them. Only the FHIR jar's handlers (SendToEhr, resendToEhr) use it,
 * so delivery itself never needs the HAPI model.
 */
public final class CaseBundleSource implements EhrBundleSource {
  private final CaseBundles bundles;

  public CaseBundleSource(CaseBundles bundles) {
    this.bundles = bundles;
  }

  @Override
  public Optional<String> transactionBundle(
      TenantContext tenant, String caseId, int round, EhrEndpoint.Media media) {
    return bundles.transactionBundleJson(tenant, caseId, round, media(media));
  }

  static BundleMedia media(EhrEndpoint.Media media) {
    BundleMedia.Mode mode =
        switch (media.mode()) {
          case INLINE -> BundleMedia.Mode.INLINE;
          case OMIT -> BundleMedia.Mode.OMIT;
          case LINK -> BundleMedia.Mode.LINK;
        };
    return new BundleMedia(mode, media.linkLifetime());
  }
}
