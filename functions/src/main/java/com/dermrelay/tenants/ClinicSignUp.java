package com.dermrelay.tenants;

/**
 * The body of signUpClinic: the clinic's name, portal address and data region, its first
 * administrator, and their acceptance of the platform terms.
 */
public record ClinicSignUp(
    String displayName,
    String slug,
    String region,
    String adminName,
    String adminEmail,
    Boolean acceptedTerms) {}
