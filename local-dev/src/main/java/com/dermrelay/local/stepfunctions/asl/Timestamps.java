package com.dermrelay.local.stepfunctions.asl;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** RFC 3339 timestamps as ASL wants them: uppercase T and Z; numeric offsets allowed. */
public final class Timestamps {
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  public static Optional<Instant> parse(String text) {
    if (text == null || text.indexOf('t') >= 0 || text.indexOf('z') >= 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The format of the context object's times, e.g. {@code 2019-03-26T20:14:13.192Z}. */
  public static String format(Instant instant) {
    return MILLIS.format(instant);
  }
}
