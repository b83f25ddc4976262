package com.dermrelay.infrastructure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CacheCookieBehavior;
import software.amazon.awscdk.services.cloudfront.CacheHeaderBehavior;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.CacheQueryStringBehavior;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.FunctionAssociation;
import software.amazon.awscdk.services.cloudfront.FunctionCode;
import software.amazon.awscdk.services.cloudfront.FunctionEventType;
import software.amazon.awscdk.services.cloudfront.FunctionRuntime;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.IOrigin;
import software.amazon.awscdk.services.cloudfront.OriginProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.SecurityPolicyProtocol;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The portal's static files: a private bucket that only this CloudFront distribution can read
 * (origin access control), HTTPS only, with security headers on every response. The patient app's
 * white-label routes {@code /c/{slug}/...} are rewritten at the edge exactly as the local gateway
 * serves them: assets from {@code patient/assets/}, any path without a file extension to {@code
 * patient/index.html} so the single-page app's router takes over.
 */
public final class PortalHosting extends Construct {

  static final String PATIENT_ROUTES = "/c/*";

  /**
   * CloudFront Functions JS 2.0: the edge twin of local-dev's StaticFiles routing for /c/{slug}/.
   */
  static final String PATIENT_ROUTES_CODE =
      """
      function handler(event) {
        var request = event.request;
        var match = request.uri.match(/^\\/c\\/[a-z0-9-]+\\/(.*)$/);
        if (!match) {
          request.uri = '/patient/index.html';
          return request;
        }
        var rest = match[1];
        var lastSegment = rest.substring(rest.lastIndexOf('/') + 1);
        if (rest.indexOf('assets/') === 0) {
          request.uri = '/patient/' + rest;
        } else if (lastSegment.indexOf('.') < 0) {
          request.uri = '/patient/index.html';
        } else {
          request.uri = '/patient/' + rest;
        }
        return request;
      }
      """;

  private final Bucket bucket;
  private final Bucket logBucket;
  private final Distribution distribution;
  private final ResponseHeadersPolicy headers;

  /**
   * What the distribution puts in front of the static files: the API's origin and the path patterns
   * routed to it (same origin as the portal, so no CORS and a CSP of 'self'), and the web ACL,
   * absent where no region is known (env-agnostic synth: the ACL needs a cross-region reference).
   */
  public record Edge(
      Optional<String> webAclArn, Optional<String> apiOriginDomain, List<String> apiPathPatterns) {
    public static final Edge NONE = new Edge(Optional.empty(), Optional.empty(), List.of());
  }

  public PortalHosting(Construct scope, String id, StageConfig config) {
    this(scope, id, config, Edge.NONE);
  }

  public PortalHosting(Construct scope, String id, StageConfig config, Edge edge) {
    super(scope, id);
    // CloudFront standard logs are written with an ACL, so this bucket keeps ACLs for the log
    // writer.
    this.logBucket =
        Bucket.Builder.create(this, "Logs")
            .encryption(BucketEncryption.S3_MANAGED)
            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
            .enforceSsl(true)
            .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED)
            .versioned(true)
            .lifecycleRules(
                List.of(
                    LifecycleRule.builder()
                        .id("expire-logs")
                        .expiration(Duration.days(400))
                        .noncurrentVersionExpiration(Duration.days(30))
                        .abortIncompleteMultipartUploadAfter(Duration.days(1))
                        .build()))
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
    NagSuppression.suppress(
        logBucket,
        "HIPAA.Security-S3DefaultEncryptionKMS",
        "CloudFront and S3 deliver access logs only to SSE-S3 buckets; the logs hold no health data");
    NagSuppression.suppress(
        logBucket,
        "HIPAA.Security-S3BucketReplicationEnabled",
        "Access logs of a static site; their loss costs no data, and they stay in the region");
    this.bucket =
        Bucket.Builder.create(this, "Files")
            // Public web assets, no health data; SSE-KMS would need the key opened to CloudFront.
            .encryption(BucketEncryption.S3_MANAGED)
            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
            .enforceSsl(true)
            .versioned(true)
            .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
            .serverAccessLogsBucket(logBucket)
            .serverAccessLogsPrefix("s3/")
            .lifecycleRules(
                List.of(
                    LifecycleRule.builder()
                        .id("expire-old-releases")
                        .noncurrentVersionExpiration(Duration.days(90))
                        .abortIncompleteMultipartUploadAfter(Duration.days(1))
                        .build()))
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();

    // The headers of edge/security-headers.json, which the local gateway serves too.
    this.headers =
        ResponseHeadersPolicy.Builder.create(this, "SecurityHeaders")
            .comment("DermRelay " + config.stage() + " portal security headers")
            .securityHeadersBehavior(EdgeSecurityHeaders.behavior(Stack.of(this).getRegion()))
            .build();

    NagSuppression.suppress(
        bucket,
        "HIPAA.Security-S3DefaultEncryptionKMS",
        "The portal's public HTML, scripts and styles, no health data; SSE-KMS would have to open the key to CloudFront");
    NagSuppression.suppress(
        bucket,
        "HIPAA.Security-S3BucketReplicationEnabled",
        "Build output, deployable again from the repository at any time");

