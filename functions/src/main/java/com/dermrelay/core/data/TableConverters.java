package com.dermrelay.core.data;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The attribute types the table's record schemas use, and only those: text, whole numbers and
 * lists of text. The Enhanced Client's default provider builds a converter for every type it knows
 * (about a hundred classes loaded at the first schema, in every cold start). A schema naming
 * another type fails when it is built (its class initialised): add the type here.
 * Absent values never reach a converter (the schema leaves them out or reads them as null).
 */
public final class TableConverters implements AttributeConverterProvider {
  /** For every schema: {@code StaticImmutableTableSchema.builder(...).attributeConverterProviders(ONLY)}. */
  public static final TableConverters ONLY = new TableConverters();

  private static final Map<EnhancedType<?>, AttributeConverter<?>> CONVERTERS = Map.of(
      EnhancedType.of(String.class),
      converter(EnhancedType.of(String.class), AttributeValueType.S, AttributeValue::fromS, AttributeValue::s),
      EnhancedType.of(Long.class),
      converter(EnhancedType.of(Long.class), AttributeValueType.N, n -> AttributeValue.fromN(Long.toString(n)),
          v -> Long.valueOf(number(v))),
      EnhancedType.of(Integer.class),
      converter(EnhancedType.of(Integer.class), AttributeValueType.N, n -> AttributeValue.fromN(Integer.toString(n)),
          v -> Integer.valueOf(number(v))),
      EnhancedType.listOf(String.class),
      converter(EnhancedType.listOf(String.class), AttributeValueType.L,
          list -> AttributeValue.fromL(list.stream().map(AttributeValue::fromS).toList()),
          v -> v.l().stream().map(AttributeValue::s).toList()));

  private TableConverters() {}

  @Override
  @SuppressWarnings("unchecked")
  public <T> AttributeConverter<T> converterFor(EnhancedType<T> type) {
    AttributeConverter<?> converter = CONVERTERS.get(type);
    if (converter == null) {
      throw new IllegalStateException("no table converter for " + type + ": add it to TableConverters");
    }
    return (AttributeConverter<T>) converter;
  }

  /** A number as the table holds it; items written by hand before the schemas may hold it as text. */
  private static String number(AttributeValue value) {
    return value.n() != null ? value.n() : value.s();
  }

  private static <T> AttributeConverter<T> converter(EnhancedType<T> type, AttributeValueType valueType,
      Function<T, AttributeValue> write, Function<AttributeValue, T> read) {
    return new AttributeConverter<>() {
      @Override
      public AttributeValue transformFrom(T input) {
        return write.apply(input);
      }

      @Override
      public T transformTo(AttributeValue input) {
        return read.apply(input);
      }

      @Override
      public EnhancedType<T> type() {
        return type;
      }

      @Override
      public AttributeValueType attributeValueType() {
        return valueType;
      }
    };
  }
}
