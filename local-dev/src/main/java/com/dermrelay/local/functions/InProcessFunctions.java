package com.dermrelay.local.functions;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.local.functions.internal.HttpResultMapper;
import com.dermrelay.local.functions.internal.LambdaJson;
import com.dermrelay.local.functions.internal.LocalLambdaContext;
import com.dermrelay.local.metering.UsageMeter;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the DermRelay Lambda handlers inside this JVM. The local stack knows them only by class name
 * (no compile dependency on the functions module), so each handler is loaded by name and built
 * once, lazily, through its public {@code (Map<String,String> environment)} constructor.
 *
 * <p>Inputs and outputs go through Jackson with the Lambda Java runtime's settings, so a handler
 * sees here what it would see on AWS. Thread-safe: the gateway and the workflow interpreter call it
 * concurrently, and a handler instance is shared between calls as a warm Lambda container's is.
 */
public final class InProcessFunctions {
  /** Our functions are deployed with 30 s; only {@code getRemainingTimeInMillis()} reflects it. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final Map<String, String> environment;
  private final Duration timeout;
  private final ClassLoader classLoader;
  private final ConcurrentHashMap<String, LazyHandler> handlers = new ConcurrentHashMap<>();

  public InProcessFunctions(Map<String, String> environment) {
    this(environment, DEFAULT_TIMEOUT, defaultClassLoader());
  }

  public InProcessFunctions(
      Map<String, String> environment, Duration timeout, ClassLoader classLoader) {
    this.environment = Map.copyOf(environment);
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
  }

  /**
   * Checks, without building it, that a handler class exists, is a {@code RequestHandler} and has
   * the {@code Map} constructor; for start-up checks of a configuration.
   *
   * @throws HandlerConfigurationException naming the class and what is wrong
   */
  public void verify(String handlerClass) {
    mapConstructor(loadHandlerClass(handlerClass));
  }

  /**
   * Invokes an HTTP API handler with a payload-format-2.0 event. A handler declared with another
   * input type (a Map, a JsonNode) gets the event converted, and a result that is not an {@code
   * APIGatewayV2HTTPResponse} is interpreted as API Gateway interprets a 2.0 result.
   *
   * @throws FunctionFailedException if the handler throws
   * @throws HandlerConfigurationException if the class cannot be used as a handler
   */
  public APIGatewayV2HTTPResponse invokeHttp(
      String handlerClass, APIGatewayV2HTTPEvent event, String functionName) {
    LoadedHandler handler = handler(handlerClass);
    Object input =
        handler.inputType.getRawClass().isInstance(event)
            ? event
            : LambdaJson.MAPPER.convertValue(event, handler.inputType);
    Object result = invoke(handlerClass, handler, input, functionName);
    if (result instanceof APIGatewayV2HTTPResponse) {
      return (APIGatewayV2HTTPResponse) result;
    }
    return HttpResultMapper.toResponse(LambdaJson.MAPPER.valueToTree(result));
  }

  /**
   * Invokes a handler with a JSON payload, as a Step Functions task does, and returns its result as
   * JSON ({@code null} results become JSON null).
   *
   * @throws FunctionFailedException if the handler throws, or the payload does not fit its input
   *     type (reported as the runtime would, with the Jackson exception's class name)
   * @throws HandlerConfigurationException if the class cannot be used as a handler
   */
  public JsonNode invokeJson(String handlerClass, JsonNode payload, String functionName) {
    LoadedHandler handler = handler(handlerClass);
    Object input;
    try {
      input = LambdaJson.MAPPER.convertValue(payload, handler.inputType);
    } catch (IllegalArgumentException e) {
      // The Lambda runtime fails such an invocation before the handler runs; report it likewise.
      Throwable reported = e.getCause() != null ? e.getCause() : e;
      throw new FunctionFailedException(
          functionName, reported.getClass().getName(), reported.getMessage(), e);
    }
    return LambdaJson.MAPPER.valueToTree(invoke(handlerClass, handler, input, functionName));
  }

  @SuppressWarnings("unchecked")
  private Object invoke(
      String handlerClass, LoadedHandler handler, Object input, String functionName) {
    LocalLambdaContext context = new LocalLambdaContext(functionName, timeout);
    try {
      // Metered by handler: one handler is one Lambda function in the deployment (cost model).
      return UsageMeter.global()
          .meter(
              handlerClass.substring(handlerClass.lastIndexOf('.') + 1),
              () ->
                  ((RequestHandler<Object, Object>) handler.instance)
                      .handleRequest(input, context));
    } catch (RuntimeException | LinkageError | AssertionError e) {
      // Errors the JVM cannot go on after (out of memory...) are not caught: they are not a
      // function's result.
      throw new FunctionFailedException(functionName, e.getClass().getName(), e.getMessage(), e);
    }
  }

  private LoadedHandler handler(String handlerClass) {
    return handlers.computeIfAbsent(handlerClass, LazyHandler::new).get();
  }

  private Class<?> loadHandlerClass(String handlerClass) {
    Class<?> type;
    try {
      type = Class.forName(handlerClass, false, classLoader);
    } catch (ClassNotFoundException e) {
      throw new HandlerConfigurationException(
          handlerClass, "class not found on the classpath (is the functions module on it?)", e);
    }
    if (!RequestHandler.class.isAssignableFrom(type)) {
      throw new HandlerConfigurationException(
          handlerClass, "does not implement " + RequestHandler.class.getName(), null);
    }
    return type;
  }

  private static Constructor<?> mapConstructor(Class<?> type) {
    try {
      return type.getConstructor(Map.class);
    } catch (NoSuchMethodException e) {
      throw new HandlerConfigurationException(
          type.getName(),
          "has no public constructor taking Map<String,String> (the environment)",
          e);
    }
  }

  private LoadedHandler build(String handlerClass) {
    Class<?> type = loadHandlerClass(handlerClass);
    Constructor<?> constructor = mapConstructor(type);
    JavaType[] parameters =
        LambdaJson.MAPPER
            .getTypeFactory()
            .constructType(type)
            .findTypeParameters(RequestHandler.class);
    JavaType inputType =
        parameters.length == 2 ? parameters[0] : LambdaJson.MAPPER.constructType(Object.class);
    try {
      return new LoadedHandler(constructor.newInstance(environment), inputType);
    } catch (InvocationTargetException e) {
      throw new HandlerConfigurationException(handlerClass, "constructor failed", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new HandlerConfigurationException(handlerClass, "cannot be instantiated", e);
    }
  }

  private static ClassLoader defaultClassLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : InProcessFunctions.class.getClassLoader();
  }

  private static final class LoadedHandler {
    final Object instance;
    final JavaType inputType;

    LoadedHandler(Object instance, JavaType inputType) {
      this.instance = instance;
      this.inputType = inputType;
    }
  }

  /**
   * Builds its handler once, on first use, outside the map's lock so a slow constructor does not
   * hold up other handlers. A failed construction is not cached: the next call tries again and
   * reports the error again.
   */
  private final class LazyHandler {
    private final String handlerClass;
    private volatile LoadedHandler loaded;

    LazyHandler(String handlerClass) {
      this.handlerClass = handlerClass;
    }

    LoadedHandler get() {
      LoadedHandler result = loaded;
      if (result == null) {
        synchronized (this) {
          result = loaded;
          if (result == null) {
            result = build(handlerClass);
            loaded = result;
          }
        }
      }
      return result;
    }
  }
}
