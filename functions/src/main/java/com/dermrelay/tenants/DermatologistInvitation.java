package com.dermrelay.tenants;

/**
 * The body of inviteDermatologist: who to invite, and the name to greet them by if they are new.
 */
public record DermatologistInvitation(String email, String name) {}
