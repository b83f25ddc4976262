package com.dermrelay.tenants;

import com.dermrelay.core.config.Settings;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Fixed-window counters for the public sign-up: at most {@link #PER_ADDRESS} attempts per source
 * IP and {@link #PER_EMAIL} per admin e-mail in each {@link #WINDOW}. A counter is one item,
 * {@code RATE#sign-up#<kind>#<sha-256 of the value>} / {@code <window start>}, incremented
 * atomically and deleted by TTL two windows later. It belongs to no tenant (there is none yet),
 * so it lives outside every {@code TENANT#} partition and holds no address or e-mail in clear.
 */
@Singleton
public final class SignUpRateLimit {
  static final int PER_ADDRESS = 20;
  static final int PER_EMAIL = 3;
  static final Duration WINDOW = Duration.ofHours(1);

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final Clock clock;

  @Inject
  public SignUpRateLimit(DynamoDbClient dynamoDb, Settings settings, Clock clock) {
    this.dynamoDb = dynamoDb;
    this.table = settings.tableName();
    this.clock = clock;
  }

  /** A 429 whose answer tells the client when to come back. */
  public static final class Exceeded extends ApiProblem {
    private static final long serialVersionUID = 1L;
    private final long retryAfterSeconds;

    Exceeded(long retryAfterSeconds) {
      super(429, ProblemTypes.RATE_LIMITED, "Too Many Requests",
          "Too many sign-up attempts; try again in " + retryAfterSeconds + " seconds.");
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  public void countAddress(String sourceIp) {
    count("ip", sourceIp == null ? "unknown" : sourceIp, PER_ADDRESS);
  }

  public void countEmail(String email) {
    count("email", email.toLowerCase(Locale.ROOT), PER_EMAIL);
  }

  private void count(String kind, String value, int limit) {
    Instant now = clock.instant();
    long window = WINDOW.getSeconds();
    long start = now.getEpochSecond() / window * window;
    Map<String, AttributeValue> updated = dynamoDb.updateItem(r -> r.tableName(table)
        .key(Map.of("pk", AttributeValue.fromS("RATE#sign-up#" + kind + "#" + sha256(value)),
            "sk", AttributeValue.fromS(Long.toString(start))))
        .updateExpression("ADD #count :one SET #exp = if_not_exists(#exp, :exp)")
        .expressionAttributeNames(Map.of("#count", "count", "#exp", "expiresAt"))
        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
            ":exp", AttributeValue.fromN(Long.toString(start + 2 * window))))
        .returnValues(ReturnValue.UPDATED_NEW)).attributes();
    if (Long.parseLong(updated.get("count").n()) > limit) {
      throw new Exceeded(Math.max(1, start + window - now.getEpochSecond()));
    }
  }

  static String sha256(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
