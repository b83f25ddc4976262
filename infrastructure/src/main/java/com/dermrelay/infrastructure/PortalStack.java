package com.dermrelay.infrastructure;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * The portal's hosting in a region: bucket and CloudFront distribution, which also fronts the API
 * (same origin) behind the edge stack's web ACL.
 */
public final class PortalStack extends Stack {

  public static final String PORTAL_BUCKET_OUTPUT = "PortalBucketName";
  public static final String PORTAL_URL_OUTPUT = "PortalUrl";

  private final PortalHosting hosting;

  public PortalStack(
      Construct scope, String id, StackProps props, StageConfig config, PortalHosting.Edge edge) {
    super(scope, id, props);
    this.hosting = new PortalHosting(this, "Portal", config, edge);
    CfnOutput.Builder.create(this, PORTAL_BUCKET_OUTPUT)
        .value(hosting.bucket().getBucketName())
        .description("Upload the built portal here")
        .build();
    CfnOutput.Builder.create(this, PORTAL_URL_OUTPUT)
        .value("https://" + hosting.distribution().getDistributionDomainName())
        .description("The portal's CloudFront address (and the API's, under its paths)")
        .build();
  }

  public PortalHosting hosting() {
    return hosting;
  }
}
