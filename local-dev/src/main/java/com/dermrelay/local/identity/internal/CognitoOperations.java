package com.dermrelay.local.identity.internal;

import static com.dermrelay.local.identity.IdentityException.invalidParameter;

import com.dermrelay.local.http.Exchanges;
import com.dermrelay.local.identity.AuthTokens;
import com.dermrelay.local.identity.IdentityAdmin;
import com.dermrelay.local.identity.IdentityGroup;
import com.dermrelay.local.identity.IdentityService;
import com.dermrelay.local.identity.IdentityUser;
import com.dermrelay.local.identity.SignInOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Cognito's JSON requests and responses for each operation, mapped onto {@link IdentityService}.
 * Field names are Cognito's (AWS JSON 1.1); timestamps are epoch seconds.
 */
public final class CognitoOperations {
  /** The browser calls Cognito answers without SigV4; everything else needs a signature. */
  private static final Set<String> UNSIGNED =
      Set.of(
          "SignUp",
          "ConfirmSignUp",
          "ResendConfirmationCode",
          "InitiateAuth",
          "RespondToAuthChallenge",
          "GetUser");

  private final IdentityService service;
  private final IdentityAdmin admin;
  private final Map<String, Function<JsonNode, ObjectNode>> operations = new LinkedHashMap<>();

  public CognitoOperations(IdentityService service) {
    this.service = service;
    this.admin = service.admin();
    operations.put("SignUp", this::signUp);
    operations.put("ConfirmSignUp", this::confirmSignUp);
    operations.put("ResendConfirmationCode", this::resendConfirmationCode);
    operations.put("InitiateAuth", this::initiateAuth);
    operations.put("RespondToAuthChallenge", this::respondToAuthChallenge);
    operations.put("GetUser", this::getUser);
    operations.put("AdminCreateUser", this::adminCreateUser);
    operations.put("AdminConfirmSignUp", this::adminConfirmSignUp);
    operations.put("AdminSetUserPassword", this::adminSetUserPassword);
    operations.put("AdminGetUser", this::adminGetUser);
    operations.put("AdminAddUserToGroup", this::adminAddUserToGroup);
    operations.put("AdminRemoveUserFromGroup", this::adminRemoveUserFromGroup);
    operations.put("AdminListGroupsForUser", this::adminListGroupsForUser);
    operations.put("AdminDeleteUser", this::adminDeleteUser);
    operations.put("AdminUpdateUserAttributes", this::adminUpdateUserAttributes);
    operations.put("AdminDisableUser", this::adminDisableUser);
    operations.put("AdminEnableUser", this::adminEnableUser);
    operations.put("ListUsers", this::listUsers);
    operations.put("CreateGroup", this::createGroup);
  }

  public boolean exists(String operation) {
    return operations.containsKey(operation);
  }

  public boolean needsSignature(String operation) {
    return !UNSIGNED.contains(operation);
  }

  public ObjectNode call(String operation, JsonNode request) {
    return operations.get(operation).apply(request);
  }

  // ---- self-service ----

  private ObjectNode signUp(JsonNode in) {
    service.checkClientId(text(in, "ClientId"));
    IdentityService.SignUpResult result =
        service.signUp(
            text(in, "Username"),
            text(in, "Password"),
            attributes(in, "UserAttributes"),
            clientMetadata(in));
    ObjectNode out = object();
    out.put("UserConfirmed", result.confirmed());
    out.put("UserSub", result.userSub());
    out.set("CodeDeliveryDetails", delivery(result.destination()));
    return out;
  }

  private ObjectNode confirmSignUp(JsonNode in) {
    service.checkClientId(text(in, "ClientId"));
    service.confirmSignUp(text(in, "Username"), text(in, "ConfirmationCode"), clientMetadata(in));
    return object();
  }

  private ObjectNode resendConfirmationCode(JsonNode in) {
    service.checkClientId(text(in, "ClientId"));
    ObjectNode out = object();
    out.set("CodeDeliveryDetails", delivery(service.resendConfirmationCode(text(in, "Username"))));
    return out;
  }

