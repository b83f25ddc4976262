package com.dermrelay.core.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One page of a query; {@code nextCursor} is opaque to clients and checked when it comes back. */
public record ItemPage(List<Map<String, AttributeValue>> items, Optional<String> nextCursor) {}
