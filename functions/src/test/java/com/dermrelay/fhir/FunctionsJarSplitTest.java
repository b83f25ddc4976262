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
 * dermrelay-functions.jar ships without HAPI and without com.dermrelay.fhir
 * (docs/decisions/0016-fhir-jar.md), so nothing outside com.dermrelay.fhir may use either: a
 * handler in that jar would fail at run time with NoClassDefFoundError, which no test on the full
 * test classpath would see.
 */
class FunctionsJarSplitTest {
  private static final Path MAIN = Path.of("src/main/java");
  private static final Pattern FORBIDDEN =
      Pattern.compile("\\b(org\\.hl7\\.fhir|ca\\.uhn\\.fhir|com\\.dermrelay\\.fhir)\\b");

  @Test
  void noClassOutsideTheFhirPackageUsesHapiOrTheFhirPackage() throws IOException {
    List<String> offenders;
    try (Stream<Path> files = Files.walk(MAIN)) {
      offenders = files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !MAIN.relativize(f).startsWith(Path.of("com/dermrelay/fhir")))
          .filter(FunctionsJarSplitTest::mentionsFhir)
          .map(f -> MAIN.relativize(f).toString()).toList();
    }
    assertTrue(offenders.isEmpty(), "these need HAPI or com.dermrelay.fhir but ship in dermrelay-functions.jar: "
        + offenders);
  }

  @Test
  void theScanSeesTheFhirCode() throws IOException {
    assertTrue(mentionsFhir(MAIN.resolve("com/dermrelay/fhir/bundle/CaseBundles.java")),
        "the pattern finds HAPI imports where they are");
  }

  private static boolean mentionsFhir(Path file) {
    try {
      return FORBIDDEN.matcher(Files.readString(file)).find();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
