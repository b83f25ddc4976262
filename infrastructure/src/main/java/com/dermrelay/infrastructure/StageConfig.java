package com.dermrelay.infrastructure;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The one typed, validated configuration of a deployment stage, loaded in one place from CDK
 * context (with the CDK CLI's {@code CDK_DEFAULT_ACCOUNT} / {@code CDK_DEFAULT_REGION} as fallback
 * for the environment). Every construct takes its settings from here, never from context directly.
 *
 * @param stage lower-case stage name, part of resource names ({@code dermrelay-<stage>})
 * @param account the 12-digit AWS account, empty for an environment-agnostic synth
 * @param region the AWS region, empty for an environment-agnostic synth
 * @param portalOrigins browser origins allowed to upload photos straight to S3
 * @param regions the regions that each get a full stack set (data residency); empty for one
 *     environment-agnostic set. Defaults to {@code region} alone
 * @param senderDomain the domain notification e-mail is sent from (an SES identity), if configured
 * @param domains the portal's and the API's own domain names, absent by default
 */
public record StageConfig(
    String stage,
    Optional<String> account,
    Optional<String> region,
    List<String> portalOrigins,
    List<String> regions,
    Optional<String> senderDomain,
    CustomDomains domains) {

  public static final String STAGE_KEY = "stage";
  public static final String ACCOUNT_KEY = "account";
  public static final String REGION_KEY = "region";
  public static final String PORTAL_ORIGINS_KEY = "portalOrigins";
  public static final String REGIONS_KEY = "regions";
  public static final String SENDER_DOMAIN_KEY = "senderDomain";
  public static final String DEFAULT_STAGE = "dev";

  // Short enough that names built from it (tables, aliases, stacks) stay within AWS limits.
  private static final Pattern STAGE = Pattern.compile("[a-z][a-z0-9-]{0,19}");
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
  private static final Pattern DOMAIN =
      Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

  public StageConfig {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(region, "region");
    if (!STAGE.matcher(stage).matches() || stage.endsWith("-")) {
      throw new IllegalArgumentException(
          "Context '"
              + STAGE_KEY
              + "' must be 1-20 lower-case letters, "
              + "digits or inner hyphens, starting with a letter; got '"
              + stage
              + "'");
    }
    account
        .filter(a -> !ACCOUNT.matcher(a).matches())
        .ifPresent(
            a -> {
              throw new IllegalArgumentException(
                  "Context '"
                      + ACCOUNT_KEY
                      + "' must be a 12-digit AWS account id; got '"
                      + a
                      + "'");
            });
    region
        .filter(r -> !REGION.matcher(r).matches())
        .ifPresent(
            r -> {
              throw new IllegalArgumentException(
                  "Context '"
                      + REGION_KEY
                      + "' must be an AWS region such as "
                      + "eu-central-1; got '"
                      + r
                      + "'");
            });
    portalOrigins = PortalOrigins.validate(portalOrigins);
    Objects.requireNonNull(regions, "regions");
    Objects.requireNonNull(senderDomain, "senderDomain");
    for (String r : regions) {
      if (r == null || !REGION.matcher(r).matches()) {
        throw new IllegalArgumentException(
            "Context '"
                + REGIONS_KEY
                + "' must list AWS regions such as "
                + "eu-central-1; got '"
                + r
                + "'");
      }
    }
    regions = List.copyOf(new LinkedHashSet<>(regions));
    if (regions.isEmpty() && region.isPresent()) {
      regions = List.of(region.get());
    }
    senderDomain
        .filter(d -> !DOMAIN.matcher(d).matches())
        .ifPresent(
            d -> {
              throw new IllegalArgumentException(
                  "Context '"
                      + SENDER_DOMAIN_KEY
                      + "' must be a lower-case domain "
                      + "name such as clinic.example.com; got '"
                      + d
                      + "'");
            });
    Objects.requireNonNull(domains, "domains");
    // One API domain and certificate cannot serve several regions' APIs.
    if (domains.api().isPresent() && regions.size() != 1) {
      throw new IllegalArgumentException(
          "Context '"
              + CustomDomains.API_DOMAIN_KEY
              + "' needs exactly one "
              + "region in '"
              + REGIONS_KEY
              + "' (each region's API has its own domain); got "
              + regions);
    }
    List<String> apiRegions = regions;
    domains
        .api()
        .filter(d -> !apiRegions.contains(d.certificateRegion()))
        .ifPresent(
            d -> {
              throw new IllegalArgumentException(
                  "Context '"
                      + CustomDomains.API_CERTIFICATE_KEY
                      + "' must be a "
                      + "certificate in the API's region "
                      + apiRegions
                      + "; got one in "
                      + d.certificateRegion());
            });
  }

  /** A stage without custom domains. */
  public StageConfig(
      String stage,
      Optional<String> account,
      Optional<String> region,
      List<String> portalOrigins,
      List<String> regions,
      Optional<String> senderDomain) {
    this(stage, account, region, portalOrigins, regions, senderDomain, CustomDomains.NONE);
  }

  /**
   * Loads the configuration.
   *
   * @param context CDK context lookup ({@code node::tryGetContext}); values may be strings or, for
   *     {@code portalOrigins}, a JSON list from cdk.json
   * @param env process environment, consulted for the account and region the CLI resolved
   */
  public static StageConfig load(Function<String, Object> context, Map<String, String> env) {
    String stage = text(context, STAGE_KEY).orElse(DEFAULT_STAGE);
    Optional<String> account =
        text(context, ACCOUNT_KEY).or(() -> nonBlank(env.get("CDK_DEFAULT_ACCOUNT")));
    Optional<String> region =
        text(context, REGION_KEY).or(() -> nonBlank(env.get("CDK_DEFAULT_REGION")));
    List<String> origins = PortalOrigins.parse(context.apply(PORTAL_ORIGINS_KEY));
    List<String> regions =
        text(context, REGIONS_KEY)
            .map(
                value ->
                    Arrays.stream(value.split(","))
                        .map(String::trim)
                        .filter(r -> !r.isEmpty())
                        .toList())
            .orElse(List.of());
    CustomDomains domains =
        CustomDomains.load(
            text(context, CustomDomains.PORTAL_DOMAIN_KEY),
            text(context, CustomDomains.PORTAL_CERTIFICATE_KEY),
            text(context, CustomDomains.API_DOMAIN_KEY),
            text(context, CustomDomains.API_CERTIFICATE_KEY));
    return new StageConfig(
        stage, account, region, origins, regions, text(context, SENDER_DOMAIN_KEY), domains);
  }

  /**
   * This stage's configuration for one of its regions: the stack set of that region is built from
   * it.
   */
  public StageConfig inRegion(String target) {
    if (!regions.contains(target)) {
      throw new IllegalArgumentException(
          "Region " + target + " is not one of the stage's regions " + regions);
    }
    return new StageConfig(
        stage, account, Optional.of(target), portalOrigins, regions, senderDomain, domains);
  }

  /**
   * The name every stack of this region's set starts with: {@code dermrelay-<stage>-<region>}, or
   * {@code dermrelay-<stage>} for an environment-agnostic synth.
   */
  public String stackPrefix() {
    return region.map(r -> resourcePrefix() + "-" + r).orElse(resourcePrefix());
  }

  /** The name every stage-scoped resource starts with, e.g. {@code dermrelay-dev}. */
  public String resourcePrefix() {
    return "dermrelay-" + stage;
  }

  private static Optional<String> text(Function<String, Object> context, String key) {
    Object value = context.apply(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String s)) {
      throw new IllegalArgumentException("Context '" + key + "' must be a string; got " + value);
    }
    return nonBlank(s);
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
