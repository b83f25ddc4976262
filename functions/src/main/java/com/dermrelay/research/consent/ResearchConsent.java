package com.dermrelay.research.consent;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A patient's research consent in one clinic, as stored: separate from the consent to care (which
 * is per case), optional, withdrawable at any time.
 *
 * @param subject the patient (also the sort key of the consenting index, kept here to read back)
 * @param status {@link #GIVEN} or {@link #WITHDRAWN}
 * @param consentVersion the version of the clinic's research consent text agreed to (the last one
 *     agreed to, also after a withdrawal)
 * @param givenAt when it was last given (ISO-8601)
 * @param withdrawnAt when it was last withdrawn; null while given
 */
public record ResearchConsent(
    String subject, String status, String consentVersion, String givenAt, String withdrawnAt) {
  public static final String GIVEN = "GIVEN";
  public static final String WITHDRAWN = "WITHDRAWN";

  public boolean given() {
    return GIVEN.equals(status);
  }

  /** Built from lambdas, no reflection (decision 0018). */
  static final TableSchema<ResearchConsent> SCHEMA =
      StaticImmutableTableSchema.builder(ResearchConsent.class, Builder.class)
          .newItemBuilder(Builder::new, Builder::build)
          .addAttribute(
              String.class,
              a -> a.name("type").getter(c -> "RESEARCH_CONSENT").setter((b, v) -> {}))
          .addAttribute(
              String.class,
              a ->
                  a.name("subject")
                      .getter(ResearchConsent::subject)
                      .setter((b, v) -> b.subject = v))
          .addAttribute(
              String.class,
              a -> a.name("status").getter(ResearchConsent::status).setter((b, v) -> b.status = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("consentVersion")
                      .getter(ResearchConsent::consentVersion)
                      .setter((b, v) -> b.consentVersion = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("givenAt")
                      .getter(ResearchConsent::givenAt)
                      .setter((b, v) -> b.givenAt = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("withdrawnAt")
                      .getter(ResearchConsent::withdrawnAt)
                      .setter((b, v) -> b.withdrawnAt = v))
          .build();

  private static final class Builder {
    String subject;
    String status;
    String consentVersion;
    String givenAt;
    String withdrawnAt;

    ResearchConsent build() {
      return new ResearchConsent(subject, status, consentVersion, givenAt, withdrawnAt);
    }
  }
}
