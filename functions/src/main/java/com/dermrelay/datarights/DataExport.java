package com.dermrelay.datarights;

/** What exportMyData answers: a link to the archive, valid until {@code expiresAt}. */
public record DataExport(String exportId, String downloadUrl, String expiresAt) {}
