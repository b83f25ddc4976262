package com.dermrelay.local.identity;

import static com.dermrelay.local.identity.IdentityException.invalidParameter;
import static com.dermrelay.local.identity.IdentityException.notAuthorized;

import com.dermrelay.local.identity.internal.PasswordHasher;
import com.dermrelay.local.identity.internal.PasswordPolicy;
import com.dermrelay.local.identity.internal.PoolState;
import com.dermrelay.local.identity.internal.Secrets;
import com.dermrelay.local.identity.internal.SignInLockout;
import com.dermrelay.local.identity.internal.SigningKeys;
import com.dermrelay.local.identity.internal.TokenMinter;
import com.dermrelay.local.identity.internal.TriggerRunner;
import com.dermrelay.local.identity.internal.UserAccount;
import com.dermrelay.local.identity.internal.UserAccounts;
import com.dermrelay.local.identity.internal.UserAttributes;
import com.nimbusds.jwt.JWTClaimsSet;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local user pool without HTTP: users, groups, codes and token issuing, with Cognito's rules
 * and error names. {@link LocalIdentityServer} puts Cognito's wire protocol in front of it; the
 * local stack and tests call it directly to seed users and read codes.
 *
 * <p>Thread-safe: state changes happen under one lock, and password hashing outside it.
 */
public final class IdentityService {
  /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256 is 600k; a local pool trades some for speed. */
  private static final int HASH_ITERATIONS = 210_000;

  private static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(3);

  /** Cognito's trigger sources for the pre-sign-up trigger. */
  public static final String SIGN_UP_SOURCE = "PreSignUp_SignUp";

  public static final String ADMIN_CREATE_USER_SOURCE = "PreSignUp_AdminCreateUser";

  /** Cognito's trigger source for post confirmation after ConfirmSignUp and AdminConfirmSignUp. */
  public static final String CONFIRM_SIGN_UP_SOURCE = "PostConfirmation_ConfirmSignUp";

  private final IdentityConfig config;
  private final CodeDelivery delivery;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final PasswordHasher hasher = new PasswordHasher(HASH_ITERATIONS, random);
  private final PoolState state;
  private final UserAccounts accounts;
  private final TokenMinter minter;
  private final IdentityAdmin admin;
  private final TriggerRunner triggers;
  private final SignInLockout lockout;

  /** Codes last delivered, by lower-cased username, for tests and the local console. */
  private final Map<String, String> lastCodes = new ConcurrentHashMap<>();

  /** Admin calls still to refuse as throttled (a test's fault; Cognito's admin quotas are low). */
  private final AtomicInteger throttledAdminCalls = new AtomicInteger();

  /** NEW_PASSWORD_REQUIRED sessions: short-lived, kept in memory only. */
  private final Map<String, Challenge> challenges = new ConcurrentHashMap<>();

  private record Challenge(String username, Instant expires) {}

  /** The answer to SignUp. */
  public record SignUpResult(String userSub, boolean confirmed, String destination) {}

  private IdentityService(IdentityConfig config, String issuerBaseUrl, CodeDelivery delivery) {
    this.config = config;
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    this.clock = config.clock();
    this.state = new PoolState(config.dataDir());
    this.accounts = new UserAccounts(state, clock);
    this.lockout = new SignInLockout(clock);
    String base =
        issuerBaseUrl.endsWith("/")
            ? issuerBaseUrl.substring(0, issuerBaseUrl.length() - 1)
            : issuerBaseUrl;
    this.minter =
        new TokenMinter(
            SigningKeys.loadOrCreate(state),
            base + "/" + config.userPoolId(),
            config.clientId(),
            config.tokenLifetime(),
            clock);
    this.triggers = new TriggerRunner(config.region(), config.userPoolId());
    this.admin =
        new IdentityAdmin(
            state,
            accounts,
            hasher,
            random,
            delivery,
            clock,
            username -> lastCodes.remove(PoolState.key(username)),
            config.minPasswordLength(),
            (source, username, attributes) ->
                triggers.preSignUp(
                    config.preSignUpTrigger(), source, username, attributes, Map.of(), null),
            (username, attributes, metadata) ->
                triggers.postConfirmation(
                    config.postConfirmationTrigger(),
                    CONFIRM_SIGN_UP_SOURCE,
                    username,
                    attributes,
                    metadata,
                    null));
    synchronized (state) {
      for (String group : config.groups()) {
        accounts.ensureGroup(group, null);
      }
    }
  }

  /**
   * Opens the pool: loads users, groups, refresh tokens and the signing key from the data directory
   * when the configuration has one.
   *
   * @param issuerBaseUrl scheme, host and port the issuer is advertised under, e.g. {@code
   *     http://127.0.0.1:9229}; the issuer is that plus {@code /<userPoolId>}
   */
  public static IdentityService open(
      IdentityConfig config, String issuerBaseUrl, CodeDelivery delivery) {
    return new IdentityService(config, issuerBaseUrl, delivery);
  }

