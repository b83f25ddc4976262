package com.dermrelay.local.gateway.contract;

import java.util.List;
import java.util.Objects;

/**
 * One way a request or a response through the local gateway broke {@code api-spec/openapi.yaml}.
 *
 * @param operationId the contract's operationId, e.g. {@code getCase}
 * @param routeKey e.g. {@code GET /clinics/{tenantId}/cases/{caseId}}
 * @param part what broke it, e.g. {@code response 200 body (application/json)} or {@code request
 *     query parameter limit (answered 200)}
 * @param pointer JSON pointer into that part ({@code ""} for the whole of it)
 * @param keyword the JSON Schema keyword or contract rule that failed, e.g. {@code type}, {@code
 *     status}
 * @param message what the validator says; may quote the value, so it goes to test reports only,
 *     never to the local stack's log
 */
public record ContractViolation(
    String operationId,
    String routeKey,
    String part,
    String pointer,
    String keyword,
    String message) {

  public ContractViolation {
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(routeKey, "routeKey");
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(keyword, "keyword");
    Objects.requireNonNull(message, "message");
  }

  /** Where and which rule, without the validator's words: safe for a log line. */
  public String summary() {
    return operationId + " (" + routeKey + ") " + part + " at " + shownPointer() + ": " + keyword;
  }

  @Override
  public String toString() {
    return operationId + " (" + routeKey + ") " + part + " at " + shownPointer() + ": " + message;
  }

  private String shownPointer() {
    return pointer.isEmpty() ? "(root)" : pointer;
  }

  /** The text a failing test shows: how many, then one violation per line. */
  public static String report(List<ContractViolation> violations) {
    StringBuilder text =
        new StringBuilder()
            .append(violations.size())
            .append(violations.size() == 1 ? " violation" : " violations")
            .append(" of api-spec/openapi.yaml through the local gateway:");
    violations.forEach(v -> text.append("\n  ").append(v));
    return text.toString();
  }
}
