package com.dermrelay.local.stepfunctions.engine;

import com.dermrelay.local.stepfunctions.HistoryEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The events of one execution, numbered from 1 in the order they happened. */
public final class ExecutionHistory {
  private final List<HistoryEvent> events = new ArrayList<>();

  public synchronized long append(
      String type,
      long previousEventId,
      Instant timestamp,
      String detailsField,
      ObjectNode details) {
    long id = events.size() + 1L;
    events.add(new HistoryEvent(id, previousEventId, type, timestamp, detailsField, details));
    return id;
  }

  /** Puts back the events of a persisted execution (before anything else is appended). */
  synchronized void restore(List<HistoryEvent> persisted) {
    events.clear();
    events.addAll(persisted);
  }

  public synchronized long lastId() {
    return events.size();
  }

  public synchronized List<HistoryEvent> events() {
    return List.copyOf(events);
  }
}