  /** The admin calls (AdminCreateUser, AdminAddUserToGroup, ListUsers, ...). */
  public IdentityAdmin admin() {
    return admin;
  }

  public IdentityConfig config() {
    return config;
  }

  public String issuer() {
    return minter.issuer();
  }

  public String jwksUrl() {
    return issuer() + "/.well-known/jwks.json";
  }

  public String userPoolId() {
    return config.userPoolId();
  }

  public String clientId() {
    return config.clientId();
  }

  /** The JWKS document (public key only). */
  public Map<String, Object> publicJwks() {
    return minter.publicJwks();
  }

  /** Refuses a client id other than the pool's app client, as Cognito does. */
  public void checkClientId(String clientId) {
    if (clientId == null || clientId.isBlank()) {
      throw invalidParameter("ClientId is required.");
    }
    if (!clientId.equals(config.clientId())) {
      throw new IdentityException(
          IdentityException.RESOURCE_NOT_FOUND,
          "User pool client " + clientId + " does not exist.");
    }
  }

  /** Refuses a user pool id other than this pool's, as Cognito does. */
  public void checkUserPoolId(String userPoolId) {
    if (userPoolId == null || userPoolId.isBlank()) {
      throw invalidParameter("UserPoolId is required.");
    }
    if (!userPoolId.equals(config.userPoolId())) {
      throw new IdentityException(
          IdentityException.RESOURCE_NOT_FOUND, "User pool " + userPoolId + " does not exist.");
    }
  }

  // ---- Self-service calls (the browser's) ----

  public SignUpResult signUp(String username, String password, Map<String, String> attributes) {
    return signUp(username, password, attributes, Map.of());
  }

  /**
   * SignUp. Attributes the app client may not write are refused before anything runs, as Cognito
   * does; {@code clientMetadata} goes to the pre-sign-up trigger and is not stored.
   */
  public SignUpResult signUp(
      String username,
      String password,
      Map<String, String> attributes,
      Map<String, String> clientMetadata) {
    UserAccounts.checkUsername(username);
    checkClientMayWrite(attributes);
    PasswordPolicy.check(password, config.minPasswordLength());
    Map<String, String> checked = UserAccounts.withEmailFromUsername(username, attributes);
    triggers.preSignUp(
        config.preSignUpTrigger(),
        SIGN_UP_SOURCE,
        username,
        checked,
        clientMetadata,
        config.clientId());
    String hash = hasher.hash(password);
    UserAccount.Issued issued;
    synchronized (state) {
      if (state.user(username) != null) {
        throw new IdentityException(IdentityException.USERNAME_EXISTS, "User already exists");
      }
      UserAccount user = accounts.create(username, checked);
      accounts.setPassword(user, hash, UserStatus.UNCONFIRMED);
      issued = accounts.newCode(user, Secrets.sixDigitCode(random), config.codeLifetime());
      state.saveUsers();
    }
    deliverCode(issued);
    return new SignUpResult(issued.sub(), false, UserAttributes.mask(issued.email()));
  }

  public void confirmSignUp(String username, String code) {
    confirmSignUp(username, code, Map.of());
  }

  /**
   * ConfirmSignUp, then the post-confirmation trigger with {@code clientMetadata}. The trigger runs
   * outside the pool's lock (it may call the admin API back) and after the confirmation is saved:
   * its failure answers Cognito's error but leaves the account confirmed, as on AWS.
   */
  public void confirmSignUp(String username, String code, Map<String, String> clientMetadata) {
    if (code == null || code.isBlank()) {
      throw invalidParameter("ConfirmationCode is required.");
    }
    IdentityUser confirmed;
    synchronized (state) {
      UserAccount user = accounts.require(username);
      accounts.confirm(user, code.trim());
      state.saveUsers();
      confirmed = user.snapshot();
    }
    triggers.postConfirmation(
        config.postConfirmationTrigger(),
        CONFIRM_SIGN_UP_SOURCE,
        confirmed.username(),
        confirmed.attributes(),
        clientMetadata,
        config.clientId());
  }

  /** Sends a new code to an unconfirmed user; returns the masked destination. */
  public String resendConfirmationCode(String username) {
    UserAccount.Issued issued;
    synchronized (state) {
      UserAccount user = accounts.require(username);
      if (user.snapshot().status() != UserStatus.UNCONFIRMED) {
        throw invalidParameter("User is already confirmed.");
      }
      issued = accounts.newCode(user, Secrets.sixDigitCode(random), config.codeLifetime());
      state.saveUsers();
    }
    deliverCode(issued);
    return UserAttributes.mask(issued.email());
  }

