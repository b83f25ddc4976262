package com.dermrelay.infrastructure;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * The customer-managed KMS key that encrypts the stage's health data at rest (case table and
 * photos). One key per stage keeps the blast radius of a key policy mistake to that stage; it is
 * retained on stack deletion because data encrypted under it outlives any one deployment (backups,
 * retained table).
 */
public final class EncryptionKeys extends Construct {

  private final Key dataKey;

  public EncryptionKeys(Construct scope, String id, StageConfig config) {
    super(scope, id);
    this.dataKey =
        Key.Builder.create(this, "DataKey")
            .alias("alias/" + config.resourcePrefix() + "-data")
            .description("DermRelay " + config.stage() + ": encrypts case data and photos at rest")
            .enableKeyRotation(true)
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
  }

  /** The key for the case table, the media bucket and anything else holding health data. */
  public IKey dataKey() {
    return dataKey;
  }
}
