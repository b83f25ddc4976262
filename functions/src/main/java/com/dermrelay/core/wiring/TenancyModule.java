package com.dermrelay.core.wiring;

import com.dermrelay.core.access.AccessControl;
import com.dermrelay.core.access.AccessRules;
import com.dermrelay.core.config.Clocks;
import com.dermrelay.core.config.Settings;
import com.dermrelay.core.http.PathParameterFormats;
import com.dermrelay.core.http.RequestAuthorizer;
import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * The access rules, the path parameters' formats, the clock, and the authorizer every API handler
 * applies.
 */
@Module
public abstract class TenancyModule {
  @Binds
  abstract RequestAuthorizer requestAuthorizer(AccessControl accessControl);

  @Provides
  @Singleton
  static AccessRules accessRules(ObjectMapper json) {
    return AccessRules.fromClasspath(json);
  }

  @Provides
  @Singleton
  static PathParameterFormats pathParameterFormats(ObjectMapper json) {
    return PathParameterFormats.fromClasspath(json);
  }

  @Provides
  @Singleton
  static Clock clock(Settings settings) {
    return Clocks.forSettings(settings);
  }
}
