package com.dermrelay.tenants;

/** What inviteDermatologist answers; the link itself only goes to the invitee's mailbox. */
public record InvitationSent(String invitationId, String email, String validUntil) {}
