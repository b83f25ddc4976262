package com.dermrelay.core.http;

import com.dermrelay.core.aws.AwsServiceException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * A 503: a service the API depends on (media storage, the user pool, the table, the workflow) did
 * not answer, answered that it is overloaded, or throttled us. Nothing is wrong with the request,
 * so the client is told to try again after {@code Retry-After} seconds, not that it failed for good
 * (a 500). Every write is idempotent or conditional, so such a retry is safe.
 */
public final class ServiceUnavailable extends ApiProblem {
  private static final long serialVersionUID = 1L;

  /** Outages of the emulated and real services we saw last seconds, not minutes. */
  static final long RETRY_AFTER_SECONDS = 30;

  private final long retryAfterSeconds;

  private ServiceUnavailable(long retryAfterSeconds) {
    super(
        503,
        ProblemTypes.SERVICE_UNAVAILABLE,
        "Service Unavailable",
        "A service we depend on is not answering right now. Please try again in a moment.");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static ServiceUnavailable now() {
    return new ServiceUnavailable(RETRY_AFTER_SECONDS);
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /**
   * Whether {@code failure} comes from a service that could not be reached, timed out, throttled or
   * failed on its side (5xx), anywhere in its cause chain: the SDK's clients and our signed calls
   * wrap the network's exceptions. Workflow steps ask it too ({@code core.workflow}).
   */
  public static boolean causedBy(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SdkServiceException service
          && (service.isThrottlingException() || service.statusCode() >= 500)) {
        return true;
      }
      if (t instanceof AwsServiceException service && service.transientFailure()) {
        return true;
      }
      if (t instanceof SocketException
          || t instanceof SocketTimeoutException
          || t instanceof UnknownHostException
          || t instanceof HttpTimeoutException) {
        return true;
      }
    }
    return false;
  }
}
