package com.dermrelay.core.wiring;

import com.dermrelay.core.http.ApiResponses;
import com.dermrelay.core.http.RequestBodies;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

/** One JSON mapper for the whole container, and the HTTP helpers built on it. */
@Module
public final class JsonModule {
  private JsonModule() {}

  @Provides
  @Singleton
  static ObjectMapper objectMapper() {
    return new ObjectMapper()
        .findAndRegisterModules()
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        // Null policy (decision 0019): a field without a value is left out, never written as
        // null. A field the contract requires and types nullable says so itself with
        // @JsonInclude(ALWAYS). Map entries and JSON trees are written as built.
        .setDefaultPropertyInclusion(
            JsonInclude.Value.construct(
                JsonInclude.Include.NON_ABSENT, JsonInclude.Include.USE_DEFAULTS));
  }

  @Provides
  @Singleton
  static ApiResponses apiResponses(ObjectMapper mapper) {
    return new ApiResponses(mapper);
  }

  @Provides
  @Singleton
  static RequestBodies requestBodies(ObjectMapper mapper) {
    return new RequestBodies(mapper);
  }
}
