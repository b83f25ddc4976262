package com.dermrelay.local.stepfunctions.asl;

import com.dermrelay.local.http.Exchanges;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * InputPath and OutputPath: a null path gives {@code {}}, a path that selects nothing is
 * States.Runtime.
 */
public final class DataFlow {
  private DataFlow() {}

  public static JsonNode select(JsonNode document, String path, String field) {
    if (path == null) {
      return Exchanges.JSON.createObjectNode();
    }
    return JsonPaths.require(document, path, field);
  }
}
