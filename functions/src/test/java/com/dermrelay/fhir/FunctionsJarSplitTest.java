package com.dermrelay.fhir;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * dermrelay-functions.jar ships without HAPI and without the FHIR record and its handlers
 * (docs/decisions/0017-fhir-jar.md; the shade filter in functions/pom.xml lists the same paths as
 * {@link #FHIR_JAR_ONLY}), so nothing else may use either: a handler in that jar would fail at
 * run time with NoClassDefFoundError, which no test on the full test classpath would see. EHR
 * delivery (com.dermrelay.fhir.delivery) is HAPI-free and ships in both jars.
 */
class FunctionsJarSplitTest {
  private static final Path MAIN = Path.of("src/main/java");
  /** Source paths (relative to src/main/java) only dermrelay-fhir.jar carries. */
  private static final List<String> FHIR_JAR_ONLY = List.of("com/dermrelay/fhir/bundle/",
      "com/dermrelay/fhir/api/", "com/dermrelay/fhir/FhirComponent.java", "com/dermrelay/fhir/FhirFunctions.java", "com/dermrelay/fhir/FhirPriming.java",
      "com/dermrelay/fhir/workflow/SendToEhrTaskHandler.java");
  private static final Pattern FORBIDDEN = Pattern.compile("\\b(org\\.hl7\\.fhir|ca\\.uhn\\.fhir"
      + "|com\\.dermrelay\\.fhir\\.(bundle|api|FhirComponent|FhirFunctions|FhirPriming|DaggerFhirComponent|workflow\\.SendToEhrTaskHandler))\\b");

  @Test
  void nothingInTheFunctionsJarUsesHapiOrWhatOnlyTheFhirJarCarries() throws IOException {
    List<String> offenders;
    try (Stream<Path> files = Files.walk(MAIN)) {
      offenders = files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !fhirJarOnly(f))
          .filter(FunctionsJarSplitTest::mentionsFhir)
          .map(f -> MAIN.relativize(f).toString()).toList();
    }
    assertTrue(offenders.isEmpty(), "these need HAPI or the FHIR jar's classes but ship in dermrelay-functions.jar: "
        + offenders);
  }

  @Test
  void theScanSeesTheFhirCode() {
    assertTrue(mentionsFhir(MAIN.resolve("com/dermrelay/fhir/bundle/CaseBundles.java")),
        "the pattern finds HAPI imports where they are");
    assertTrue(mentionsFhir(MAIN.resolve("com/dermrelay/fhir/workflow/SendToEhrTaskHandler.java")),
        "and uses of the FHIR jar's own classes");
    assertTrue(fhirJarOnly(MAIN.resolve("com/dermrelay/fhir/api/ResendToEhrHandler.java")));
  }

  private static boolean fhirJarOnly(Path file) {
    String relative = MAIN.relativize(file).toString().replace('\\', '/');
    return FHIR_JAR_ONLY.stream().anyMatch(relative::startsWith);
  }

  private static boolean mentionsFhir(Path file) {
    try {
      return FORBIDDEN.matcher(Files.readString(file)).find();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
