package com.dermrelay.local.identity.internal;

import com.dermrelay.local.identity.IdentityUser;
import com.dermrelay.local.identity.UserStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A user as the pool keeps it. Mutable, and only touched while holding the pool's lock; callers
 * outside get {@link #snapshot()}.
 */
public final class UserAccount {
  final String username;
  final String sub;
  String passwordHash;
  UserStatus status;
  boolean enabled;
  final Map<String, String> attributes;
  final Set<String> groups;
  final Instant created;
  Instant modified;

  /** The pending ConfirmSignUp code and when it expires; both null when none is pending. */
  String pendingCode;

  Instant codeExpires;

  /** Wrong codes tried against the pending one; in memory only, reset with each new code. */
  int failedCodeAttempts;

  /** A code just issued to the user, to be delivered once the lock is released. */
  public record Issued(String username, String sub, String email, String code) {
    @Override
    public String toString() {
      return "Issued[" + username + "]";
    }
  }

  UserAccount(String username, String sub, Instant created) {
    this.username = username;
    this.sub = sub;
    this.status = UserStatus.UNCONFIRMED;
    this.enabled = true;
    this.attributes = new LinkedHashMap<>();
    this.groups = new TreeSet<>();
    this.created = created;
    this.modified = created;
  }

  public String username() {
    return username;
  }

  public IdentityUser snapshot() {
    Map<String, String> all = new LinkedHashMap<>();
    all.put(UserAttributes.SUB, sub);
    all.putAll(attributes);
    return new IdentityUser(username, sub, status, enabled, all, groups, created, modified);
  }

  /** The JSON shape in {@code users.json}. */
  record Stored(
      String username,
      String sub,
      String passwordHash,
      UserStatus status,
      boolean enabled,
      Map<String, String> attributes,
      Set<String> groups,
      String created,
      String modified,
      String pendingCode,
      String codeExpires) {}

  Stored toStored() {
    return new Stored(
        username,
        sub,
        passwordHash,
        status,
        enabled,
        attributes,
        groups,
        created.toString(),
        modified.toString(),
        pendingCode,
        codeExpires == null ? null : codeExpires.toString());
  }

  static UserAccount fromStored(Stored stored) {
    UserAccount user =
        new UserAccount(stored.username(), stored.sub(), Instant.parse(stored.created()));
    user.passwordHash = stored.passwordHash();
    user.status = stored.status();
    user.enabled = stored.enabled();
    user.attributes.putAll(stored.attributes());
    user.groups.addAll(stored.groups());
    user.modified = Instant.parse(stored.modified());
    user.pendingCode = stored.pendingCode();
    user.codeExpires = stored.codeExpires() == null ? null : Instant.parse(stored.codeExpires());
    return user;
  }
}
