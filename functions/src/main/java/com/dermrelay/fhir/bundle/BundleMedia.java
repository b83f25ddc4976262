package com.dermrelay.fhir.bundle;

import java.time.Duration;
import java.util.Objects;

/**
 * How a Bundle carries the case's photos (a tenant's choice, see docs/fhir.md): a link to a
 * short-lived presigned copy (the default), the JPEG bytes inline, or no photo at all.
 *
 * @param linkLifetime how long a {@link Mode#LINK} URL works (S3 presigning allows up to 7 days)
 */
public record BundleMedia(Mode mode, Duration linkLifetime) {
  public enum Mode { LINK, INLINE, OMIT }

  /** The longest a SigV4 presigned URL can live. */
  public static final Duration MAX_LINK_LIFETIME = Duration.ofDays(7);

  public BundleMedia {
    Objects.requireNonNull(mode, "mode");
    linkLifetime = linkLifetime == null ? MAX_LINK_LIFETIME : linkLifetime;
    if (linkLifetime.isNegative() || linkLifetime.isZero() || linkLifetime.compareTo(MAX_LINK_LIFETIME) > 0) {
      throw new IllegalArgumentException("a link lifetime is between 1 second and 7 days");
    }
  }

  public static BundleMedia defaults() {
    return new BundleMedia(Mode.LINK, Duration.ofDays(7));
  }
}
