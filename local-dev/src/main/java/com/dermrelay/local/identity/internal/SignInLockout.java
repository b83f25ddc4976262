package com.dermrelay.local.identity.internal;

import com.dermrelay.local.identity.IdentityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cognito's documented lockout of password sign-in ("Lockout behavior for failed sign-in attempts"
 * in the Amazon Cognito Developer Guide), so the portal's handling of it is tested locally: after
 * {@value #FREE_FAILURES} failures the user is locked out for 2^(n-5) seconds, n being the failures
 * so far, at most {@link #LONGEST}; an attempt during a lockout is answered {@code
 * NotAuthorizedException} "Password attempts exceeded", whatever the password, and neither counts
 * nor lengthens it. A successful sign-in, or {@link #QUIET} without attempts, starts over.
 *
 * <p>Kept in memory by lower-cased username, for names without an account too, so the answers do
 * not tell which accounts exist. Entries of users quiet for {@link #QUIET} are dropped once many
 * have gathered.
 */
public final class SignInLockout {
  public static final int FREE_FAILURES = 5;
  public static final Duration LONGEST = Duration.ofMinutes(15);
  public static final Duration QUIET = Duration.ofMinutes(15);
  public static final String MESSAGE = "Password attempts exceeded";
  private static final int PRUNE_ABOVE = 10_000;

  private record State(int failures, Instant lockedUntil, Instant lastAttempt) {
    static final State FRESH = new State(0, Instant.MIN, Instant.MIN);

    boolean quietSince(Instant now) {
      return !lastAttempt.plus(QUIET).isAfter(now);
    }
  }

  private final Clock clock;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  public SignInLockout(Clock clock) {
    this.clock = clock;
  }

  /**
   * Called before the password is checked: refuses while the user is locked out, and notes the
   * attempt (it keeps the quiet period from starting).
   */
  public void checkNotLockedOut(String username) {
    Instant now = clock.instant();
    State state =
        states.compute(
            PoolState.key(username),
            (key, current) -> {
              State base = current == null || current.quietSince(now) ? State.FRESH : current;
              return new State(base.failures(), base.lockedUntil(), now);
            });
    if (state.lockedUntil().isAfter(now)) {
      throw IdentityException.notAuthorized(MESSAGE);
    }
  }

  /** A wrong password (or no such user): counts, and from the fifth on locks out. */
  public void failed(String username) {
    Instant now = clock.instant();
    states.compute(
        PoolState.key(username),
        (key, current) -> {
          State base = current == null ? State.FRESH : current;
          int failures = base.failures() + 1;
          Instant lockedUntil =
              failures < FREE_FAILURES ? base.lockedUntil() : now.plus(lockout(failures));
          return new State(failures, lockedUntil, now);
        });
    if (states.size() > PRUNE_ABOVE) {
      states.values().removeIf(state -> state.quietSince(now) && !state.lockedUntil().isAfter(now));
    }
  }

  /** The right password: the count starts over. */
  public void succeeded(String username) {
    states.remove(PoolState.key(username));
  }

  /** 2^(n-5) seconds for the n-th failure, at most {@link #LONGEST}. */
  static Duration lockout(int failures) {
    int exponent = failures - FREE_FAILURES;
    // 2^9 s is 512 s; 2^10 s would be past 15 minutes.
    return exponent >= 10 ? LONGEST : Duration.ofSeconds(1L << exponent);
  }
}
