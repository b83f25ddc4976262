package com.dermrelay.infrastructure;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * What CloudFront needs from us-east-1 for one region's stack set: the web ACL. The portal stack
 * reads its ARN through a cross-region reference (CDK keeps it in SSM parameters), so this stack is
 * deployed first and always in us-east-1, whatever region the set serves.
 */
public final class EdgeStack extends Stack {

  /** CloudFront takes web ACLs and certificates only from this region. */
  public static final String EDGE_REGION = "us-east-1";

  private final EdgeFirewall firewall;

  public EdgeStack(Construct scope, String id, StackProps props, StageConfig config) {
    super(scope, id, props);
    this.firewall = new EdgeFirewall(this, "Firewall", config);
  }

  public EdgeFirewall firewall() {
    return firewall;
  }
}
