package com.dermrelay.local.identity.internal;

import com.dermrelay.local.identity.IdentityGroup;
import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pool's users, groups and refresh grants, saved to a data directory when there is one. Not
 * thread-safe by itself: the service holds the state's monitor around every use.
 */
public final class PoolState {
  private static final String USERS = "users.json";
  private static final String GROUPS = "groups.json";
  private static final String REFRESH = "refresh-tokens.json";

  /** A group of the pool, as stored. */
  public record Group(String name, String description, String created) {
    public IdentityGroup toPublic() {
      return new IdentityGroup(name, description, Instant.parse(created));
    }
  }

  /**
   * What a refresh token stands for; the token itself is kept only as its SHA-256, so a copy of the
   * data directory does not hand out sessions.
   */
  public record RefreshGrant(
      String username, String sub, String originJti, String authTime, String expires) {}

  private final JsonFiles files;

  /** Keyed by the lower-cased username: Cognito usernames are case-insensitive by default. */
  private final Map<String, UserAccount> users = new TreeMap<>();

  private final Map<String, Group> groups = new TreeMap<>();
  private final Map<String, RefreshGrant> refreshGrants = new LinkedHashMap<>();

  public PoolState(Path dataDir) {
    this.files = dataDir == null ? null : new JsonFiles(dataDir);
    if (files != null) {
      load();
    }
  }

  private void load() {
    List<UserAccount.Stored> storedUsers =
        files.read(USERS, new TypeReference<List<UserAccount.Stored>>() {});
    if (storedUsers != null) {
      for (UserAccount.Stored stored : storedUsers) {
        UserAccount user = UserAccount.fromStored(stored);
        users.put(key(user.username), user);
      }
    }
    List<Group> storedGroups = files.read(GROUPS, new TypeReference<List<Group>>() {});
    if (storedGroups != null) {
      storedGroups.forEach(group -> groups.put(group.name(), group));
    }
    Map<String, RefreshGrant> storedGrants =
        files.read(REFRESH, new TypeReference<Map<String, RefreshGrant>>() {});
    if (storedGrants != null) {
      refreshGrants.putAll(storedGrants);
    }
  }

  /** The JSON files, or null for an in-memory pool. */
  JsonFiles files() {
    return files;
  }

  public static String key(String username) {
    return username.toLowerCase(Locale.ROOT);
  }

  public UserAccount user(String username) {
    return username == null ? null : users.get(key(username));
  }

  public Iterable<UserAccount> users() {
    return users.values();
  }

  public void putUser(UserAccount user) {
    users.put(key(user.username), user);
  }

  public void removeUser(String username) {
    users.remove(key(username));
  }

  public Group group(String name) {
    return groups.get(name);
  }

  public java.util.Set<String> groupNames() {
    return java.util.Set.copyOf(groups.keySet());
  }

  public void putGroup(Group group) {
    groups.put(group.name(), group);
  }

  public RefreshGrant refreshGrant(String tokenHash) {
    return refreshGrants.get(tokenHash);
  }

  public void putRefreshGrant(String tokenHash, RefreshGrant grant) {
    refreshGrants.put(tokenHash, grant);
  }

  public void removeRefreshGrant(String tokenHash) {
    refreshGrants.remove(tokenHash);
  }

  /** Drops the grants of a user, e.g. when it is deleted. */
  public void revokeRefreshGrants(String username) {
    refreshGrants.values().removeIf(grant -> key(grant.username()).equals(key(username)));
  }

  public void saveUsers() {
    if (files != null) {
      List<UserAccount.Stored> stored = new ArrayList<>();
      users.values().forEach(user -> stored.add(user.toStored()));
      files.write(USERS, stored);
    }
  }

  public void saveGroups() {
    if (files != null) {
      files.write(GROUPS, new ArrayList<>(groups.values()));
    }
  }

  /** Saves the grants, dropping those expired before {@code now} first. */
  public void saveRefreshGrants(Instant now) {
    refreshGrants.values().removeIf(grant -> Instant.parse(grant.expires()).isBefore(now));
    if (files != null) {
      files.write(REFRESH, refreshGrants);
    }
  }
}
