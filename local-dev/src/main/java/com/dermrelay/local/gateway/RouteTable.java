package com.dermrelay.local.gateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The routes of the HTTP API and API Gateway's route selection: among the routes of the request's
 * method whose template fits the path, the most specific wins (literal segments before parameters,
 * parameters before a greedy one).
 */
public final class RouteTable {
  private record Entry(Route route, PathTemplate template) {}

  private final List<Entry> entries;

  public RouteTable(List<Route> routes) {
    List<Entry> parsed = new ArrayList<>();
    Set<String> keys = new LinkedHashSet<>();
    for (Route route : routes) {
      if (!keys.add(route.routeKey())) {
        throw new IllegalArgumentException("duplicate route " + route.routeKey());
      }
      parsed.add(new Entry(route, PathTemplate.parse(route.pathTemplate())));
    }
    parsed.sort(Comparator.comparing(Entry::template));
    this.entries = List.copyOf(parsed);
  }

  public List<Route> routes() {
    return entries.stream().map(Entry::route).toList();
  }

  /** The distinct handler classes, for start-up checks. */
  public Set<String> handlerClasses() {
    Set<String> classes = new LinkedHashSet<>();
    entries.forEach(entry -> classes.add(entry.route.handlerClass()));
    return classes;
  }

  /**
   * Selects the route for a request.
   *
   * @param rawPath the path as received, still percent-encoded
   * @throws IllegalArgumentException if the path has malformed percent-encoding
   */
  public RouteMatch match(String method, String rawPath) {
    List<String> segments = PathTemplate.split(rawPath);
    SortedSet<String> allowed = new TreeSet<>();
    // Entries are sorted most specific first, so the first fitting one of the method wins.
    for (Entry entry : entries) {
      Map<String, String> parameters = entry.template.match(segments);
      if (parameters == null) {
        continue;
      }
      if (entry.route.method().equals(method)) {
        return new RouteMatch.Found(entry.route, parameters);
      }
      allowed.add(entry.route.method());
    }
    return allowed.isEmpty() ? new RouteMatch.NotFound() : new RouteMatch.MethodNotAllowed(allowed);
  }

  /** The methods routed for a path (empty if none): what a CORS preflight may allow. */
  public SortedSet<String> methodsFor(String rawPath) {
    List<String> segments = PathTemplate.split(rawPath);
    SortedSet<String> methods = new TreeSet<>();
    for (Entry entry : entries) {
      if (entry.template.match(segments) != null) {
        methods.add(entry.route.method());
      }
    }
    return methods;
  }
}
