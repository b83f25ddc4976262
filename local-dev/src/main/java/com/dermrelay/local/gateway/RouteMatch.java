package com.dermrelay.local.gateway;

import java.util.Map;
import java.util.SortedSet;

/** What the route table says about a request's method and path. */
public sealed interface RouteMatch {

  /** A route takes the request; path parameters are decoded. */
  record Found(Route route, Map<String, String> pathParameters) implements RouteMatch {
    public Found {
      pathParameters = Map.copyOf(pathParameters);
    }
  }

  /** Some route has this path, none this method; {@code allowed} feeds the Allow header. */
  record MethodNotAllowed(SortedSet<String> allowed) implements RouteMatch {}

  /** No route has this path. */
  record NotFound() implements RouteMatch {}
}
