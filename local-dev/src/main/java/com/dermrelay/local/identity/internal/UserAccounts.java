package com.dermrelay.local.identity.internal;

import com.dermrelay.local.identity.IdentityException;
import com.dermrelay.local.identity.IdentityGroup;
import com.dermrelay.local.identity.UserStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The rules for changing a user and the groups, in Cognito's terms. Callers hold the pool state's
 * monitor and save the state afterwards.
 */
public final class UserAccounts {
  private static final Pattern USERNAME =
      Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]{1,128}");
  private static final Pattern GROUP_NAME =
      Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]{1,128}");
  private static final int MAX_CODE_ATTEMPTS = 5;

  private final PoolState state;
  private final Clock clock;

  public UserAccounts(PoolState state, Clock clock) {
    this.state = state;
    this.clock = clock;
  }

  public static void checkUsername(String username) {
    if (username == null || username.isBlank()) {
      throw IdentityException.invalidParameter("Username is required.");
    }
    if (!USERNAME.matcher(username).matches()) {
      throw IdentityException.invalidParameter(
          "Username must be 1 to 128 characters without spaces.");
    }
  }

  /**
   * Validated attributes; the username stands in for a missing {@code email} when it is an address,
   * since the pool signs users in by e-mail.
   */
  public static Map<String, String> withEmailFromUsername(
      String username, Map<String, String> attributes) {
    Map<String, String> checked =
        new LinkedHashMap<>(UserAttributes.validate(attributes == null ? Map.of() : attributes));
    if (!checked.containsKey(UserAttributes.EMAIL) && UserAttributes.looksLikeEmail(username)) {
      checked.put(UserAttributes.EMAIL, username);
    }
    return checked;
  }

  public UserAccount create(String username, Map<String, String> attributes) {
    UserAccount user = new UserAccount(username, UUID.randomUUID().toString(), clock.instant());
    user.attributes.putAll(attributes);
    state.putUser(user);
    return user;
  }

  /** The user, or Cognito's UserNotFoundException. */
  public UserAccount require(String username) {
    if (username == null || username.isBlank()) {
      throw IdentityException.invalidParameter("Username is required.");
    }
    UserAccount user = state.user(username);
    if (user == null) {
      throw IdentityException.userNotFound();
    }
    return user;
  }

  public String pendingCode(UserAccount user) {
    return user.pendingCode;
  }

  public String passwordHash(UserAccount user) {
    return user.passwordHash;
  }

  public void setPassword(UserAccount user, String hash, UserStatus status) {
    user.passwordHash = hash;
    user.status = status;
    if (status != UserStatus.UNCONFIRMED) {
      clearCode(user);
    }
    touch(user);
  }

  public UserAccount.Issued newCode(UserAccount user, String code, Duration lifetime) {
    String email = user.attributes.get(UserAttributes.EMAIL);
    if (email == null) {
      throw IdentityException.invalidParameter(
          "Cannot deliver a confirmation code: the user has no email attribute.");
    }
    user.pendingCode = code;
    user.codeExpires = clock.instant().plus(lifetime);
    user.failedCodeAttempts = 0;
    touch(user);
    return new UserAccount.Issued(user.username, user.sub, email, code);
  }

  /** ConfirmSignUp: checks the code and confirms the user, verifying its e-mail. */
  public void confirm(UserAccount user, String code) {
    if (user.status != UserStatus.UNCONFIRMED) {
      throw IdentityException.notAuthorized(
          "User cannot be confirmed. Current status is " + user.status);
    }
    if (user.pendingCode == null || !user.codeExpires.isAfter(clock.instant())) {
      throw new IdentityException(
          IdentityException.EXPIRED_CODE, "Invalid code provided, please request a code again.");
    }
    if (!java.security.MessageDigest.isEqual(
        user.pendingCode.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        code.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      user.failedCodeAttempts++;
      if (user.failedCodeAttempts >= MAX_CODE_ATTEMPTS) {
        // Six digits fall to guessing without a limit: the code dies, a new one must be asked for.
        clearCode(user);
        throw new IdentityException(
            IdentityException.TOO_MANY_FAILED_ATTEMPTS,
            "Too many failed attempts; request a new code with ResendConfirmationCode.");
      }
      throw new IdentityException(
          IdentityException.CODE_MISMATCH, "Invalid verification code provided, please try again.");
    }
    user.status = UserStatus.CONFIRMED;
    user.attributes.put(UserAttributes.EMAIL_VERIFIED, "true");
    clearCode(user);
    touch(user);
  }

  /** AdminConfirmSignUp: confirms without a code; the e-mail stays as verified as it was. */
  public void confirmWithoutCode(UserAccount user) {
    if (user.status != UserStatus.UNCONFIRMED) {
      throw IdentityException.notAuthorized(
          "User cannot be confirmed. Current status is " + user.status);
    }
    user.status = UserStatus.CONFIRMED;
    clearCode(user);
    touch(user);
  }

  /**
   * Sets the given attributes, keeping the others. A new e-mail is unverified unless the caller
   * says otherwise.
   */
  public void updateAttributes(UserAccount user, Map<String, String> attributes) {
    String oldEmail = user.attributes.get(UserAttributes.EMAIL);
    String newEmail = attributes.get(UserAttributes.EMAIL);
    user.attributes.putAll(attributes);
    if (newEmail != null
        && !newEmail.equalsIgnoreCase(oldEmail == null ? "" : oldEmail)
        && !attributes.containsKey(UserAttributes.EMAIL_VERIFIED)) {
      user.attributes.put(UserAttributes.EMAIL_VERIFIED, "false");
    }
    touch(user);
  }

  public void setEnabled(UserAccount user, boolean enabled) {
    user.enabled = enabled;
    touch(user);
  }

  public void addToGroup(UserAccount user, String group) {
    requireGroup(group);
    user.groups.add(group);
    touch(user);
  }

  public void removeFromGroup(UserAccount user, String group) {
    requireGroup(group);
    user.groups.remove(group);
    touch(user);
  }

  public void replaceGroups(UserAccount user, Set<String> groups) {
    groups.forEach(this::requireGroup);
    user.groups.clear();
    user.groups.addAll(groups);
    touch(user);
  }

  public void ensureGroup(String name, String description) {
    if (name == null || !GROUP_NAME.matcher(name).matches()) {
      throw IdentityException.invalidParameter("Invalid group name: " + name);
    }
    if (state.group(name) == null) {
      state.putGroup(new PoolState.Group(name, description, clock.instant().toString()));
      state.saveGroups();
    }
  }

  public List<IdentityGroup> groups() {
    List<IdentityGroup> groups = new ArrayList<>();
    for (String name : new java.util.TreeSet<>(state.groupNames())) {
      groups.add(state.group(name).toPublic());
    }
    return groups;
  }

  private void requireGroup(String group) {
    if (group == null || group.isBlank()) {
      throw IdentityException.invalidParameter("GroupName is required.");
    }
    if (state.group(group) == null) {
      throw new IdentityException(IdentityException.RESOURCE_NOT_FOUND, "Group not found.");
    }
  }

  private static void clearCode(UserAccount user) {
    user.pendingCode = null;
    user.codeExpires = null;
    user.failedCodeAttempts = 0;
  }

  private void touch(UserAccount user) {
    user.modified = clock.instant();
  }
}
