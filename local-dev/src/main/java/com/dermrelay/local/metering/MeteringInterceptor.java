package com.dermrelay.local.metering;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Meters the AWS calls that the in-process functions make, registered for every SDK client of the
 * JVM through {@code software/amazon/awssdk/global/handlers/execution.interceptors} (local-dev is
 * never in the deployed jar). Calls outside a metered function (tests, the seeder) are ignored.
 *
 * <ul>
 *   <li>DynamoDB: asks dynalite for {@code ReturnConsumedCapacity=TOTAL} and records the units.
 *       dynalite does not charge index writes, so a PutItem adds the item's units once per index
 *       whose key it carries (both indexes project ALL). A failed condition costs one write unit,
 *       as on AWS for an item under 1 KB.
 *   <li>Step Functions: the time inside the call is left out of the function's duration (locally
 *       the next workflow steps run inside it).
 * </ul>
 */
public final class MeteringInterceptor implements ExecutionInterceptor {
  /** The table's index partition keys (local-dev's TableSetup, infrastructure's DataStack). */
  private static final List<String> INDEX_KEYS = List.of("gsi1pk", "gsi2pk");

  private static final ExecutionAttribute<Long> STARTED =
      new ExecutionAttribute<>("dermrelay.metering.started");

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    if (UsageMeter.inFunction()) {
      attributes.putAttribute(STARTED, System.nanoTime());
    }
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    if (!UsageMeter.inFunction()) {
      return context.request();
    }
    SdkRequest request = context.request();
    ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
    if (request instanceof GetItemRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    } else if (request instanceof PutItemRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    } else if (request instanceof UpdateItemRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    } else if (request instanceof DeleteItemRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    } else if (request instanceof QueryRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    } else if (request instanceof BatchGetItemRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    }
    return request;
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    if (!UsageMeter.inFunction()) {
      return;
    }
    excludeWorkflowCall(context.request(), attributes);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    Object response = context.response();
    UsageMeter meter = UsageMeter.global();
    if (response instanceof GetItemResponse r) {
      meter.recordDynamoDb(operation, units(r.consumedCapacity()), 0);
    } else if (response instanceof QueryResponse r) {
      meter.recordDynamoDb(operation, units(r.consumedCapacity()), 0);
    } else if (response instanceof BatchGetItemResponse r) {
      // One entry per table read: the worklist's batches read only the one table.
      meter.recordDynamoDb(
          operation,
          r.consumedCapacity().stream().mapToDouble(MeteringInterceptor::units).sum(),
          0);
    } else if (response instanceof PutItemResponse r) {
      double table = units(r.consumedCapacity());
      Map<String, AttributeValue> item = ((PutItemRequest) context.request()).item();
      long indexes = INDEX_KEYS.stream().filter(item::containsKey).count();
      meter.recordDynamoDb(operation, 0, table * (1 + indexes));
    } else if (response instanceof UpdateItemResponse r) {
      meter.recordDynamoDb(operation, 0, units(r.consumedCapacity()));
    } else if (response instanceof DeleteItemResponse r) {
      meter.recordDynamoDb(operation, 0, units(r.consumedCapacity()));
    } else if (isDynamoDb(context.request())) {
      meter.recordDynamoDb(operation, 0, 0);
    }
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    if (!UsageMeter.inFunction()) {
      return;
    }
    excludeWorkflowCall(context.request(), attributes);
    if (context.exception() instanceof ConditionalCheckFailedException) {
      UsageMeter.global()
          .recordDynamoDb(
              attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + " (condition failed)",
              0,
              1);
    }
  }

  private static void excludeWorkflowCall(SdkRequest request, ExecutionAttributes attributes) {
    Long started = attributes.getAttribute(STARTED);
    if (started != null
        && request.getClass().getName().startsWith("software.amazon.awssdk.services.sfn.")) {
      UsageMeter.excludeFromDuration(System.nanoTime() - started);
    }
  }

  private static boolean isDynamoDb(SdkRequest request) {
    return request.getClass().getName().startsWith("software.amazon.awssdk.services.dynamodb.");
  }

  private static double units(ConsumedCapacity capacity) {
    return capacity == null || capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
  }
}
