package com.dermrelay.local.identity.internal;

import com.dermrelay.local.identity.IdentityException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Which attribute names a caller may set, as in a pool with Cognito's standard schema. */
public final class UserAttributes {
  public static final String SUB = "sub";
  public static final String EMAIL = "email";
  public static final String EMAIL_VERIFIED = "email_verified";
  public static final String TENANT_ID = "custom:tenantId";

  private static final Set<String> STANDARD =
      Set.of(
          "address",
          "birthdate",
          EMAIL,
          EMAIL_VERIFIED,
          "family_name",
          "gender",
          "given_name",
          "locale",
          "middle_name",
          "name",
          "nickname",
          "phone_number",
          "phone_number_verified",
          "picture",
          "preferred_username",
          "profile",
          "zoneinfo",
          "updated_at",
          "website");

  /** Boolean-valued attributes, which tokens carry as JSON booleans. */
  public static final Set<String> BOOLEAN = Set.of(EMAIL_VERIFIED, "phone_number_verified");

  private static final Pattern CUSTOM = Pattern.compile("custom:[A-Za-z0-9_]{1,20}");
  private static final Pattern EMAIL_SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final int MAX_VALUE = 2048;

  private UserAttributes() {}

  /** Checks names and values; returns a copy in the given order. */
  public static Map<String, String> validate(Map<String, String> attributes) {
    Map<String, String> checked = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : attributes.entrySet()) {
      String name = entry.getKey();
      String value = entry.getValue();
      if (name == null || !(STANDARD.contains(name) || CUSTOM.matcher(name).matches())) {
        throw IdentityException.invalidParameter("Attribute does not exist in the schema: " + name);
      }
      if (value == null || value.length() > MAX_VALUE) {
        throw IdentityException.invalidParameter(
            "Attribute " + name + " needs a value of at most " + MAX_VALUE + " characters.");
      }
      if (BOOLEAN.contains(name) && !value.equals("true") && !value.equals("false")) {
        throw IdentityException.invalidParameter(name + " must be true or false.");
      }
      if (name.equals(EMAIL) && !EMAIL_SHAPE.matcher(value).matches()) {
        throw IdentityException.invalidParameter("Invalid email address format.");
      }
      checked.put(name, value);
    }
    return checked;
  }

  public static boolean looksLikeEmail(String value) {
    return EMAIL_SHAPE.matcher(value).matches();
  }

  /** Cognito's masked destination, e.g. {@code j***@e***}. */
  public static String mask(String email) {
    int at = email.indexOf('@');
    if (at < 1 || at == email.length() - 1) {
      return "***";
    }
    return email.charAt(0) + "***@" + email.charAt(at + 1) + "***";
  }
}
