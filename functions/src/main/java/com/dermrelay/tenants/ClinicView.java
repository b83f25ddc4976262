package com.dermrelay.tenants;

/** What getClinic answers: the clinic's public face and the role the caller acts in there. */
public record ClinicView(TenantBranding clinic, String actingRole) {}
