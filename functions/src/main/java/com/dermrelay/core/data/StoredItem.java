package com.dermrelay.core.data;

/**
 * A record as read from the table: the clinic it belongs to, its sort key (relative, as it was
 * written), the version a change must be conditioned on (0 for items without one) and the record.
 */
public record StoredItem<T>(String tenantId, String sort, long version, T record) {}
