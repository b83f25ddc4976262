package com.dermrelay.core.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Cognito user-pool admin calls the platform makes (AWS JSON 1.1 over {@link
 * SignedJsonClient}): creating accounts for clinic admins and invited dermatologists, groups, and
 * clearing an account on erasure. Usernames are e-mail addresses, as in the pool.
 */
public final class CognitoAdmin {
  private static final String PREFIX = "AWSCognitoIdentityProviderService.";
  public static final String USERNAME_EXISTS = "UsernameExistsException";
  public static final String USER_NOT_FOUND = "UserNotFoundException";

  /** An account as AdminGetUser / AdminCreateUser describe it. */
  public record PoolUser(
      String username, String status, boolean enabled, Map<String, String> attributes) {
    public String subject() {
      return attributes.getOrDefault("sub", "");
    }

    public Optional<String> attribute(String name) {
      return Optional.ofNullable(attributes.get(name));
    }
  }

  private final SignedJsonClient client;
  private final ObjectMapper json;
  private final String userPoolId;

  public CognitoAdmin(SignedJsonClient client, ObjectMapper json, String userPoolId) {
    this.client = client;
    this.json = json;
    this.userPoolId = userPoolId;
  }

  /**
   * The same calls on another pool: a user-pool trigger learns its pool from the event (the pool
   * names the trigger, so the trigger's environment cannot name the pool without a cycle).
   */
  public CognitoAdmin forPool(String poolId) {
    return poolId.equals(userPoolId) ? this : new CognitoAdmin(client, json, poolId);
  }

  /**
   * AdminCreateUser. With {@code sendInvitation}, Cognito e-mails the user their temporary password
   * (its own invitation message); without, the message is suppressed.
   *
   * @throws AwsServiceException {@value #USERNAME_EXISTS} when the address has an account
   */
  public PoolUser createUser(String email, Map<String, String> attributes, boolean sendInvitation) {
    ObjectNode request = pool().put("Username", email);
    Map<String, String> all = new LinkedHashMap<>(attributes);
    all.putIfAbsent("email", email);
    all.putIfAbsent("email_verified", "true");
    request.set("UserAttributes", attributeList(all));
    request.putArray("DesiredDeliveryMediums").add("EMAIL");
    if (!sendInvitation) {
      request.put("MessageAction", "SUPPRESS");
    }
    JsonNode user = call("AdminCreateUser", request).path("User");
    return poolUser(user, user.path("Attributes"));
  }

  public void setPassword(String username, String password, boolean permanent) {
    call(
        "AdminSetUserPassword",
        pool().put("Username", username).put("Password", password).put("Permanent", permanent));
  }

  public void addToGroup(String username, String group) {
    call("AdminAddUserToGroup", pool().put("Username", username).put("GroupName", group));
  }

  /** AdminGetUser; empty when the pool has no such user. */
  public Optional<PoolUser> getUser(String username) {
    try {
      JsonNode user = call("AdminGetUser", pool().put("Username", username));
      return Optional.of(poolUser(user, user.path("UserAttributes")));
    } catch (AwsServiceException e) {
      if (e.is(USER_NOT_FOUND)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * The e-mail address of the account with this subject (ListUsers, filter {@code sub = "..."});
   * empty when there is no such account or it has no address.
   */
  public Optional<String> emailOf(String subject) {
    if (subject == null || !subject.matches("[A-Za-z0-9-]{1,128}")) {
      return Optional.empty();
    }
    ObjectNode request = pool().put("Filter", "sub = \"" + subject + "\"").put("Limit", 1);
    for (JsonNode user : call("ListUsers", request).path("Users")) {
      PoolUser found = poolUser(user, user.path("Attributes"));
      if (subject.equals(found.subject())) {
        return found.attribute("email").filter(e -> !e.isBlank());
      }
    }
    return Optional.empty();
  }

  public void updateAttributes(String username, Map<String, String> attributes) {
    call(
        "AdminUpdateUserAttributes",
        pool().put("Username", username).set("UserAttributes", attributeList(attributes)));
  }

  /** AdminDisableUser: no more sign-in or refresh. */
  public void disableUser(String username) {
    call("AdminDisableUser", pool().put("Username", username));
  }

  private JsonNode call(String operation, ObjectNode request) {
    return client.target(PREFIX + operation, request);
  }

  private ObjectNode pool() {
    return json.createObjectNode().put("UserPoolId", userPoolId);
  }

  private ArrayNode attributeList(Map<String, String> attributes) {
    ArrayNode list = json.createArrayNode();
    attributes.forEach((name, value) -> list.addObject().put("Name", name).put("Value", value));
    return list;
  }

  private static PoolUser poolUser(JsonNode user, JsonNode attributeList) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (JsonNode attribute : attributeList) {
      attributes.put(attribute.path("Name").asText(), attribute.path("Value").asText());
    }
    return new PoolUser(
        user.path("Username").asText(),
        user.path("UserStatus").asText(),
        user.path("Enabled").asBoolean(true),
        attributes);
  }
}
