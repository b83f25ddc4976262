package com.dermrelay.local;

/**
 * AWS services the local stack uses instead of starting its own emulator: a DynamoDB endpoint in
 * place of dynalite, an S3 endpoint in place of s3proxy (a LocalStack container, say). Null means
 * the embedded emulator. The stack creates its table, bucket and CORS rule there as it does in its
 * own; everything else (gateway, functions in-process, identity, Step Functions interpreter,
 * outbox, FHIR receiver, Secrets Manager) stays embedded.
 */
public record ExternalServices(String dynamoDbEndpoint, String s3Endpoint) {
  /** Every service embedded, as {@code local-dev/start} and CI run. */
  public static final ExternalServices NONE = new ExternalServices(null, null);
}
