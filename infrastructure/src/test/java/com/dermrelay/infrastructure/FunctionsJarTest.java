package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionsJarTest {

  @TempDir Path dir;

  @Test
  void aMissingJarTellsToBuildTheFunctionsFirst() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> FunctionsJar.open(dir.resolve("dermrelay-functions.jar")));
    assertTrue(e.getMessage().contains("Build the functions first"), e.getMessage());
  }

  @Test
  void aFhirJarNotYetBuiltHoldsNothingAndSaysSoWhenAClassIsRequired() {
    FunctionsJar fhir = FunctionsJar.openIfBuilt(dir.resolve("dermrelay-fhir.jar"));
    assertFalse(fhir.built());
    assertFalse(fhir.contains("com.dermrelay.fhir.api.GetCaseFhirBundleHandler"));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                fhir.requireClasses(
                    List.of("com.dermrelay.fhir.api.GetCaseFhirBundleHandler"), "The spec"));
    assertTrue(e.getMessage().contains("dermrelay-fhir.jar (not built)"), e.getMessage());
  }

  @Test
  void eachHandlerIsLookedForInTheJarItDeploysFrom() throws IOException {
    DeploymentJars jars =
        new DeploymentJars(
            FunctionsJar.open(
                fixtureJar(
                    "com/example/GoodHandler.class",
                    "com/dermrelay/fhir/api/InTheWrongJarHandler.class")),
            FunctionsJar.open(fixtureJar("com/dermrelay/fhir/A.class")));
    assertTrue(jars.contains("com.example.GoodHandler"));
    assertTrue(jars.contains("com.dermrelay.fhir.A"));
    assertFalse(jars.contains("com.dermrelay.fhir.api.InTheWrongJarHandler"));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                jars.requireClasses(
                    List.of(
                        "com.example.GoodHandler", "com.dermrelay.fhir.api.InTheWrongJarHandler"),
                    "x"));
    assertTrue(e.getMessage().contains(jars.fhir().path().toString()), e.getMessage());
    // The release label follows the FHIR jar's bytes too.
    assertNotEquals(jars.functions().contentVersion(), jars.contentVersion());
  }

  @Test
  void findsClassesByTheirFullyQualifiedName() throws IOException {
    FunctionsJar jar = FunctionsJar.open(fixtureJar("com/example/GoodHandler.class"));
    assertTrue(jar.contains("com.example.GoodHandler"));
    assertFalse(jar.contains("com.example.Missing"));
    assertDoesNotThrow(() -> jar.requireClasses(List.of("com.example.GoodHandler"), "test"));
  }

  @Test
  void requiringAbsentClassesNamesEveryOne() throws IOException {
    FunctionsJar jar = FunctionsJar.open(fixtureJar("com/example/GoodHandler.class"));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                jar.requireClasses(
                    List.of("com.example.GoodHandler", "com.example.A", "com.example.B"),
                    "The spec"));
    assertTrue(e.getMessage().contains("[com.example.A, com.example.B]"), e.getMessage());
  }

  @Test
  void theRepositoryJarsHoldEveryHandlerOfTheContractEachInTheJarItDeploysFrom() {
    SourcePaths paths = SourcePaths.locate();
    DeploymentJars jars = DeploymentJars.open(paths);
    assertDoesNotThrow(
        () -> jars.requireClasses(ApiSpec.load(paths.openApiSpec()).handlers(), "openapi.yaml"));
  }

  @Test
  void theContentVersionFollowsTheBytes() throws IOException {
    String first = FunctionsJar.open(fixtureJar("a/A.class")).contentVersion();
    assertEquals(first, FunctionsJar.open(fixtureJar("a/A.class")).contentVersion());
    assertTrue(first.matches("jar-[0-9a-f]{12}"), first);
  }

  static Path fixtureJar(Path dir, String... entries) throws IOException {
    Path jar = Files.createTempFile(dir, "functions", ".jar");
    try (OutputStream out = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String entry : entries) {
        ZipEntry e = new ZipEntry(entry);
        e.setTime(0);
        zip.putNextEntry(e);
        zip.write(new byte[] {(byte) 0xca, (byte) 0xfe});
        zip.closeEntry();
      }
    }
    return jar;
  }

  private Path fixtureJar(String... entries) throws IOException {
    return fixtureJar(dir, entries);
  }
}
