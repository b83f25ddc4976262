package com.dermrelay.tenants;

/** What signUpClinic answers: the new clinic, and where its admin was told to sign in. */
public record ClinicSignedUp(String tenantId, String slug, String portalUrl, String adminEmail) {}
