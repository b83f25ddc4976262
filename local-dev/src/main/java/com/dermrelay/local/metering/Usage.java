package com.dermrelay.local.metering;

import java.util.Map;

/**
 * What the local stack served between a {@link UsageMeter#reset()} and a snapshot.
 *
 * @param functions by handler (one Lambda function each): invocations, summed duration and the
 *     DynamoDB capacity its calls consumed
 * @param dynamoDb by operation: requests made by the functions and the capacity units consumed,
 *     writes including the copies into the global secondary indexes
 * @param s3Requests by S3 API, every caller (presigned uploads from browsers included)
 */
public record Usage(
    Map<String, Function> functions, Map<String, DynamoDb> dynamoDb, Map<String, Long> s3Requests) {

  public record Function(
      long invocations, double totalMillis, double readUnits, double writeUnits) {}

  public record DynamoDb(long requests, double readUnits, double writeUnits) {}

  public long invocations() {
    return functions.values().stream().mapToLong(Function::invocations).sum();
  }

  public double readUnits() {
    return dynamoDb.values().stream().mapToDouble(DynamoDb::readUnits).sum();
  }

  public double writeUnits() {
    return dynamoDb.values().stream().mapToDouble(DynamoDb::writeUnits).sum();
  }

  public long s3Requests(String operation) {
    return s3Requests.getOrDefault(operation, 0L);
  }
}
