package com.dermrelay.testing.stack;

import com.dermrelay.local.ExternalServices;
import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/** The Testcontainers side of {@link LocalStackContainerProvider}, loaded only when it is used. */
final class LocalStackContainers {
  /**
   * The image: 4.14.0, the last release that starts without an account (LocalStack's images need
   * LOCALSTACK_AUTH_TOKEN from 2026.03.0 on). {@code -Ddermrelay.localstack.image=} picks another,
   * e.g. a calendar-versioned one with the token set.
   */
  static final String DEFAULT_IMAGE = "localstack/localstack:4.14.0";

  static final String IMAGE_PROPERTY = "dermrelay.localstack.image";
  static final String TOKEN_VARIABLE = "LOCALSTACK_AUTH_TOKEN";

  private LocalStackContainers() {}

  /** What {@code @Testcontainers(disabledWithoutDocker = true)} asks before it runs a class. */
  static boolean dockerAvailable() {
    return DockerClientFactory.instance().isDockerAvailable();
  }

  static LocalStack start(LocalStackConfig config) {
    LocalStackContainer container =
        container(System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE), System.getenv(TOKEN_VARIABLE));
    container.start();
    try {
      String endpoint = container.getEndpoint().toString();
      return LocalStack.start(config, new ExternalServices(endpoint, endpoint))
          .stopsLast(container::stop);
    } catch (RuntimeException e) {
      container.stop();
      throw e;
    }
  }

  /** The container as configured, not started. */
  static LocalStackContainer container(String image, String authToken) {
    return new LocalStackContainer(DockerImageName.parse(image)).withEnv(environment(authToken));
  }

  /**
   * The container's settings: DynamoDB and S3 only, presigned URLs verified, and the account's
   * token when there is one.
   */
  static Map<String, String> environment(String authToken) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SERVICES", "dynamodb,s3");
    // LocalStack accepts any signature unless told otherwise; s3proxy and S3 do not, and the
    // tests of tampered and expired upload URLs count on the refusal.
    env.put("S3_SKIP_SIGNATURE_VALIDATION", "0");
    if (authToken != null && !authToken.isBlank()) {
      env.put(TOKEN_VARIABLE, authToken);
    }
    return env;
  }
}
