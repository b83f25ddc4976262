package com.dermrelay.local.identity.internal;

import com.dermrelay.local.identity.IdentityException;
import com.dermrelay.local.identity.IdentityUser;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ListUsers' filter language, the part of it Cognito supports: {@code attribute = "value"} or
 * {@code attribute ^= "prefix"} on a fixed set of attributes.
 */
public final class UserFilter {
  private static final Pattern SHAPE =
      Pattern.compile("\\s*([\\w:]+)\\s*(\\^?=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*");
  private static final Set<String> SEARCHABLE =
      Set.of(
          "username",
          "email",
          "phone_number",
          "name",
          "given_name",
          "family_name",
          "preferred_username",
          "cognito:user_status",
          "status",
          "sub");

  private UserFilter() {}

  /** A predicate for the filter; a null or blank filter matches every user. */
  public static Predicate<IdentityUser> parse(String filter) {
    if (filter == null || filter.isBlank()) {
      return user -> true;
    }
    Matcher m = SHAPE.matcher(filter);
    if (!m.matches()) {
      throw IdentityException.invalidParameter(
          "Error while parsing filter: use attribute = \"value\" or attribute ^= \"prefix\".");
    }
    String attribute = m.group(1);
    boolean prefix = m.group(2).equals("^=");
    String value = m.group(3).replaceAll("\\\\(.)", "$1");
    if (!SEARCHABLE.contains(attribute)) {
      throw IdentityException.invalidParameter("Invalid search attribute: " + attribute);
    }
    return user -> {
      String actual = valueOf(user, attribute);
      if (actual == null) {
        return false;
      }
      // Cognito compares usernames and e-mail addresses case-insensitively.
      String a = actual.toLowerCase(Locale.ROOT);
      String v = value.toLowerCase(Locale.ROOT);
      return prefix ? a.startsWith(v) : a.equals(v);
    };
  }

  private static String valueOf(IdentityUser user, String attribute) {
    switch (attribute) {
      case "username":
        return user.username();
      case "cognito:user_status":
        return user.status().name();
      case "status":
        return user.enabled() ? "Enabled" : "Disabled";
      default:
        return user.attribute(attribute);
    }
  }
}
