package com.dermrelay.tenants;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A clinic's whole configuration and the version a change must be based on. */
public record TenantSettings(long version, ObjectNode config) {}
