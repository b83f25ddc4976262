package com.dermrelay.core.tenancy;

import com.dermrelay.core.config.Settings;
import java.util.Optional;
import javax.inject.Inject;

/**
 * The identity and mail settings of the tenancy features, from the same environment as {@link
 * Settings} (names DERMRELAY_*), read in this one place.
 */
public final class TenancySettings {
  public static final String USER_POOL_ID = "DERMRELAY_USER_POOL_ID";
  public static final String PORTAL_CLIENT_ID = "DERMRELAY_PORTAL_CLIENT_ID";
  public static final String MAIL_FROM = "DERMRELAY_MAIL_FROM";
  public static final String PORTAL_URL = "DERMRELAY_PORTAL_URL";

  private final Settings settings;

  @Inject
  public TenancySettings(Settings settings) {
    this.settings = settings;
  }

  public Optional<String> userPoolId() {
    return value(USER_POOL_ID);
  }

  /** The app client ID tokens must be issued for; checked again in the handler when set. */
  public Optional<String> portalClientId() {
    return value(PORTAL_CLIENT_ID);
  }

  public String mailFrom() {
    return value(MAIL_FROM).orElse("no-reply@dermrelay.example");
  }

  /** Where the portal lives, for links in e-mails. */
  public String portalUrl() {
    return value(PORTAL_URL).orElse("http://localhost:8080");
  }

  private Optional<String> value(String name) {
    String value = settings.environment().get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
