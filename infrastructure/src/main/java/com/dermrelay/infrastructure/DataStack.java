package com.dermrelay.infrastructure;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * The stateful resources of a stage: the data key, the case table and the photo bucket (with its
 * access log bucket). They live apart from the compute stacks so those can be replaced or torn down
 * freely, and everything here is retained if this stack is deleted.
 */
public final class DataStack extends Stack {

  public static final String TABLE_NAME_OUTPUT = "TableName";
  public static final String MEDIA_BUCKET_NAME_OUTPUT = "MediaBucketName";
  public static final String DATA_KEY_ARN_OUTPUT = "DataKeyArn";

  private final IKey dataKey;
  private final ITable table;
  private final IBucket mediaBucket;

  public DataStack(Construct scope, String id, StackProps props, StageConfig config) {
    super(scope, id, props);
    EncryptionKeys keys = new EncryptionKeys(this, "Keys", config);
    AccessLogBucket accessLogs = new AccessLogBucket(this, "AccessLogs");
    this.dataKey = keys.dataKey();
    this.table = new CaseTable(this, "Cases", config, dataKey).table();
    this.mediaBucket =
        new MediaBucket(this, "Media", config, dataKey, accessLogs.bucket()).bucket();
    EhrLinkKey.create(this, config, dataKey);

    output(TABLE_NAME_OUTPUT, table.getTableName(), "The single DynamoDB table of the stage");
    output(MEDIA_BUCKET_NAME_OUTPUT, mediaBucket.getBucketName(), "The bucket holding case photos");
    output(DATA_KEY_ARN_OUTPUT, dataKey.getKeyArn(), "The KMS key encrypting table and photos");
  }

  public IKey dataKey() {
    return dataKey;
  }

  public ITable table() {
    return table;
  }

  public IBucket mediaBucket() {
    return mediaBucket;
  }

  private void output(String id, String value, String description) {
    CfnOutput.Builder.create(this, id).value(value).description(description).build();
  }
}
