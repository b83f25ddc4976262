package com.dermrelay.local.identity;

import static com.dermrelay.local.identity.IdentityException.invalidParameter;

import com.dermrelay.local.identity.internal.PasswordHasher;
import com.dermrelay.local.identity.internal.PasswordPolicy;
import com.dermrelay.local.identity.internal.PoolState;
import com.dermrelay.local.identity.internal.Secrets;
import com.dermrelay.local.identity.internal.UserAccount;
import com.dermrelay.local.identity.internal.UserAccounts;
import com.dermrelay.local.identity.internal.UserAttributes;
import com.dermrelay.local.identity.internal.UserFilter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The pool's admin calls, which the functions make signed (AdminCreateUser, AdminAddUserToGroup,
 * ListUsers, ...). Method names are Cognito's operation names without the {@code Admin} prefix. Get
 * one from {@link IdentityService#admin()}.
 */
public final class IdentityAdmin {
  private static final int MAX_PAGE = 60;

  private final PoolState state;
  private final UserAccounts accounts;
  private final PasswordHasher hasher;
  private final SecureRandom random;
  private final CodeDelivery delivery;
  private final Clock clock;
  private final Consumer<String> forgetCode;
  private final int minPasswordLength;
  private final PreSignUp preSignUp;
  private final PostConfirmation postConfirmation;

  /** Runs the pool's pre-sign-up trigger, if any, for an account about to be created. */
  @FunctionalInterface
  interface PreSignUp {
    void check(String triggerSource, String username, Map<String, String> attributes);
  }

  /** Runs the pool's post-confirmation trigger, if any, for an account just confirmed. */
  @FunctionalInterface
  interface PostConfirmation {
    void run(String username, Map<String, String> attributes, Map<String, String> clientMetadata);
  }

  /** One page of ListUsers; {@code paginationToken} is null on the last page. */
  public record UserPage(List<IdentityUser> users, String paginationToken) {}

  IdentityAdmin(
      PoolState state,
      UserAccounts accounts,
      PasswordHasher hasher,
      SecureRandom random,
      CodeDelivery delivery,
      Clock clock,
      Consumer<String> forgetCode,
      int minPasswordLength,
      PreSignUp preSignUp,
      PostConfirmation postConfirmation) {
    this.state = state;
    this.accounts = accounts;
    this.hasher = hasher;
    this.random = random;
    this.delivery = delivery;
    this.clock = clock;
    this.forgetCode = forgetCode;
    this.minPasswordLength = minPasswordLength;
    this.preSignUp = preSignUp;
    this.postConfirmation = postConfirmation;
  }

  /**
   * AdminCreateUser: the user starts in FORCE_CHANGE_PASSWORD. Without a temporary password one is
   * generated; unless {@code suppressMessage}, the invitation goes to {@link CodeDelivery}.
   */
  public IdentityUser createUser(
      String username,
      String temporaryPassword,
      Map<String, String> attributes,
      boolean suppressMessage) {
    UserAccounts.checkUsername(username);
    String password = temporaryPassword == null ? generatePassword() : temporaryPassword;
    PasswordPolicy.check(password, minPasswordLength);
    Map<String, String> checked = UserAccounts.withEmailFromUsername(username, attributes);
    preSignUp.check(IdentityService.ADMIN_CREATE_USER_SOURCE, username, checked);
    String hash = hasher.hash(password);
    IdentityUser user;
    synchronized (state) {
      if (state.user(username) != null) {
        throw new IdentityException(
            IdentityException.USERNAME_EXISTS, "User account already exists");
      }
      UserAccount account = accounts.create(username, checked);
      accounts.setPassword(account, hash, UserStatus.FORCE_CHANGE_PASSWORD);
      state.saveUsers();
      user = account.snapshot();
    }
    if (!suppressMessage) {
      delivery.deliver(
          new CodeDelivery.Message(
              CodeDelivery.Purpose.ADMIN_INVITATION,
              user.username(),
              user.attribute(UserAttributes.EMAIL),
              password));
    }
    return user;
  }

  /**
   * AdminConfirmSignUp: confirms an UNCONFIRMED account without its code, then runs the
   * post-confirmation trigger with {@code clientMetadata} (outside the lock; its failure leaves the
   * account confirmed, as on AWS).
   */
  public void confirmSignUp(String username, Map<String, String> clientMetadata) {
    IdentityUser confirmed;
    synchronized (state) {
      UserAccount user = accounts.require(username);
      accounts.confirmWithoutCode(user);
      state.saveUsers();
      confirmed = user.snapshot();
    }
    forgetCode.accept(username);
    postConfirmation.run(confirmed.username(), confirmed.attributes(), clientMetadata);
  }

  /** AdminSetUserPassword: permanent confirms the user; temporary forces a change at sign-in. */
  public void setUserPassword(String username, String password, boolean permanent) {
    PasswordPolicy.check(password, minPasswordLength);
    String hash = hasher.hash(password);
    synchronized (state) {
      UserAccount user = accounts.require(username);
      accounts.setPassword(
          user, hash, permanent ? UserStatus.CONFIRMED : UserStatus.FORCE_CHANGE_PASSWORD);
      state.saveUsers();
    }
  }

  public IdentityUser getUser(String username) {
    synchronized (state) {
      return accounts.require(username).snapshot();
    }
  }

  public void addUserToGroup(String username, String group) {
    synchronized (state) {
      UserAccount user = accounts.require(username);
      accounts.addToGroup(user, group);
      state.saveUsers();
    }
  }

  public void removeUserFromGroup(String username, String group) {
    synchronized (state) {
      UserAccount user = accounts.require(username);
      accounts.removeFromGroup(user, group);
      state.saveUsers();
    }
  }

  public List<IdentityGroup> listGroupsForUser(String username) {
    synchronized (state) {
      List<IdentityGroup> groups = new ArrayList<>();
      for (String name : accounts.require(username).snapshot().groups()) {
        groups.add(state.group(name).toPublic());
      }
      groups.sort((a, b) -> a.name().compareTo(b.name()));
      return groups;
    }
  }

  /** Deletes the user and revokes its refresh tokens. */
  public void deleteUser(String username) {
    synchronized (state) {
      UserAccount user = accounts.require(username);
      state.removeUser(user.username());
      state.revokeRefreshGrants(user.username());
      state.saveUsers();
      state.saveRefreshGrants(clock.instant());
    }
    forgetCode.accept(username);
  }

  public void updateUserAttributes(String username, Map<String, String> attributes) {
    Map<String, String> checked = UserAttributes.validate(attributes);
    synchronized (state) {
      UserAccount user = accounts.require(username);
      accounts.updateAttributes(user, checked);
      state.saveUsers();
    }
  }

  /** A disabled user cannot sign in, refresh, or use its access token with GetUser. */
  public void disableUser(String username) {
    setEnabled(username, false);
  }

  public void enableUser(String username) {
    setEnabled(username, true);
  }

  private void setEnabled(String username, boolean enabled) {
    synchronized (state) {
      UserAccount user = accounts.require(username);
      accounts.setEnabled(user, enabled);
      state.saveUsers();
    }
  }

  /**
   * ListUsers with Cognito's filter ({@code email = "x"}, {@code username ^= "a"}, ...), in
   * username order, at most {@code limit} (1 to 60) per page.
   */
  public UserPage listUsers(String filter, Integer limit, String paginationToken) {
    int pageSize = limit == null ? MAX_PAGE : limit;
    if (pageSize < 1 || pageSize > MAX_PAGE) {
      throw invalidParameter("Limit must be between 1 and " + MAX_PAGE + ".");
    }
    String after = decodePageToken(paginationToken);
    Predicate<IdentityUser> matches = UserFilter.parse(filter);
    List<IdentityUser> page = new ArrayList<>();
    boolean more = false;
    synchronized (state) {
      for (UserAccount account : state.users()) {
        if (after != null && PoolState.key(account.username()).compareTo(after) <= 0) {
          continue;
        }
        IdentityUser user = account.snapshot();
        if (!matches.test(user)) {
          continue;
        }
        if (page.size() == pageSize) {
          more = true;
          break;
        }
        page.add(user);
      }
    }
    String next =
        more
            ? Base64.getUrlEncoder()
                .encodeToString(
                    PoolState.key(page.get(page.size() - 1).username())
                        .getBytes(StandardCharsets.UTF_8))
            : null;
    return new UserPage(page, next);
  }

  /** CreateGroup: refuses a name that exists with Cognito's GroupExistsException. */
  public IdentityGroup createGroup(String name, String description) {
    synchronized (state) {
      if (state.group(name) != null) {
        throw new IdentityException(
            IdentityException.GROUP_EXISTS, "A group with the name already exists.");
      }
      accounts.ensureGroup(name, description);
      return state.group(name).toPublic();
    }
  }

  /** Creates the group unless it exists. */
  public void ensureGroup(String name, String description) {
    synchronized (state) {
      accounts.ensureGroup(name, description);
    }
  }

  public List<IdentityGroup> listGroups() {
    synchronized (state) {
      return accounts.groups();
    }
  }

  /**
   * A temporary password that satisfies the policy: random letters and digits plus fixed classes.
   */
  private String generatePassword() {
    return "Tmp-" + Secrets.randomToken(random).substring(0, 12) + "a1A!";
  }

  private static String decodePageToken(String token) {
    if (token == null || token.isBlank()) {
      return null;
    }
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalidParameter("Invalid PaginationToken.");
    }
  }
}
