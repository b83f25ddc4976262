package com.dermrelay.local.functions.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The Jackson settings of the Lambda Java runtime's POJO serialization, so an input or output that
 * works in-process also works on AWS (and the other way round): unknown properties are ignored,
 * nulls are left out, a single value is accepted for a list.
 */
public final class LambdaJson {
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .findAndRegisterModules()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, true)
          .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, true)
          .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
          .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
          .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

  private LambdaJson() {}
}
