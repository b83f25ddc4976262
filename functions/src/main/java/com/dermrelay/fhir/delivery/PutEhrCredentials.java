package com.dermrelay.fhir.delivery;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;

/**
 * A clinic admin stores the credentials for the clinic's EHR: OAuth2 {@code clientId} and {@code
 * clientSecret}, or a static {@code token}. They go to Secrets Manager only; no call ever answers
 * them, and problems name the field, never its value. Audited.
 */
public final class PutEhrCredentials {
  private static final int MAX_LENGTH = 4096;

  private final EhrSecrets secrets;
  private final AuditTrail audit;

  @Inject
  public PutEhrCredentials(EhrSecrets secrets, AuditTrail audit) {
    this.secrets = secrets;
    this.audit = audit;
  }

  /** The request body: either the client pair or the token. */
  public record Body(String clientId, String clientSecret, String token) {
    @Override
    public String toString() {
      return "Body[****]";
    }
  }

  public void run(TenantContext tenant, Body body) {
    secrets.put(tenant, credentials(body));
    audit.wrote(
        tenant, "ehr.credentials.put", AuditResource.of("ehr-credentials", tenant.tenantId()));
  }

  static EhrCredentials credentials(Body body) {
    boolean client = body.clientId() != null || body.clientSecret() != null;
    if (client == (body.token() != null)) {
      throw new ApiProblem(
          400,
          ProblemTypes.INVALID_REQUEST,
          "Bad Request",
          "Give either 'clientId' and 'clientSecret' (OAuth2 client credentials) or 'token' (a bearer token).",
          List.of(new ApiProblem.FieldError("/", "clientId and clientSecret, or token")));
    }
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    if (client) {
      check(body.clientId(), "/clientId", errors);
      check(body.clientSecret(), "/clientSecret", errors);
    } else {
      check(body.token(), "/token", errors);
    }
    if (!errors.isEmpty()) {
      throw new ApiProblem(
          400,
          ProblemTypes.INVALID_REQUEST,
          "Bad Request",
          "Invalid credentials at: "
              + String.join(", ", errors.stream().map(ApiProblem.FieldError::pointer).toList())
              + ".",
          errors);
    }
    return client
        ? new EhrCredentials.ClientCredentials(body.clientId(), body.clientSecret())
        : new EhrCredentials.Token(body.token());
  }

  /** 1 to 4096 visible ASCII characters: what goes into a header or a form unchanged. */
  private static void check(String value, String pointer, List<ApiProblem.FieldError> errors) {
    if (value == null
        || value.isEmpty()
        || value.length() > MAX_LENGTH
        || !value.matches("[!-~]+")) {
      errors.add(
          new ApiProblem.FieldError(pointer, "1 to " + MAX_LENGTH + " visible ASCII characters"));
    }
  }
}
