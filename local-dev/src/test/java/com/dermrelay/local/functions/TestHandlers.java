package com.dermrelay.local.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Handlers shaped like DermRelay's: a no-arg and a Map (environment) constructor. */
final class TestHandlers {
  private TestHandlers() {}

  public record Order(String item, int quantity, List<String> tags) {}

  public record Receipt(String item, int total, String greeting, String function, int memory) {}

  /** Counts its constructions, so tests can see it is built once. */
  public static final class OrderHandler implements RequestHandler<Order, Receipt> {
    static final AtomicInteger CONSTRUCTED = new AtomicInteger();
    private final String greeting;

    public OrderHandler() {
      this(Map.of());
    }

    public OrderHandler(Map<String, String> environment) {
      CONSTRUCTED.incrementAndGet();
      this.greeting = environment.getOrDefault("GREETING", "none");
    }

    @Override
    public Receipt handleRequest(Order order, Context context) {
      if (context.getRemainingTimeInMillis() <= 0 || context.getAwsRequestId().isEmpty()) {
        throw new IllegalStateException("context not usable");
      }
      context.getLogger().log("order for " + order.item());
      return new Receipt(
          order.item(),
          order.quantity() * 10,
          greeting,
          context.getFunctionName(),
          context.getMemoryLimitInMB());
    }
  }

  /** The input type is bound in a subclass, through a generic base class. */
  public abstract static class BaseHandler<I> implements RequestHandler<I, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(I input, Context context) {
      return Map.of("inputClass", input.getClass().getName(), "input", input.toString());
    }
  }

  public static final class SubclassHandler extends BaseHandler<Order> {
    public SubclassHandler() {}

    public SubclassHandler(Map<String, String> environment) {}
  }

  public static final class CaseNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CaseNotFoundException(String message) {
      super(message);
    }
  }

  public static final class FailingHandler implements RequestHandler<Map<String, Object>, Object> {
    public FailingHandler() {}

    public FailingHandler(Map<String, String> environment) {}

    @Override
    public Object handleRequest(Map<String, Object> input, Context context) {
      if ("not-found".equals(input.get("mode"))) {
        throw new CaseNotFoundException("case " + input.get("caseId") + " not found");
      }
      throw new IllegalStateException("boom");
    }
  }

  public static final class NoMapConstructorHandler implements RequestHandler<Object, Object> {
    public NoMapConstructorHandler() {}

    @Override
    public Object handleRequest(Object input, Context context) {
      return input;
    }
  }

  public static final class NotAHandler {
    public NotAHandler(Map<String, String> environment) {}
  }

  public static final class ExplodingConstructorHandler implements RequestHandler<Object, Object> {
    public ExplodingConstructorHandler(Map<String, String> environment) {
      throw new IllegalArgumentException("TABLE_NAME is not set");
    }

    @Override
    public Object handleRequest(Object input, Context context) {
      return input;
    }
  }

  /** An HTTP handler written against a Map, answering with a plain object (not a response). */
  public static final class MapHttpHandler
      implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    public MapHttpHandler() {}

    public MapHttpHandler(Map<String, String> environment) {}

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
      return Map.of("routeKey", event.get("routeKey"), "rawPath", event.get("rawPath"));
    }
  }
}
