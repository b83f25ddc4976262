package com.dermrelay.core.tenancy;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A membership item, {@code TENANT#<id>} / {@code MEMBER#<sub>}, with its directory entry {@code
 * USER#<sub>} / {@code TENANT#<id>} on {@code gsi2} (docs/data-model.md). Seeded and older items
 * may lack {@code status} (active) and the join and removal fields. Keys, {@code tenantId} and
 * {@code version} are the data layer's.
 *
 * @param joinedWith the hash of the invitation whose acceptance made the membership active
 * @param registration a dermatologist's professional registration number in this clinic (letters)
 * @param medicalLead true for a dermatologist the clinic named one of its medical leads (told of an
 *     unsafe second-read disagreement, docs/quality.md); absent otherwise
 */
public record MembershipItem(
    String userSub,
    String role,
    String status,
    String email,
    String displayName,
    String joinedAt,
    String joinedWith,
    String removedAt,
    String removedBy,
    String registration,
    Boolean medicalLead) {

  /** Whether the clinic named this member a medical lead. */
  public boolean isMedicalLead() {
    return Boolean.TRUE.equals(medicalLead);
  }

  /** This membership with another registration number (null: none); the rest as it is. */
  public MembershipItem withRegistration(String newRegistration) {
    return new MembershipItem(
        userSub,
        role,
        status,
        email,
        displayName,
        joinedAt,
        joinedWith,
        removedAt,
        removedBy,
        newRegistration,
        medicalLead);
  }

  /** This membership named (or no longer named) a medical lead; the rest as it is. */
  public MembershipItem withMedicalLead(boolean lead) {
    return new MembershipItem(
        userSub,
        role,
        status,
        email,
        displayName,
        joinedAt,
        joinedWith,
        removedAt,
        removedBy,
        registration,
        lead ? Boolean.TRUE : null);
  }

  /** This membership ended {@code at} by {@code by}: no longer a medical lead. */
  public MembershipItem removed(String at, String by) {
    return new MembershipItem(
        userSub,
        role,
        Membership.REMOVED,
        email,
        displayName,
        joinedAt,
        joinedWith,
        at,
        by,
        registration,
        null);
  }

  /** Seeded items carry no status: they are active. */
  public String statusOrActive() {
    return status == null ? Membership.ACTIVE : status;
  }

  /** Built from lambdas, no reflection (decision 0018). */
  public static final TableSchema<MembershipItem> SCHEMA =
      StaticImmutableTableSchema.builder(MembershipItem.class, Builder.class)
          .newItemBuilder(Builder::new, Builder::build)
          .addAttribute(
              String.class,
              a ->
                  a.name("userSub").getter(MembershipItem::userSub).setter((b, v) -> b.userSub = v))
          .addAttribute(
              String.class,
              a -> a.name("role").getter(MembershipItem::role).setter((b, v) -> b.role = v))
          .addAttribute(
              String.class,
              a -> a.name("status").getter(MembershipItem::status).setter((b, v) -> b.status = v))
          .addAttribute(
              String.class,
              a -> a.name("email").getter(MembershipItem::email).setter((b, v) -> b.email = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("displayName")
                      .getter(MembershipItem::displayName)
                      .setter((b, v) -> b.displayName = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("joinedAt")
                      .getter(MembershipItem::joinedAt)
                      .setter((b, v) -> b.joinedAt = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("joinedWith")
                      .getter(MembershipItem::joinedWith)
                      .setter((b, v) -> b.joinedWith = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("removedAt")
                      .getter(MembershipItem::removedAt)
                      .setter((b, v) -> b.removedAt = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("removedBy")
                      .getter(MembershipItem::removedBy)
                      .setter((b, v) -> b.removedBy = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("registration")
                      .getter(MembershipItem::registration)
                      .setter((b, v) -> b.registration = v))
          .addAttribute(
              Boolean.class,
              a ->
                  a.name("medicalLead")
                      .getter(MembershipItem::medicalLead)
                      .setter((b, v) -> b.medicalLead = v))
          .build();

  private static final class Builder {
    String userSub;
    String role;
    String status;
    String email;
    String displayName;
    String joinedAt;
    String joinedWith;
    String removedAt;
    String removedBy;
    String registration;
    Boolean medicalLead;

    MembershipItem build() {
      return new MembershipItem(
          userSub,
          role,
          status,
          email,
          displayName,
          joinedAt,
          joinedWith,
          removedAt,
          removedBy,
          registration,
          medicalLead);
    }
  }
}
