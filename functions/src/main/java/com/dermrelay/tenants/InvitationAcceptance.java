package com.dermrelay.tenants;

/** The body of acceptInvitation: the token from the e-mailed link. */
public record InvitationAcceptance(String token) {}
