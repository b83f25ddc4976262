package com.dermrelay.core.data;

import com.dermrelay.core.config.Settings;
import com.dermrelay.local.dynamodb.DynaliteProcess;
import com.dermrelay.local.dynamodb.TableSetup;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The platform's table in a dynalite of its own (the emulator the local stack runs), for the data
 * layer's tests: the real requests and conditions, no stack around them.
 */
final class DynaliteTable implements AutoCloseable {
  static final String NAME = "data-layer-test";

  final DynaliteProcess dynalite;
  final DynamoDbClient client;

  private DynaliteTable(DynaliteProcess dynalite, DynamoDbClient client) {
    this.dynalite = dynalite;
    this.client = client;
  }

  static DynaliteTable start() {
    Path localDev =
        Path.of(System.getProperty("dermrelay.nodeModules", "../local-dev/node_modules"))
            .toAbsolutePath()
            .getParent();
    DynaliteProcess dynalite = DynaliteProcess.start(localDev, "127.0.0.1", 0, null);
    DynamoDbClient client =
        DynamoDbClient.builder()
            .endpointOverride(URI.create(dynalite.endpoint()))
            .region(Region.EU_CENTRAL_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    TableSetup.ensureTable(client, NAME);
    return new DynaliteTable(dynalite, client);
  }

  /** The data layer over this table, on the function's own credentials, with {@code clock}. */
  SingleTable singleTable(Clock clock) {
    Settings settings =
        Settings.from(
            Map.of(
                "AWS_REGION",
                "eu-central-1",
                "DERMRELAY_TABLE",
                NAME,
                "DERMRELAY_MEDIA_BUCKET",
                "unused",
                "AWS_ENDPOINT_URL_DYNAMODB",
                dynalite.endpoint()));
    return new SingleTable(
        client, settings, new ObjectMapper(), clock, TenantCredentials.functionsOwn());
  }

  @Override
  public void close() {
    client.close();
    dynalite.close();
  }
}
