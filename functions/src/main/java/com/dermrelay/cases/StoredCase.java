package com.dermrelay.cases;

/** A case as read, with the version a change must be conditioned on. */
public record StoredCase(long version, CaseRecord record) {}