  private ObjectNode initiateAuth(JsonNode in) {
    service.checkClientId(text(in, "ClientId"));
    String flow = text(in, "AuthFlow");
    JsonNode parameters = in.path("AuthParameters");
    ObjectNode out = object();
    switch (flow) {
      case "USER_PASSWORD_AUTH":
        SignInOutcome outcome =
            service.initiatePasswordAuth(
                parameters.path("USERNAME").asText(null), parameters.path("PASSWORD").asText(null));
        if (outcome.isChallenge()) {
          out.put("ChallengeName", outcome.challengeName());
          out.put("Session", outcome.session());
          ObjectNode challenge = out.putObject("ChallengeParameters");
          challenge.put("USER_ID_FOR_SRP", parameters.path("USERNAME").asText());
          challenge.put("requiredAttributes", "[]");
          challenge.put("userAttributes", "{}");
          return out;
        }
        out.putObject("ChallengeParameters");
        out.set("AuthenticationResult", authenticationResult(outcome.tokens()));
        return out;
      case "REFRESH_TOKEN_AUTH":
      case "REFRESH_TOKEN":
        AuthTokens tokens = service.refresh(parameters.path("REFRESH_TOKEN").asText(null));
        out.putObject("ChallengeParameters");
        out.set("AuthenticationResult", authenticationResult(tokens));
        return out;
      default:
        throw invalidParameter(
            "Unsupported AuthFlow "
                + flow
                + ": the local pool knows USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH.");
    }
  }

  private ObjectNode respondToAuthChallenge(JsonNode in) {
    service.checkClientId(text(in, "ClientId"));
    String challenge = text(in, "ChallengeName");
    if (!SignInOutcome.NEW_PASSWORD_REQUIRED.equals(challenge)) {
      throw invalidParameter("Unsupported ChallengeName " + challenge + ".");
    }
    JsonNode responses = in.path("ChallengeResponses");
    AuthTokens tokens =
        service.respondToNewPasswordChallenge(
            in.path("Session").asText(null),
            responses.path("USERNAME").asText(null),
            responses.path("NEW_PASSWORD").asText(null));
    ObjectNode out = object();
    out.putObject("ChallengeParameters");
    out.set("AuthenticationResult", authenticationResult(tokens));
    return out;
  }

  private ObjectNode getUser(JsonNode in) {
    IdentityUser user = service.getUser(text(in, "AccessToken"));
    ObjectNode out = object();
    out.put("Username", user.username());
    out.set("UserAttributes", attributeArray(user));
    return out;
  }

  // ---- admin ----

  private ObjectNode adminCreateUser(JsonNode in) {
    pool(in);
    String action = in.path("MessageAction").asText(null);
    if (action != null && !action.equals("SUPPRESS") && !action.equals("RESEND")) {
      throw invalidParameter("MessageAction must be SUPPRESS or RESEND.");
    }
    IdentityUser user =
        admin.createUser(
            text(in, "Username"),
            in.path("TemporaryPassword").asText(null),
            attributes(in, "UserAttributes"),
            "SUPPRESS".equals(action));
    ObjectNode out = object();
    ObjectNode described = userType(user);
    described.set("Attributes", described.remove("UserAttributes"));
    out.set("User", described);
    return out;
  }

  private ObjectNode adminConfirmSignUp(JsonNode in) {
    pool(in);
    admin.confirmSignUp(text(in, "Username"), clientMetadata(in));
    return object();
  }

  private ObjectNode adminSetUserPassword(JsonNode in) {
    pool(in);
    admin.setUserPassword(
        text(in, "Username"), text(in, "Password"), in.path("Permanent").asBoolean(false));
    return object();
  }

  private ObjectNode adminGetUser(JsonNode in) {
    pool(in);
    return userType(admin.getUser(text(in, "Username")));
  }

  private ObjectNode adminAddUserToGroup(JsonNode in) {
    pool(in);
    admin.addUserToGroup(text(in, "Username"), text(in, "GroupName"));
    return object();
  }

  private ObjectNode adminRemoveUserFromGroup(JsonNode in) {
    pool(in);
    admin.removeUserFromGroup(text(in, "Username"), text(in, "GroupName"));
    return object();
  }

  private ObjectNode adminListGroupsForUser(JsonNode in) {
    pool(in);
    ObjectNode out = object();
    ArrayNode groups = out.putArray("Groups");
    for (IdentityGroup group : admin.listGroupsForUser(text(in, "Username"))) {
      groups.add(groupType(group));
    }
    return out;
  }

  private ObjectNode adminDeleteUser(JsonNode in) {
    pool(in);
    admin.deleteUser(text(in, "Username"));
    return object();
  }

  private ObjectNode adminUpdateUserAttributes(JsonNode in) {
    pool(in);
    admin.updateUserAttributes(text(in, "Username"), attributes(in, "UserAttributes"));
    return object();
  }

  private ObjectNode adminDisableUser(JsonNode in) {
    pool(in);
    admin.disableUser(text(in, "Username"));
    return object();
  }

  private ObjectNode adminEnableUser(JsonNode in) {
    pool(in);
    admin.enableUser(text(in, "Username"));
    return object();
  }

