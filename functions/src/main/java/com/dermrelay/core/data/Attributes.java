package com.dermrelay.core.data;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Optional string attributes of an item: absent rather than empty or NULL when there is no value. */
public final class Attributes {
  private Attributes() {}

  /** Puts {@code value} as a string attribute, or nothing when it is null. */
  public static void putText(Map<String, AttributeValue> attributes, String name, String value) {
    if (value != null) {
      attributes.put(name, AttributeValue.fromS(value));
    }
  }

  /** The string attribute {@code name}, or null when the item has none. */
  public static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }
}