  /** The code most recently delivered to the user, if any (local convenience, not Cognito). */
  public Optional<String> lastConfirmationCode(String username) {
    if (username == null) {
      return Optional.empty();
    }
    String delivered = lastCodes.get(PoolState.key(username));
    if (delivered != null) {
      return Optional.of(delivered);
    }
    synchronized (state) {
      // After a restart only the pending code is known (the data directory keeps it).
      UserAccount user = state.user(username);
      return user == null ? Optional.empty() : Optional.ofNullable(accounts.pendingCode(user));
    }
  }

  /**
   * USER_PASSWORD_AUTH. Unknown user and wrong password answer alike, and count alike towards
   * Cognito's lockout ({@link SignInLockout}), which is checked before the password.
   */
  public SignInOutcome initiatePasswordAuth(String username, String password) {
    if (username == null || username.isBlank() || password == null) {
      throw invalidParameter("USERNAME and PASSWORD are required.");
    }
    lockout.checkNotLockedOut(username);
    String stored;
    synchronized (state) {
      UserAccount user = state.user(username);
      stored = user == null ? null : accounts.passwordHash(user);
    }
    if (!hasher.matches(password, stored)) {
      lockout.failed(username);
      throw notAuthorized("Incorrect username or password.");
    }
    lockout.succeeded(username);
    IdentityUser user;
    synchronized (state) {
      UserAccount account = state.user(username);
      if (account == null || !Objects.equals(accounts.passwordHash(account), stored)) {
        // Deleted or changed while the hash was checked: the old password no longer counts.
        throw notAuthorized("Incorrect username or password.");
      }
      user = account.snapshot();
    }
    requireCanSignIn(user);
    if (user.status() == UserStatus.FORCE_CHANGE_PASSWORD) {
      String session = Secrets.randomToken(random);
      Instant now = clock.instant();
      // Unanswered challenges would pile up: drop the expired ones whenever a new one starts.
      challenges.values().removeIf(challenge -> !challenge.expires().isAfter(now));
      challenges.put(session, new Challenge(user.username(), now.plus(CHALLENGE_LIFETIME)));
      return new SignInOutcome(null, SignInOutcome.NEW_PASSWORD_REQUIRED, session);
    }
    return new SignInOutcome(issueWithRefresh(user), null, null);
  }

  /** A password sign-in that must end in tokens (seeded and confirmed users). */
  public AuthTokens signIn(String username, String password) {
    SignInOutcome outcome = initiatePasswordAuth(username, password);
    if (outcome.isChallenge()) {
      throw notAuthorized("User must set a new password first (" + outcome.challengeName() + ").");
    }
    return outcome.tokens();
  }

  /** RespondToAuthChallenge for NEW_PASSWORD_REQUIRED: sets a permanent password, signs in. */
  public AuthTokens respondToNewPasswordChallenge(
      String session, String username, String newPassword) {
    Challenge challenge = session == null ? null : challenges.remove(session);
    if (challenge == null
        || !challenge.expires().isAfter(clock.instant())
        || username == null
        || !PoolState.key(challenge.username()).equals(PoolState.key(username))) {
      throw notAuthorized("Invalid session for the user, session is expired.");
    }
    PasswordPolicy.check(newPassword, config.minPasswordLength());
    String hash = hasher.hash(newPassword);
    IdentityUser user;
    synchronized (state) {
      UserAccount account = accounts.require(username);
      accounts.setPassword(account, hash, UserStatus.CONFIRMED);
      state.saveUsers();
      user = account.snapshot();
    }
    requireCanSignIn(user);
    return issueWithRefresh(user);
  }

  /** REFRESH_TOKEN_AUTH: new ID and access tokens with the user's current groups and attributes. */
  public AuthTokens refresh(String refreshToken) {
    if (refreshToken == null || refreshToken.isBlank()) {
      throw invalidParameter("REFRESH_TOKEN is required.");
    }
    PoolState.RefreshGrant grant;
    IdentityUser user;
    synchronized (state) {
      grant = state.refreshGrant(Secrets.sha256(refreshToken));
      if (grant == null || !Instant.parse(grant.expires()).isAfter(clock.instant())) {
        throw notAuthorized("Invalid Refresh Token");
      }
      UserAccount account = state.user(grant.username());
      if (account == null || !account.snapshot().sub().equals(grant.sub())) {
        throw notAuthorized("Invalid Refresh Token");
      }
      user = account.snapshot();
    }
    requireCanSignIn(user);
    TokenMinter.Session session =
        new TokenMinter.Session(grant.originJti(), Instant.parse(grant.authTime()));
    return new AuthTokens(
        minter.accessToken(user, session),
        minter.idToken(user, session),
        null,
        minter.lifetimeSeconds());
  }

