package com.dermrelay.core.data;

import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClientExtension;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbExtensionContext;
import software.amazon.awssdk.enhanced.dynamodb.extensions.ReadModification;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items past their {@code expiresAt} (epoch seconds) read as absent. DynamoDB's TTL deletes them
 * only up to days later, and dynalite never does; queries also filter them on the server ({@link
 * TenantTable#query}), so this is what makes a get agree.
 */
final class ExpiredItemsExtension implements DynamoDbEnhancedClientExtension {
  static final String EXPIRES_AT = "expiresAt";

  private final Clock clock;

  ExpiredItemsExtension(Clock clock) {
    this.clock = clock;
  }

  @Override
  public ReadModification afterRead(DynamoDbExtensionContext.AfterRead context) {
    AttributeValue expires = context.items().get(EXPIRES_AT);
    if (expires != null
        && expires.n() != null
        && Long.parseLong(expires.n()) <= clock.instant().getEpochSecond()) {
      // An item without attributes maps to no record: the Enhanced Client answers null.
      return ReadModification.builder().transformedItem(Map.of()).build();
    }
    return ReadModification.builder().build();
  }
}
