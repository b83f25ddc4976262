package com.dermrelay.local.gateway.contract;

import com.dermrelay.local.gateway.RouteMatch;
import com.dermrelay.local.gateway.RouteTable;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every exchange of the local gateway's API routes against {@code api-spec/openapi.yaml}
 * (see {@link OperationContract} for the rules). In {@link Mode#RECORD} (the integration tests) it
 * keeps the violations until {@link #takeViolations()}, which {@code LocalStackExtension} calls
 * after each test to fail the test that caused them; in {@link Mode#LOG} ({@code local-dev/start
 * --check-contract}) it only logs where each one is, never the values.
 */
public final class ContractCheck {
  private static final Logger LOG = LoggerFactory.getLogger(ContractCheck.class);

  /** Enough to show what went wrong; a runaway loop must not fill the heap. */
  private static final int MAX_KEPT = 1000;

  /** What the local stack does with the contract. */
  public enum Mode {
    /** No check: exchanges pass untouched. */
    OFF,
    /** Each violation is logged (operation, part, pointer, rule) and the exchange goes on. */
    LOG,
    /** As LOG, and the violations are kept for the test run to fail on. */
    RECORD
  }

  private final ApiContract contract;
  private final Mode mode;
  private final List<ContractViolation> kept = new ArrayList<>();
  private int dropped;

  public ContractCheck(ApiContract contract, Mode mode) {
    this.contract = Objects.requireNonNull(contract, "contract");
    this.mode = Objects.requireNonNull(mode, "mode");
    if (mode == Mode.OFF) {
      throw new IllegalArgumentException("an OFF check is no check: leave it out instead");
    }
  }

  public Mode mode() {
    return mode;
  }

  /**
   * Wraps the gateway's handler: requests that select an API route are checked, everything else
   * (static files, CORS preflights, local tools, unmatched paths) passes as it is.
   */
  public HttpHandler around(HttpHandler gateway, RouteTable routes) {
    return exchange -> {
      RouteMatch.Found found = apiRoute(exchange, routes);
      OperationContract operation =
          found == null ? null : contract.operation(found.route().operationId());
      if (operation == null) {
        gateway.handle(exchange);
        return;
      }
      DeferredExchange deferred =
          new DeferredExchange(exchange, done -> check(operation, found, done));
      try {
        gateway.handle(deferred);
      } finally {
        deferred.close();
      }
    };
  }

  /** The violations kept since the last call, oldest first; empty unless in RECORD mode. */
  public synchronized List<ContractViolation> takeViolations() {
    List<ContractViolation> taken = new ArrayList<>(kept);
    kept.clear();
    if (dropped > 0) {
      taken.add(
          new ContractViolation(
              "-", "-", "the check", "", "overflow", dropped + " more violations were not kept"));
      dropped = 0;
    }
    return taken;
  }

  private static RouteMatch.Found apiRoute(HttpExchange exchange, RouteTable routes) {
    try {
      RouteMatch match =
          routes.match(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
      return match instanceof RouteMatch.Found found ? found : null;
    } catch (IllegalArgumentException e) {
      return null; // a path the gateway refuses before any route: nothing of the contract's
    }
  }

  private void check(OperationContract operation, RouteMatch.Found found, DeferredExchange done) {
    List<ContractViolation> violations;
    try {
      RecordedExchange exchange =
          new RecordedExchange(
              done.getRequestMethod(),
              found.pathParameters(),
              done.getRequestURI().getRawQuery(),
              Map.copyOf(done.getRequestHeaders()),
              done.requestBodyRead(),
              done.getResponseCode(),
              Map.copyOf(done.getResponseHeaders()),
              done.responseBodyWritten());
      violations = operation.check(exchange);
    } catch (RuntimeException e) {
      LOG.error("the contract check of {} failed", operation.operationId(), e);
      violations =
          List.of(
              new ContractViolation(
                  operation.operationId(),
                  operation.routeKey(),
                  "the check",
                  "",
                  "error",
                  "the contract check itself failed: " + e));
    }
    violations.forEach(v -> LOG.warn("contract violation: {}", v.summary()));
    if (mode == Mode.RECORD && !violations.isEmpty()) {
      keep(violations);
    }
  }

  private synchronized void keep(List<ContractViolation> violations) {
    for (ContractViolation violation : violations) {
      if (kept.size() < MAX_KEPT) {
        kept.add(violation);
      } else {
        dropped++;
      }
    }
  }
}
