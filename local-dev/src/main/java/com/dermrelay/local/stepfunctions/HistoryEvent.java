package com.dermrelay.local.stepfunctions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One execution history event in the API's shape: {@code detailsField} is the member that holds
 * {@code details}, e.g. {@code stateEnteredEventDetails}; both are null for events without details.
 */
public record HistoryEvent(
    long id,
    long previousEventId,
    String type,
    Instant timestamp,
    String detailsField,
    ObjectNode details) {}
