package com.dermrelay.infrastructure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the app finds what it deploys from the repository: the OpenAPI contract the routes come
 * from and the jars the Lambda functions run ({@link DeploymentJars}). Maven sets {@code
 * dermrelay.repo.root} (surefire and exec:java); without it the repository root is the nearest
 * directory above the working directory that holds {@code api-spec/openapi.yaml}.
 *
 * @param openApiSpec {@code api-spec/openapi.yaml}
 * @param functionsJar {@code functions/target/dermrelay-functions.jar}, built by the reactor first
 * @param fhirJar {@code functions/target/dermrelay-fhir.jar}, the FHIR handlers; may be missing
 * @param lettersJar {@code functions/target/dermrelay-letters.jar}, the handlers that draw PDF
 *     letters; may be missing
 */
public record SourcePaths(Path openApiSpec, Path functionsJar, Path fhirJar, Path lettersJar) {

  static final String REPO_ROOT_PROPERTY = "dermrelay.repo.root";
  static final String SPEC = "api-spec/openapi.yaml";
  static final String JAR = "functions/target/dermrelay-functions.jar";
  static final String FHIR_JAR_NAME = "dermrelay-fhir.jar";
  static final String LETTERS_JAR_NAME = "dermrelay-letters.jar";

  public SourcePaths {
    Objects.requireNonNull(openApiSpec, "openApiSpec");
    Objects.requireNonNull(functionsJar, "functionsJar");
    Objects.requireNonNull(fhirJar, "fhirJar");
    Objects.requireNonNull(lettersJar, "lettersJar");
  }

  /** With the letters jar where the functions build puts it: beside the functions jar. */
  public SourcePaths(Path openApiSpec, Path functionsJar, Path fhirJar) {
    this(openApiSpec, functionsJar, fhirJar, functionsJar.resolveSibling(LETTERS_JAR_NAME));
  }

  /**
   * With the FHIR and letters jars where the functions build puts them: beside the functions jar.
   */
  public SourcePaths(Path openApiSpec, Path functionsJar) {
    this(openApiSpec, functionsJar, functionsJar.resolveSibling(FHIR_JAR_NAME));
  }

  /** The paths inside one repository checkout. */
  public static SourcePaths inRepository(Path root) {
    Path normalized = root.toAbsolutePath().normalize();
    return new SourcePaths(normalized.resolve(SPEC), normalized.resolve(JAR));
  }

  /** From the system property, or by walking up from the working directory. */
  public static SourcePaths locate() {
    String property = System.getProperty(REPO_ROOT_PROPERTY);
    if (property != null && !property.isBlank()) {
      return inRepository(Path.of(property));
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(SPEC))) {
        return inRepository(dir);
      }
    }
    throw new IllegalStateException(
        "Cannot find "
            + SPEC
            + " above "
            + Path.of("").toAbsolutePath()
            + "; run from the repository or set -D"
            + REPO_ROOT_PROPERTY
            + "=<repository root>");
  }
}
