package com.dermrelay.tenants;

/** What acceptInvitation answers: the clinic the caller now acts for, and as what. */
public record ClinicJoined(String tenantId, String displayName, String role) {}
