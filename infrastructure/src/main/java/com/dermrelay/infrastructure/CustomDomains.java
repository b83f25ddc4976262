package com.dermrelay.infrastructure;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A stage's own domain names, both optional and absent by default (CloudFront's and API Gateway's
 * generated names are used then).
 *
 * @param portal the portal's domain and its ACM certificate, which CloudFront takes only from
 *     us-east-1
 * @param api the HTTP API's regional domain and its ACM certificate in the API's region; with it
 *     the API's execute-api endpoint is switched off, so the domain is the only way in
 */
public record CustomDomains(Optional<Domain> portal, Optional<Domain> api) {

  public static final String PORTAL_DOMAIN_KEY = "portalDomain";
  public static final String PORTAL_CERTIFICATE_KEY = "portalCertificateArn";
  public static final String API_DOMAIN_KEY = "apiDomain";
  public static final String API_CERTIFICATE_KEY = "apiCertificateArn";
  public static final CustomDomains NONE = new CustomDomains(Optional.empty(), Optional.empty());

  private static final Pattern DOMAIN =
      Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
  private static final Pattern CERTIFICATE =
      Pattern.compile("arn:aws:acm:([a-z]{2}(-[a-z]+)+-\\d):\\d{12}:certificate/[0-9a-f-]{36}");

  /** A domain name and the ARN of the ACM certificate that covers it. */
  public record Domain(String name, String certificateArn) {
    public Domain {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(certificateArn, "certificateArn");
    }

    /** The region of the certificate, from its ARN. */
    public String certificateRegion() {
      var matcher = CERTIFICATE.matcher(certificateArn);
      if (!matcher.matches()) {
        throw new IllegalStateException("not a certificate ARN");
      }
      return matcher.group(1);
    }
  }

  public CustomDomains {
    Objects.requireNonNull(portal, "portal");
    Objects.requireNonNull(api, "api");
    portal
        .filter(d -> !"us-east-1".equals(d.certificateRegion()))
        .ifPresent(
            d -> {
              throw new IllegalArgumentException(
                  "Context '"
                      + PORTAL_CERTIFICATE_KEY
                      + "' must be a certificate in "
                      + "us-east-1 (CloudFront takes no other); got one in "
                      + d.certificateRegion());
            });
  }

  /**
   * Reads both domains; each needs its name and its certificate together, and a bad value fails
   * with a message naming the key.
   */
  static CustomDomains load(
      Optional<String> portalName,
      Optional<String> portalCertificate,
      Optional<String> apiName,
      Optional<String> apiCertificate) {
    return new CustomDomains(
        domain(PORTAL_DOMAIN_KEY, portalName, PORTAL_CERTIFICATE_KEY, portalCertificate),
        domain(API_DOMAIN_KEY, apiName, API_CERTIFICATE_KEY, apiCertificate));
  }

  private static Optional<Domain> domain(
      String nameKey, Optional<String> name, String certificateKey, Optional<String> certificate) {
    if (name.isPresent() != certificate.isPresent()) {
      throw new IllegalArgumentException(
          "Context '"
              + nameKey
              + "' and '"
              + certificateKey
              + "' go together: give both or neither");
    }
    if (name.isEmpty()) {
      return Optional.empty();
    }
    if (!DOMAIN.matcher(name.get()).matches()) {
      throw new IllegalArgumentException(
          "Context '"
              + nameKey
              + "' must be a lower-case domain name such as "
              + "portal.example.com; got '"
              + name.get()
              + "'");
    }
    if (!CERTIFICATE.matcher(certificate.get()).matches()) {
      throw new IllegalArgumentException(
          "Context '"
              + certificateKey
              + "' must be an ACM certificate ARN; got '"
              + certificate.get()
              + "'");
    }
    return Optional.of(new Domain(name.get(), certificate.get()));
  }
}