  private ObjectNode listUsers(JsonNode in) {
    pool(in);
    Integer limit = in.hasNonNull("Limit") ? in.get("Limit").asInt() : null;
    IdentityAdmin.UserPage page =
        admin.listUsers(
            in.path("Filter").asText(null), limit, in.path("PaginationToken").asText(null));
    ObjectNode out = object();
    ArrayNode users = out.putArray("Users");
    for (IdentityUser user : page.users()) {
      ObjectNode described = userType(user);
      described.set("Attributes", described.remove("UserAttributes"));
      users.add(described);
    }
    if (page.paginationToken() != null) {
      out.put("PaginationToken", page.paginationToken());
    }
    return out;
  }

  private ObjectNode createGroup(JsonNode in) {
    pool(in);
    IdentityGroup group =
        admin.createGroup(text(in, "GroupName"), in.path("Description").asText(null));
    ObjectNode out = object();
    out.set("Group", groupType(group));
    return out;
  }

  // ---- shapes ----

  private void pool(JsonNode in) {
    service.checkUserPoolId(text(in, "UserPoolId"));
  }

  private static String text(JsonNode in, String field) {
    JsonNode value = in.get(field);
    if (value == null || value.isNull()) {
      throw invalidParameter(
          "1 validation error detected: Value null at '"
              + field
              + "' failed to satisfy constraint: Member must not be null");
    }
    if (!value.isTextual()) {
      throw invalidParameter(field + " must be a string.");
    }
    return value.asText();
  }

  private static Map<String, String> attributes(JsonNode in, String field) {
    Map<String, String> attributes = new LinkedHashMap<>();
    JsonNode list = in.get(field);
    if (list == null || list.isNull()) {
      return attributes;
    }
    if (!list.isArray()) {
      throw invalidParameter(field + " must be a list of {Name, Value}.");
    }
    Set<String> seen = new HashSet<>();
    for (JsonNode attribute : list) {
      String name = text(attribute, "Name");
      if (!seen.add(name)) {
        throw invalidParameter("Duplicate attribute " + name + ".");
      }
      JsonNode value = attribute.get("Value");
      attributes.put(name, value == null || value.isNull() ? null : value.asText());
    }
    return attributes;
  }

  /**
   * ClientMetadata: a string-to-string map for the triggers; Cognito neither stores nor checks it.
   */
  private static Map<String, String> clientMetadata(JsonNode in) {
    JsonNode map = in.get("ClientMetadata");
    Map<String, String> metadata = new LinkedHashMap<>();
    if (map == null || map.isNull()) {
      return metadata;
    }
    if (!map.isObject()) {
      throw invalidParameter("ClientMetadata must be a map of strings.");
    }
    map.fields()
        .forEachRemaining(
            e -> {
              if (!e.getValue().isTextual()) {
                throw invalidParameter("ClientMetadata must be a map of strings.");
              }
              metadata.put(e.getKey(), e.getValue().asText());
            });
    return metadata;
  }

  private static ObjectNode authenticationResult(AuthTokens tokens) {
    ObjectNode result = object();
    result.put("AccessToken", tokens.accessToken());
    result.put("ExpiresIn", tokens.expiresInSeconds());
    result.put("IdToken", tokens.idToken());
    if (tokens.refreshToken() != null) {
      result.put("RefreshToken", tokens.refreshToken());
    }
    result.put("TokenType", AuthTokens.TOKEN_TYPE);
    return result;
  }

  private static ObjectNode delivery(String destination) {
    ObjectNode details = object();
    details.put("AttributeName", "email");
    details.put("DeliveryMedium", "EMAIL");
    details.put("Destination", destination);
    return details;
  }

  private static ObjectNode userType(IdentityUser user) {
    ObjectNode out = object();
    out.put("Username", user.username());
    out.set("UserAttributes", attributeArray(user));
    out.put("UserCreateDate", epochSeconds(user.created()));
    out.put("UserLastModifiedDate", epochSeconds(user.lastModified()));
    out.put("Enabled", user.enabled());
    out.put("UserStatus", user.status().name());
    return out;
  }

  private static ArrayNode attributeArray(IdentityUser user) {
    ArrayNode array = Exchanges.JSON.createArrayNode();
    user.attributes().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> array.addObject().put("Name", e.getKey()).put("Value", e.getValue()));
    return array;
  }

  private ObjectNode groupType(IdentityGroup group) {
    ObjectNode out = object();
    out.put("GroupName", group.name());
    out.put("UserPoolId", service.userPoolId());
    if (group.description() != null) {
      out.put("Description", group.description());
    }
    out.put("CreationDate", epochSeconds(group.created()));
    out.put("LastModifiedDate", epochSeconds(group.created()));
    return out;
  }

  private static double epochSeconds(Instant instant) {
    return instant.getEpochSecond() + instant.getNano() / 1e9;
  }

  private static ObjectNode object() {
    return Exchanges.JSON.createObjectNode();
  }
}
