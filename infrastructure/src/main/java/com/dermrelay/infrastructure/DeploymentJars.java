package com.dermrelay.infrastructure;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The jars the Lambda functions deploy from. Handlers in {@value #FHIR_PACKAGE} (the FHIR model of
 * issue 8, about 10 MB of HAPI classes) come from {@code dermrelay-fhir.jar}; every other handler
 * from {@code dermrelay-functions.jar}, so the FHIR model costs only the functions that use it.
 *
 * <p>The functions jar must be built ({@link FunctionsJar#open}). The FHIR jar may be missing: then
 * it holds no classes, the EHR delivery workflow is left out with a warning, and a contract that
 * names a FHIR handler fails synthesis as for any handler not built.
 */
public record DeploymentJars(FunctionsJar functions, FunctionsJar fhir) {

  public static final String FHIR_PACKAGE = "com.dermrelay.fhir.";

  public DeploymentJars {
    Objects.requireNonNull(functions, "functions");
    Objects.requireNonNull(fhir, "fhir");
  }

  public static DeploymentJars open(SourcePaths sources) {
    return new DeploymentJars(FunctionsJar.open(sources.functionsJar()), FunctionsJar.openIfBuilt(sources.fhirJar()));
  }

  public static boolean isFhirHandler(String handlerClass) {
    return handlerClass.startsWith(FHIR_PACKAGE);
  }

  /** The jar {@code handlerClass} deploys from. */
  public FunctionsJar jarFor(String handlerClass) {
    return isFhirHandler(handlerClass) ? fhir : functions;
  }

  public boolean contains(String handlerClass) {
    return jarFor(handlerClass).contains(handlerClass);
  }

  /** Throws naming, per jar, every class of {@code handlerClasses} that the jar it deploys from lacks. */
  public void requireClasses(Collection<String> handlerClasses, String whoNamesThem) {
    functions.requireClasses(handlerClasses.stream().filter(h -> !isFhirHandler(h)).toList(), whoNamesThem);
    fhir.requireClasses(handlerClasses.stream().filter(DeploymentJars::isFhirHandler).toList(), whoNamesThem);
  }

  /** A short digest of both jars' bytes (the FHIR jar's only when built): the default release label. */
  public String contentVersion() {
    return FunctionsJar.contentVersion(List.of(functions, fhir));
  }
}
