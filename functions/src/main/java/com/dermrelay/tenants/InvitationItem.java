package com.dermrelay.tenants;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * An invitation, {@code TENANT#<id>} / {@code INVITATION#<sha-256 of the token's secret>}
 * (docs/data-model.md). Keys, {@code tenantId} and {@code version} are the data layer's.
 *
 * @param validUntil epoch seconds, 72 hours after it was sent
 * @param membershipVersion on an accepted invitation: the membership's version when it was accepted
 *     (0: there was none); absent on invitations accepted before it was recorded
 * @param expiresAt epoch seconds: when TTL may delete it, kept 30 days as evidence
 */
record InvitationItem(
    String email,
    String role,
    String status,
    Long validUntil,
    String invitedBy,
    String acceptedBy,
    String acceptedAt,
    Long membershipVersion,
    Long expiresAt) {

  /** Built from lambdas, no reflection (decision 0018). */
  static final TableSchema<InvitationItem> SCHEMA =
      StaticImmutableTableSchema.builder(InvitationItem.class, Builder.class)
          .newItemBuilder(Builder::new, Builder::build)
          .addAttribute(
              String.class, a -> a.name("type").getter(r -> "INVITATION").setter((b, v) -> {}))
          .addAttribute(
              String.class,
              a -> a.name("email").getter(InvitationItem::email).setter((b, v) -> b.email = v))
          .addAttribute(
              String.class,
              a -> a.name("role").getter(InvitationItem::role).setter((b, v) -> b.role = v))
          .addAttribute(
              String.class,
              a -> a.name("status").getter(InvitationItem::status).setter((b, v) -> b.status = v))
          .addAttribute(
              Long.class,
              a ->
                  a.name("validUntil")
                      .getter(InvitationItem::validUntil)
                      .setter((b, v) -> b.validUntil = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("invitedBy")
                      .getter(InvitationItem::invitedBy)
                      .setter((b, v) -> b.invitedBy = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("acceptedBy")
                      .getter(InvitationItem::acceptedBy)
                      .setter((b, v) -> b.acceptedBy = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("acceptedAt")
                      .getter(InvitationItem::acceptedAt)
                      .setter((b, v) -> b.acceptedAt = v))
          .addAttribute(
              Long.class,
              a ->
                  a.name(AcceptInvitation.MEMBERSHIP_VERSION)
                      .getter(InvitationItem::membershipVersion)
                      .setter((b, v) -> b.membershipVersion = v))
          .addAttribute(
              Long.class,
              a ->
                  a.name("expiresAt")
                      .getter(InvitationItem::expiresAt)
                      .setter((b, v) -> b.expiresAt = v))
          .build();

  /**
   * The invitation used by {@code subject} at {@code at}, when their membership was at {@code
   * membershipVersion}.
   */
  InvitationItem accepted(String subject, String at, long membershipVersion) {
    return new InvitationItem(
        email,
        role,
        AcceptInvitation.ACCEPTED,
        validUntil,
        invitedBy,
        subject,
        at,
        membershipVersion,
        expiresAt);
  }

  private static final class Builder {
    String email;
    String role;
    String status;
    Long validUntil;
    String invitedBy;
    String acceptedBy;
    String acceptedAt;
    Long membershipVersion;
    Long expiresAt;

    InvitationItem build() {
      return new InvitationItem(
          email,
          role,
          status,
          validUntil,
          invitedBy,
          acceptedBy,
          acceptedAt,
          membershipVersion,
          expiresAt);
    }
  }
}
