package com.dermrelay.fhir.delivery;

import com.dermrelay.core.net.OutboundAddressGuard;
import com.dermrelay.core.net.OutboundHttp;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Posts a transaction Bundle to a clinic's FHIR endpoint and says what happened: delivered (with
 * the locations the EHR assigned), {@link EhrUnavailableException} (refused, dropped, timed out,
 * 5xx, 429: worth retrying later) or {@link EhrRejectedException} (any other 4xx, or an
 * OperationOutcome with errors: a person must act). OAuth2 tokens are cached per client until
 * shortly before they expire and fetched again once when the EHR answers 401. The Bundle is never
 * quoted in a reason, only the EHR's own diagnostics, shortened ({@link EhrAnswers}). An endpoint
 * whose name resolves to a loopback, private, link-local or otherwise internal address is refused
 * before any connection ({@link OutboundHttp}): a person must correct it.
 */
@Singleton
public final class FhirEndpointClient {
  static final String FHIR_JSON = "application/fhir+json";

  /** A token is not used in its last half minute: it could expire on the way. */
  private static final Duration TOKEN_MARGIN = Duration.ofSeconds(30);

  private final OutboundHttp http;
  private final EhrAnswers answers;
  private final Clock clock;
  private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

  private record CachedToken(String token, Instant until) {}

  /** What the EHR accepted: the location of each entry, in the Bundle's order. */
  public record Receipt(List<String> locations) {}

  /**
   * @param http calls only addresses the guard allows, connecting to the address it checked (an EHR
   *     URL is the clinic's to set, so it must not reach the metadata service or our network)
   */
  @Inject
  public FhirEndpointClient(OutboundHttp http, ObjectMapper json, Clock clock) {
    this.http = http;
    this.answers = new EhrAnswers(json);
    this.clock = clock;
  }

  /**
   * When an attempt must have its answer, whatever the endpoint's timeouts say: "send again" runs
   * inside an API call, which API Gateway cuts at 30 s. Measured on the monotonic clock (the EHR's
   * timeouts are real time, also in the local stack).
   */
  public record Deadline(long nanoTime) {
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE);

    public static Deadline after(Duration budget) {
      return new Deadline(System.nanoTime() + budget.toNanos());
    }

    /** The endpoint's timeout, cut to what is left; throws when too little is left to try. */
    Duration cap(Duration timeout) {
      if (nanoTime == Long.MAX_VALUE) {
        return timeout;
      }
      Duration left = Duration.ofNanos(nanoTime - System.nanoTime());
      if (left.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new EhrUnavailableException(
            "The EHR did not answer in the time a request to send again has.");
      }
      return left.compareTo(timeout) < 0 ? left : timeout;
    }
  }

  /** Sends the Bundle; throws {@link EhrUnavailableException} or {@link EhrRejectedException}. */
  public Receipt send(EhrEndpoint endpoint, EhrCredentials credentials, String bundleJson) {
    return send(endpoint, credentials, bundleJson, Deadline.NONE);
  }

  /** As {@link #send(EhrEndpoint, EhrCredentials, String)}, every call done by {@code deadline}. */
  public Receipt send(
      EhrEndpoint endpoint, EhrCredentials credentials, String bundleJson, Deadline deadline) {
    String token = token(endpoint, credentials, false, deadline);
    OutboundHttp.Response response = post(endpoint, token, bundleJson, deadline);
    if (response.status() == 401 && credentials instanceof EhrCredentials.ClientCredentials) {
      // The cached token may have been revoked early: one fresh token, one more try.
      response = post(endpoint, token(endpoint, credentials, true, deadline), bundleJson, deadline);
    }
    return answers.classify(response.status(), response.body());
  }

  private OutboundHttp.Response post(
      EhrEndpoint endpoint, String token, String bundleJson, Deadline deadline) {
    Duration timeout = deadline.cap(endpoint.timeout());
    return call(
        endpoint.baseUrl(),
        Map.of(
            "Content-Type", FHIR_JSON,
            "Accept", FHIR_JSON,
            "Authorization", "Bearer " + token),
        bundleJson,
        timeout,
        "The EHR");
  }

  private String token(
      EhrEndpoint endpoint, EhrCredentials credentials, boolean fresh, Deadline deadline) {
    if (endpoint.authType() == EhrEndpoint.AuthType.BEARER) {
      if (credentials instanceof EhrCredentials.Token bearer) {
        return bearer.token();
      }
      throw new EhrRejectedException(
          "The endpoint is set up for a bearer token, but client credentials"
              + " are stored; store a token with putEhrCredentials.");
    }
    if (!(credentials instanceof EhrCredentials.ClientCredentials client)) {
      throw new EhrRejectedException(
          "The endpoint is set up for OAuth2 client credentials, but a token"
              + " is stored; store a clientId and clientSecret with putEhrCredentials.");
    }
    URI tokenUrl =
        endpoint
            .tokenUrl()
            .orElseThrow(
                () ->
                    new EhrRejectedException("The endpoint's OAuth2 token URL is not configured."));
    String key = tokenUrl + " " + client.clientId() + " " + client.clientSecret().hashCode();
    CachedToken cached = tokens.get(key);
    Instant now = clock.instant();
    if (!fresh && cached != null && cached.until().isAfter(now)) {
      return cached.token();
    }
    String form =
        "grant_type=client_credentials"
            + endpoint
                .scope()
                .map(scope -> "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8))
                .orElse("");
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (URLEncoder.encode(client.clientId(), StandardCharsets.UTF_8)
                        + ":"
                        + URLEncoder.encode(client.clientSecret(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
    Duration timeout = deadline.cap(endpoint.timeout());
    OutboundHttp.Response response =
        call(
            tokenUrl,
            Map.of(
                "Content-Type", "application/x-www-form-urlencoded",
                "Accept", "application/json",
                "Authorization", "Basic " + basic),
            form,
            timeout,
            "The EHR's token endpoint");
    EhrAnswers.Token issued = answers.token(response.status(), response.body());
    Instant until = now.plusSeconds(issued.expiresInSeconds()).minus(TOKEN_MARGIN);
    tokens.put(key, new CachedToken(issued.accessToken(), until));
    return issued.accessToken();
  }

  private OutboundHttp.Response call(
      URI url, Map<String, String> headers, String body, Duration timeout, String who) {
    try {
      return http.post(url, headers, body, timeout);
    } catch (OutboundAddressGuard.Refused e) {
      // The clinic's setting points inside a network we must not reach: a person must change it.
      throw new EhrRejectedException(who + " is not at a public address: " + e.getMessage() + ".");
    } catch (IllegalArgumentException e) {
      throw new EhrRejectedException(who + "'s address or token cannot be used in a request.");
    } catch (SocketTimeoutException e) {
      throw new EhrUnavailableException(
          who + " did not answer within " + timeout.toSeconds() + " s.");
    } catch (UnknownHostException e) {
      throw new EhrUnavailableException(
          who + "'s host name was not found (" + url.getHost() + ").");
    } catch (ConnectException e) {
      throw new EhrUnavailableException(who + " refused the connection (" + url.getHost() + ").");
    } catch (IOException e) {
      throw new EhrUnavailableException(who + " closed the connection without an answer.");
    }
  }
}
