package com.dermrelay.core.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.dermrelay.core.access.InternalAccess;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.http.ServiceUnavailable;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shape every workflow task shares, whichever workflow and component it belongs to: Step
 * Functions invokes it with a JSON object (the Task's Payload, ids only: docs/workflow.md) and
 * reads a JSON object back. A subclass names its step and calls one use case; this class reads the
 * ids and builds the step's tenant context. Errors propagate: Step Functions records the
 * exception's class name (never health data in the message) and the Task's Catch sends the case to
 * the workflow's failure task.
 */
public abstract class WorkflowTaskHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final Logger LOG = LoggerFactory.getLogger(WorkflowTaskHandler.class);

  private final InternalAccess access;
  private final Clock clock;
  private final String step;

  protected WorkflowTaskHandler(InternalAccess access, Clock clock, String step) {
    this.access = access;
    this.clock = clock;
    this.step = step;
  }

  @Override
  public final Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    try {
      return handle(input, context);
    } catch (RuntimeException e) {
      // An outage is not the case's fault: a named error the workflow retries, not a failure.
      if (ServiceUnavailable.causedBy(e)) {
        LOG.warn("workflow step {} could not reach a dependency; the workflow retries it", step);
        throw new DependencyUnavailableException(step, e);
      }
      throw e;
    }
  }

  private Map<String, Object> handle(Map<String, Object> input, Context context) {
    TaskInput task = new TaskInput(input == null ? Map.of() : input);
    String requestId = context == null ? null : context.getAwsRequestId();
    TenantContext tenant;
    try {
      tenant = access.forWorkflowStep(task.required("tenantId"), step, requestId, clock.instant());
    } catch (IllegalArgumentException unknownTenant) {
      if (toleratesUnknownTenant()) {
        LOG.error("workflow step {} for a tenant that does not exist: nothing to record", step);
        return Map.of();
      }
      throw unknownTenant;
    }
    return run(tenant, task);
  }

  /** Whether a step ends quietly (logged) when its tenant does not exist, rather than failing. */
  protected boolean toleratesUnknownTenant() {
    return false;
  }

  /** Runs the step for the case the input names; returns the task's output (may be empty). */
  protected abstract Map<String, Object> run(TenantContext tenant, TaskInput input);

  /** The Payload as given. */
  public record TaskInput(Map<String, Object> values) {
    public String caseId() {
      return required("caseId");
    }

    public String required(String name) {
      Object value = values.get(name);
      if (!(value instanceof String text) || text.isBlank()) {
        throw new IllegalArgumentException("task input lacks '" + name + "'");
      }
      return text;
    }

    public Optional<String> optional(String name) {
      Object value = values.get(name);
      return value instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
    }

    public long number(String name) {
      Object value = values.get(name);
      if (!(value instanceof Number n)) {
        throw new IllegalArgumentException("task input lacks the number '" + name + "'");
      }
      return n.longValue();
    }
  }
}
