package com.dermrelay.tenants;

/** A member of a clinic as its admins see them. */
public record MemberView(String subject, String displayName, String role, String status) {}
