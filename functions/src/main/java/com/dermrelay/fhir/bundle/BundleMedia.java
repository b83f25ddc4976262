package com.dermrelay.fhir.bundle;

import java.time.Duration;
import java.util.Objects;

/**
 * How a Bundle carries the case's photos (a tenant's choice, see docs/fhir.md): a link to a
 * short-lived copy (the default; our {@code /ehr-media/} route, fhir.media), the JPEG bytes inline,
 * or no photo at all.
 *
 * @param linkLifetime how long a {@link Mode#LINK} URL works, up to 7 days ({@code linkHours}
 *     1-168; the copies' lifecycle rule keeps them a day longer)
 */
public record BundleMedia(Mode mode, Duration linkLifetime) {
  public enum Mode {
    LINK,
    INLINE,
    OMIT
  }

  /** The longest a link may live (the tenant schema's linkHours maximum, 168). */
  public static final Duration MAX_LINK_LIFETIME = Duration.ofDays(7);

  public BundleMedia {
    Objects.requireNonNull(mode, "mode");
    linkLifetime = linkLifetime == null ? MAX_LINK_LIFETIME : linkLifetime;
    if (linkLifetime.isNegative()
        || linkLifetime.isZero()
        || linkLifetime.compareTo(MAX_LINK_LIFETIME) > 0) {
      throw new IllegalArgumentException("a link lifetime is between 1 second and 7 days");
    }
  }

  public static BundleMedia defaults() {
    return new BundleMedia(Mode.LINK, Duration.ofDays(7));
  }
}