  /** GetUser: the user an access token belongs to. */
  public IdentityUser getUser(String accessToken) {
    JWTClaimsSet claims = minter.verifyAccessToken(accessToken);
    IdentityUser user;
    synchronized (state) {
      UserAccount account = state.user((String) claims.getClaim("username"));
      if (account == null || !account.snapshot().sub().equals(claims.getSubject())) {
        throw notAuthorized("User does not exist.");
      }
      user = account.snapshot();
    }
    if (!user.enabled()) {
      throw notAuthorized("User is disabled.");
    }
    return user;
  }

  // ---- Faults (tests) ----

  /**
   * The next {@code calls} signed admin calls over HTTP answer {@code TooManyRequestsException}, as
   * Cognito does past a pool's request quota; 0 ends it. A fault a test cannot cause otherwise: the
   * local pool has no quotas.
   */
  public void throttleNextAdminCalls(int calls) {
    throttledAdminCalls.set(Math.max(0, calls));
  }

  /** How many admin calls are still to be refused as throttled. */
  public int throttledAdminCallsLeft() {
    return throttledAdminCalls.get();
  }

  /** Whether this admin call is one to refuse as throttled (see throttleNextAdminCalls). */
  public boolean takeThrottledAdminCall() {
    return throttledAdminCalls.getAndUpdate(left -> left > 0 ? left - 1 : 0) > 0;
  }

  // ---- Seeding (local stack and tests) ----

  /**
   * Makes the user exist, confirmed, enabled, with exactly this password, these attributes (on top
   * of any it had) and these groups (created when missing), and not locked out. Idempotent: safe to
   * run at every start of the local stack.
   */
  public IdentityUser createConfirmedUser(
      String username, String password, Map<String, String> attributes, Set<String> groups) {
    UserAccounts.checkUsername(username);
    PasswordPolicy.check(password, config.minPasswordLength());
    Map<String, String> checked = UserAccounts.withEmailFromUsername(username, attributes);
    if (checked.containsKey(UserAttributes.EMAIL)) {
      checked.putIfAbsent(UserAttributes.EMAIL_VERIFIED, "true");
    }
    String hash = hasher.hash(password);
    synchronized (state) {
      UserAccount user = state.user(username);
      if (user == null) {
        user = accounts.create(username, checked);
      } else {
        accounts.updateAttributes(user, checked);
      }
      accounts.setPassword(user, hash, UserStatus.CONFIRMED);
      accounts.setEnabled(user, true);
      for (String group : groups) {
        accounts.ensureGroup(group, null);
      }
      accounts.replaceGroups(user, groups);
      state.saveUsers();
      lockout.succeeded(username);
      return user.snapshot();
    }
  }

  // ---- helpers ----

  /** Cognito answers an attribute outside the app client's write attributes before any trigger. */
  private void checkClientMayWrite(Map<String, String> attributes) {
    Set<String> writable = config.clientWriteAttributes();
    if (writable == null || attributes == null) {
      return;
    }
    for (String name : attributes.keySet()) {
      if (!writable.contains(name)) {
        throw notAuthorized("A client attempted to write unauthorized attribute");
      }
    }
  }

  /** Checked only after the password matched, so these answers do not reveal who exists. */
  private static void requireCanSignIn(IdentityUser user) {
    if (!user.enabled()) {
      throw notAuthorized("User is disabled.");
    }
    if (user.status() == UserStatus.UNCONFIRMED) {
      throw new IdentityException(IdentityException.USER_NOT_CONFIRMED, "User is not confirmed.");
    }
  }

  private AuthTokens issueWithRefresh(IdentityUser user) {
    Instant now = clock.instant();
    TokenMinter.Session session = new TokenMinter.Session(UUID.randomUUID().toString(), now);
    String refreshToken = Secrets.randomToken(random);
    synchronized (state) {
      state.putRefreshGrant(
          Secrets.sha256(refreshToken),
          new PoolState.RefreshGrant(
              user.username(),
              user.sub(),
              session.originJti(),
              now.toString(),
              now.plus(config.refreshTokenLifetime()).toString()));
      state.saveRefreshGrants(now);
    }
    return new AuthTokens(
        minter.accessToken(user, session),
        minter.idToken(user, session),
        refreshToken,
        minter.lifetimeSeconds());
  }

  private void deliverCode(UserAccount.Issued issued) {
    lastCodes.put(PoolState.key(issued.username()), issued.code());
    delivery.deliver(
        new CodeDelivery.Message(
            CodeDelivery.Purpose.SIGN_UP_CONFIRMATION,
            issued.username(),
            issued.email(),
            issued.code()));
  }
}
