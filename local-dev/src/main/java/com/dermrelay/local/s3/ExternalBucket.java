package com.dermrelay.local.s3;

import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CORSRule;

/**
 * The media bucket on an S3 endpoint the stack did not start (ExternalServices): created if
 * missing, with the CORS rule s3proxy is given (the portal's origins may PUT photos to presigned
 * URLs and read them back), through PutBucketCors, which s3proxy lacks but real S3 and LocalStack
 * have.
 */
public final class ExternalBucket {
  private ExternalBucket() {}

  public static void prepare(
      String endpoint,
      String region,
      String accessKey,
      String secretKey,
      String bucket,
      List<String> corsOrigins) {
    try (S3Client s3 =
        S3Client.builder()
            .endpointOverride(URI.create(endpoint))
            .region(Region.of(region))
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
            .forcePathStyle(true)
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      try {
        s3.createBucket(r -> r.bucket(bucket));
      } catch (BucketAlreadyOwnedByYouException existing) {
        // Kept from an earlier run: the rule below is set again all the same.
      }
      s3.putBucketCors(
          r ->
              r.bucket(bucket)
                  .corsConfiguration(
                      c ->
                          c.corsRules(
                              CORSRule.builder()
                                  .allowedOrigins(corsOrigins)
                                  .allowedMethods("GET", "HEAD", "PUT", "POST")
                                  .allowedHeaders("*")
                                  .exposeHeaders("ETag", "x-amz-request-id")
                                  .build())));
    }
  }
}