    IOrigin origin = S3BucketOrigin.withOriginAccessControl(bucket);
    software.amazon.awscdk.services.cloudfront.Function patientRoutes =
        software.amazon.awscdk.services.cloudfront.Function.Builder.create(this, "PatientRoutes")
            .runtime(FunctionRuntime.JS_2_0)
            .comment("Serves the patient app for /c/{slug}/ paths")
            .code(FunctionCode.fromInline(PATIENT_ROUTES_CODE))
            .build();
    Map<String, BehaviorOptions> behaviors = new LinkedHashMap<>();
    behaviors.put(
        PATIENT_ROUTES,
        behavior(
            origin,
            List.of(
                FunctionAssociation.builder()
                    .eventType(FunctionEventType.VIEWER_REQUEST)
                    .function(patientRoutes)
                    .build())));
    edge.apiOriginDomain()
        .ifPresent(
            domain -> {
              BehaviorOptions api = apiBehavior(domain);
              edge.apiPathPatterns().forEach(pattern -> behaviors.put(pattern, api));
            });
    Distribution.Builder builder =
        Distribution.Builder.create(this, "Distribution")
            .comment("DermRelay " + config.stage() + " portal and API");
    edge.webAclArn().ifPresent(builder::webAclId);
    config
        .domains()
        .portal()
        .ifPresent(
            domain ->
                builder
                    .domainNames(List.of(domain.name()))
                    .certificate(
                        Certificate.fromCertificateArn(
                            this, "PortalCertificate", domain.certificateArn()))
                    .minimumProtocolVersion(SecurityPolicyProtocol.TLS_V1_2_2021));
    this.distribution =
        builder
            .defaultRootObject("index.html")
            .httpVersion(HttpVersion.HTTP2_AND_3)
            .priceClass(PriceClass.PRICE_CLASS_100)
            .enableLogging(true)
            .logBucket(logBucket)
            .logFilePrefix("cloudfront/")
            .defaultBehavior(behavior(origin, List.of()))
            .additionalBehaviors(behaviors)
            .build();
    if (config.domains().portal().isEmpty()) {
      NagSuppression.suppress(
          distribution,
          "AwsSolutions-CFR4",
          "Uses the default *.cloudfront.net certificate until a stage configures its own domain and ACM "
              + "certificate (portalDomain, TLSv1.2_2021 then); CloudFront cannot raise the minimum for the default one");
    }
    NagSuppression.suppress(
        distribution,
        "AwsSolutions-CFR1",
        "Clinics' patients may be anywhere; data residency is decided by the API's region, not by where the viewer is");
    if (edge.webAclArn().isEmpty()) {
      NagSuppression.suppress(
          distribution,
          "AwsSolutions-CFR2",
          "Only in an environment-agnostic synth: the web ACL lives in us-east-1 and is referenced across "
              + "regions, which needs a known region; every deployable stage has one (EdgeStack)");
    }
  }

  /**
   * The API's routes: every method, never cached for another caller (the Authorization header is in
   * the cache key, and the API answers no-store), everything of the request but the Host forwarded.
   */
  private BehaviorOptions apiBehavior(String apiDomain) {
    CachePolicy passThrough =
        CachePolicy.Builder.create(this, "ApiPassThrough")
            .comment(
                "DermRelay API: no caching; Authorization in the key so CloudFront forwards it")
            .minTtl(Duration.seconds(0))
            .defaultTtl(Duration.seconds(0))
            .maxTtl(Duration.seconds(1))
            .headerBehavior(CacheHeaderBehavior.allowList("Authorization"))
            .queryStringBehavior(CacheQueryStringBehavior.all())
            .cookieBehavior(CacheCookieBehavior.none())
            .enableAcceptEncodingGzip(true)
            .build();
    return BehaviorOptions.builder()
        .origin(
            HttpOrigin.Builder.create(apiDomain)
                .protocolPolicy(OriginProtocolPolicy.HTTPS_ONLY)
                .build())
        .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
        .allowedMethods(AllowedMethods.ALLOW_ALL)
        .cachePolicy(passThrough)
        .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
        .responseHeadersPolicy(headers)
        .compress(true)
        .build();
  }

  /**
   * The distribution's path patterns for the contract's paths: {@code /seg} for a one-segment path,
   * {@code /seg/*} for deeper ones; the portal's own files live under other names.
   */
  static List<String> apiPathPatterns(List<ApiOperation> operations) {
    Set<String> patterns = new TreeSet<>();
    for (ApiOperation operation : operations) {
      String[] segments = operation.path().substring(1).split("/");
      patterns.add(segments.length == 1 ? "/" + segments[0] : "/" + segments[0] + "/*");
    }
    return List.copyOf(patterns);
  }

  /**
   * Only our own scripts and styles; API calls to this region's API Gateway, Cognito and the media
   * bucket (presigned uploads); never framed (edge/security-headers.json).
   */
  static String contentSecurityPolicy(String region) {
    return EdgeSecurityHeaders.forRegion(region).get("Content-Security-Policy");
  }

  private BehaviorOptions behavior(IOrigin origin, List<FunctionAssociation> functions) {
    return BehaviorOptions.builder()
        .origin(origin)
        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
        .allowedMethods(AllowedMethods.ALLOW_GET_HEAD)
        .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
        .responseHeadersPolicy(headers)
        .compress(true)
        .functionAssociations(functions)
        .build();
  }

  public IBucket bucket() {
    return bucket;
  }

  public IBucket logBucket() {
    return logBucket;
  }

  public Distribution distribution() {
    return distribution;
  }

  public ResponseHeadersPolicy headers() {
    return headers;
  }
}
