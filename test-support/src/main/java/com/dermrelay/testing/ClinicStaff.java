package com.dermrelay.testing;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Staff accounts for tests: a dermatologist who belongs to one clinic only. */
public final class ClinicStaff {
  private ClinicStaff() {}

  /** The password of every dermatologist made here (a browser test signs in with it). */
  public static final String PASSWORD = "Review-Derm-1";

  /** A new active dermatologist of {@code clinic} named {@code name}; their ID token. */
  public static String dermatologistOf(LocalStack stack, ApiCalls api, String clinic, String name) {
    String email =
        name.replaceAll("[^A-Za-z0-9.]", "") + "-" + UUID.randomUUID() + "@dermrelay.example";
    return dermatologistOf(stack, api, clinic, name, email);
  }

  /** As above, signing in as {@code email} (with {@link #PASSWORD}); their ID token. */
  public static String dermatologistOf(
      LocalStack stack, ApiCalls api, String clinic, String name, String email) {
    var derm =
        stack
            .identity()
            .createConfirmedUser(
                email, PASSWORD, Map.of("email", email, "name", name), Set.of("dermatologist"));
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      dynamoDb.putItem(
          r ->
              r.tableName(LocalStackConfig.TABLE)
                  .item(
                      withEmail(
                          email,
                          Map.of(
                              "pk", AttributeValue.fromS("TENANT#" + clinic),
                              "sk", AttributeValue.fromS("MEMBER#" + derm.sub()),
                              "gsi2pk", AttributeValue.fromS("USER#" + derm.sub()),
                              "gsi2sk", AttributeValue.fromS("TENANT#" + clinic),
                              "tenantId", AttributeValue.fromS(clinic),
                              "userSub", AttributeValue.fromS(derm.sub()),
                              "role", AttributeValue.fromS("dermatologist"),
                              "status", AttributeValue.fromS("ACTIVE"),
                              "displayName", AttributeValue.fromS(name),
                              "version", AttributeValue.fromN("1")))));
    }
    return api.idToken(email, PASSWORD);
  }

  /** The member's address, as a real membership has (a medical lead's alert is mailed to it). */
  private static Map<String, AttributeValue> withEmail(
      String email, Map<String, AttributeValue> item) {
    Map<String, AttributeValue> withEmail = new java.util.HashMap<>(item);
    withEmail.put("email", AttributeValue.fromS(email));
    return withEmail;
  }
}
