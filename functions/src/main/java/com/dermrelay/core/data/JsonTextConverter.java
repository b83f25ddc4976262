package com.dermrelay.core.data;

import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A document kept as one string attribute of JSON text (a case's {@code doc}): the record types'
 * schemas name it with their own JSON writing and reading (e.g. one that upgrades older documents),
 * and never see an attribute value.
 */
public final class JsonTextConverter<T> implements AttributeConverter<T> {
  private final EnhancedType<T> type;
  private final Function<T, String> write;
  private final Function<String, T> read;

  private JsonTextConverter(Class<T> type, Function<T, String> write, Function<String, T> read) {
    this.type = EnhancedType.of(type);
    this.write = write;
    this.read = read;
  }

  public static <T> JsonTextConverter<T> of(
      Class<T> type, Function<T, String> write, Function<String, T> read) {
    return new JsonTextConverter<>(type, write, read);
  }

  @Override
  public AttributeValue transformFrom(T input) {
    return AttributeValue.fromS(write.apply(input));
  }

  @Override
  public T transformTo(AttributeValue input) {
    return read.apply(input.s());
  }

  @Override
  public EnhancedType<T> type() {
    return type;
  }

  @Override
  public AttributeValueType attributeValueType() {
    return AttributeValueType.S;
  }
}
