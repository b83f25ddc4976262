package com.dermrelay.infrastructure;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The jars the Lambda functions deploy from. Handlers in {@value #FHIR_PACKAGE} (the FHIR model of
 * issue 8, about 10 MB of HAPI classes) come from {@code dermrelay-fhir.jar}; handlers in {@value
 * #LETTERS_PACKAGE} (PDFBox, 3.8 MB, issue 18) from {@code dermrelay-letters.jar}; every other
 * handler from {@code dermrelay-functions.jar}, so each library costs only the functions that use
 * it (decisions 0017 and 0022).
 *
 * <p>The functions jar must be built ({@link FunctionsJar#open}). The FHIR jar may be missing: then
 * it holds no classes, the EHR delivery workflow is left out with a warning, and a contract that
 * names a FHIR handler fails synthesis as for any handler not built. The letters jar likewise.
 */
public record DeploymentJars(FunctionsJar functions, FunctionsJar fhir, FunctionsJar letters) {

  public static final String FHIR_PACKAGE = "com.dermrelay.fhir.";
  public static final String LETTERS_PACKAGE = "com.dermrelay.letters.";

  public DeploymentJars {
    Objects.requireNonNull(functions, "functions");
    Objects.requireNonNull(fhir, "fhir");
    Objects.requireNonNull(letters, "letters");
  }

  /** Without a letters jar (holding no classes): for tests of the other two. */
  public DeploymentJars(FunctionsJar functions, FunctionsJar fhir) {
    this(
        functions,
        fhir,
        FunctionsJar.openIfBuilt(functions.path().resolveSibling(SourcePaths.LETTERS_JAR_NAME)));
  }

  public static DeploymentJars open(SourcePaths sources) {
    return new DeploymentJars(
        FunctionsJar.open(sources.functionsJar()),
        FunctionsJar.openIfBuilt(sources.fhirJar()),
        FunctionsJar.openIfBuilt(sources.lettersJar()));
  }

  public static boolean isFhirHandler(String handlerClass) {
    return handlerClass.startsWith(FHIR_PACKAGE);
  }

  public static boolean isLettersHandler(String handlerClass) {
    return handlerClass.startsWith(LETTERS_PACKAGE);
  }

  /** The jar {@code handlerClass} deploys from. */
  public FunctionsJar jarFor(String handlerClass) {
    return isFhirHandler(handlerClass)
        ? fhir
        : isLettersHandler(handlerClass) ? letters : functions;
  }

  public boolean contains(String handlerClass) {
    return jarFor(handlerClass).contains(handlerClass);
  }

  /**
   * Throws naming, per jar, every class of {@code handlerClasses} that the jar it deploys from
   * lacks.
   */
  public void requireClasses(Collection<String> handlerClasses, String whoNamesThem) {
    functions.requireClasses(
        handlerClasses.stream().filter(h -> !isFhirHandler(h) && !isLettersHandler(h)).toList(),
        whoNamesThem);
    fhir.requireClasses(
        handlerClasses.stream().filter(DeploymentJars::isFhirHandler).toList(), whoNamesThem);
    letters.requireClasses(
        handlerClasses.stream().filter(DeploymentJars::isLettersHandler).toList(), whoNamesThem);
  }

  /**
   * A short digest of the jars' bytes (the FHIR and letters jars' only when built): the default
   * release label.
   */
  public String contentVersion() {
    return FunctionsJar.contentVersion(List.of(functions, fhir, letters));
  }
}
