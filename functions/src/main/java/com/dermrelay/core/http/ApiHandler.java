package com.dermrelay.core.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The one place an HTTP API handler applies the access rules and turns failures into responses.
 * Before {@link #handle} runs, the path parameters are checked against the contract's formats
 * (before anything reads a store, the access rules included), the route's rules (x-roles in
 * openapi.yaml) are enforced and, under {@code /clinics/{tenantId}}, the tenant context is built; a
 * subclass cannot skip that. A refused request becomes its problem+json, a service behind the API
 * that does not answer a 503 with {@code Retry-After} ({@link ServiceUnavailable}), anything else
 * unexpected a 500 whose body says nothing internal. Subclasses only parse, call one use case and
 * map its result.
 */
public abstract class ApiHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

  private final ApiResponses responses;
  private final PathParameterFormats pathFormats;
  private final RequestAuthorizer authorizer;

  protected ApiHandler(ApiHandlerSupport support) {
    this.responses = support.responses();
    this.pathFormats = support.pathFormats();
    this.authorizer = support.authorizer();
  }

  @Override
  public final APIGatewayV2HTTPResponse handleRequest(
      APIGatewayV2HTTPEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> respond(event, context));
  }

  private APIGatewayV2HTTPResponse respond(APIGatewayV2HTTPEvent event, Context context) {
    String requestId = context == null ? null : context.getAwsRequestId();
    try {
      pathFormats.check(event);
      return handle(authorizer.authorize(event, requestId));
    } catch (ApiProblem problem) {
      LOG.info("request refused: status={} type={}", problem.status(), problem.type());
      return responses.problem(problem, requestId);
    } catch (RuntimeException unexpected) {
      if (ServiceUnavailable.causedBy(unexpected)) {
        // Not our bug: a service behind us is down or throttling; the client may try again.
        LOG.warn("request failed: a service did not answer", unexpected);
        return responses.problem(ServiceUnavailable.now(), requestId);
      }
      // Logged with its stack for us; the caller learns only that it failed and the request id.
      LOG.error("request failed", unexpected);
      return responses.problem(
          500,
          ProblemTypes.INTERNAL,
          "Internal Server Error",
          "Something went wrong on our side. Please try again later.",
          requestId);
    }
  }

  protected final ApiResponses responses() {
    return responses;
  }

  /** Handles one request whose access rules passed; throws {@link ApiProblem} to refuse it. */
  protected abstract APIGatewayV2HTTPResponse handle(ApiRequest request);
}
