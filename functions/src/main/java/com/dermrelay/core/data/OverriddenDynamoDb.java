package com.dermrelay.core.data;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.paginators.QueryIterable;

/**
 * The container's one {@link DynamoDbClient}, seen through one call's request override: what the
 * Enhanced Client is built on for that call. The Enhanced Client's requests take no override of
 * their own, and a tenant's STS session ({@link TenantCredentials#requestOverride}) must sign every
 * request made for that tenant; so each call's Enhanced Client sends through this view, which adds
 * the override to the operations the data layer uses and refuses any other.
 */
final class OverriddenDynamoDb implements DynamoDbClient {
  private final DynamoDbClient client;
  private final AwsRequestOverrideConfiguration override;

  OverriddenDynamoDb(DynamoDbClient client, AwsRequestOverrideConfiguration override) {
    this.client = client;
    this.override = override;
  }

  @Override
  public GetItemResponse getItem(GetItemRequest request) {
    return client.getItem(request.toBuilder().overrideConfiguration(override).build());
  }

  @Override
  public PutItemResponse putItem(PutItemRequest request) {
    return client.putItem(request.toBuilder().overrideConfiguration(override).build());
  }

  @Override
  public QueryResponse query(QueryRequest request) {
    return client.query(request.toBuilder().overrideConfiguration(override).build());
  }

  /** The Enhanced Client pages through this; each page's request comes back to {@link #query}. */
  @Override
  public QueryIterable queryPaginator(QueryRequest request) {
    return new QueryIterable(this, request);
  }

  /** The Enhanced Client's batch reads; each page (unprocessed keys) comes back here too. */
  @Override
  public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
    return client.batchGetItem(request.toBuilder().overrideConfiguration(override).build());
  }

  @Override
  public DescribeTableResponse describeTable(DescribeTableRequest request) {
    return client.describeTable(request.toBuilder().overrideConfiguration(override).build());
  }

  @Override
  public String serviceName() {
    return client.serviceName();
  }

  /** The shared client outlives every call. */
  @Override
  public void close() {}
}
