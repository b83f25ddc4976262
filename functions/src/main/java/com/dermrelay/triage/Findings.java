package com.dermrelay.triage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The reasons found so far, in rule order, each with the priority it asks for (null: it only
 * informs or adds points) and its group: the rule and the facts it counted share a group, so the
 * reasons that decided a priority can be marked together.
 */
final class Findings {
  static final String SEVEN_POINT = "SEVEN_POINT";
  static final String ABCDE = "ABCDE";
  static final String RISK = "RISK";
  static final String RED_FLAG = "RED_FLAG";

  private final List<Entry> entries = new ArrayList<>();

  record Entry(TriageReason reason, Priority asking, String group) {}

  TriageReason add(Priority asking, String group, String code, String text, int points) {
    TriageReason reason = new TriageReason(code, text, points);
    entries.add(new Entry(reason, asking, group == null ? code : group));
    return reason;
  }

  /** A fact counted in {@code group}'s figure, asking for nothing by itself. */
  void fact(String group, String code, String text, int points) {
    add(null, group, code, text, points);
  }

  TriageReason addFirst(String code, String text) {
    TriageReason reason = new TriageReason(code, text, 0);
    entries.add(0, new Entry(reason, null, code));
    return reason;
  }

  Priority mostUrgent() {
    Priority most = Priority.ROUTINE;
    for (Entry entry : entries) {
      if (entry.asking() != null) {
        most = most.atLeast(entry.asking());
      }
    }
    return most;
  }

  /** The first reason asking for {@code priority}; null if none does (a ROUTINE case). */
  Entry firstAsking(Priority priority) {
    return entries.stream().filter(e -> e.asking() == priority).findFirst().orElse(null);
  }

  Entry entry(TriageReason reason) {
    return entries.stream().filter(e -> e.reason() == reason).findFirst().orElse(null);
  }

  int score() {
    return entries.stream().mapToInt(e -> e.reason().points()).sum();
  }

  /**
   * The reasons with the deciding one first; the reasons of {@code decisiveGroups} are marked
   * decisive (the deciding one always is).
   */
  List<TriageReason> reasons(TriageReason deciding, Set<String> decisiveGroups) {
    Set<String> groups = new HashSet<>(decisiveGroups);
    List<TriageReason> ordered = new ArrayList<>();
    for (Entry entry : entries) {
      boolean decisive = entry.reason() == deciding || groups.contains(entry.group());
      TriageReason reason = decisive ? entry.reason().asDecisive() : entry.reason();
      if (entry.reason() == deciding) {
        ordered.add(0, reason);
      } else {
        ordered.add(reason);
      }
    }
    return ordered;
  }
}
