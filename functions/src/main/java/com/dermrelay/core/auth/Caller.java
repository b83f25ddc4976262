package com.dermrelay.core.auth;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.dermrelay.core.http.ApiProblem;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is calling, from the claims the HTTP API's JWT authorizer verified. The handler checks again
 * the claims it relies on: an ID token (not an access token), a subject, and known roles.
 */
public record Caller(
    String subject, String email, List<Role> roles, Optional<String> homeTenantId) {

  /** Reads the caller of an authorized route; refuses with 401 when the claims are unusable. */
  public static Caller of(APIGatewayV2HTTPEvent event) {
    Map<String, String> claims = claims(event);
    if (!"id".equals(claims.get("token_use"))) {
      throw unauthorized("Send the ID token from sign-in, not an access token.");
    }
    String subject = claims.get("sub");
    if (subject == null || subject.isBlank()) {
      throw unauthorized("The token has no subject.");
    }
    List<Role> roles =
        groups(claims.get("cognito:groups")).stream()
            .map(Role::fromGroup)
            .flatMap(Optional::stream)
            .toList();
    String tenant = claims.get("custom:tenantId");
    if (roles.isEmpty() && tenant != null && !tenant.isBlank()) {
      // A patient who signed themselves up (SignUp + ConfirmSignUp) is in no group: Cognito's
      // SignUp adds none. Such an account of a clinic is a patient of it, and nothing more.
      roles = List.of(Role.PATIENT);
    }
    return new Caller(
        subject,
        claims.getOrDefault("email", ""),
        roles,
        tenant == null || tenant.isBlank() ? Optional.empty() : Optional.of(tenant));
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  private static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
    var context = event.getRequestContext();
    if (context == null
        || context.getAuthorizer() == null
        || context.getAuthorizer().getJwt() == null
        || context.getAuthorizer().getJwt().getClaims() == null) {
      throw unauthorized("Sign in first.");
    }
    return context.getAuthorizer().getJwt().getClaims();
  }

  /** HTTP API renders a JSON array claim as {@code [a b]}; a single group may come bare. */
  static List<String> groups(String rendered) {
    if (rendered == null || rendered.isBlank()) {
      return List.of();
    }
    String inner = rendered.strip();
    if (inner.startsWith("[") && inner.endsWith("]")) {
      inner = inner.substring(1, inner.length() - 1);
    }
    return Arrays.stream(inner.split("[\\s,]+")).filter(g -> !g.isBlank()).toList();
  }

  private static ApiProblem unauthorized(String detail) {
    return new ApiProblem(401, "about:blank", "Unauthorized", detail);
  }
}
