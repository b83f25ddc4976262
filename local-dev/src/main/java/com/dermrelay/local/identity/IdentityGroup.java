package com.dermrelay.local.identity;

import java.time.Instant;

/** A group of the pool; members get its name in {@code cognito:groups}. */
public record IdentityGroup(String name, String description, Instant created) {}
