package com.dermrelay.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A deployment jar of {@code functions/}: the functions jar that most Lambda functions run, or the
 * FHIR jar ({@link DeploymentJars}). Opening it checks that it was built; {@link #requireClasses}
 * checks that each handler the contract names is in it, so a typo or a handler that was never
 * written fails synthesis instead of the first request.
 */
public final class FunctionsJar {

  private final Path path;
  private final Set<String> classes;
  private final boolean built;

  private FunctionsJar(Path path, Set<String> classes, boolean built) {
    this.path = path;
    this.classes = Set.copyOf(classes);
    this.built = built;
  }

  /**
   * A jar that may not have been built yet: absent, it holds no classes, so whatever would deploy
   * from it is reported missing by whoever needs it (a workflow's warning, the contract's check).
   */
  public static FunctionsJar openIfBuilt(Path jar) {
    return Files.isRegularFile(jar)
        ? open(jar)
        : new FunctionsJar(jar.toAbsolutePath().normalize(), Set.of(), false);
  }

  public static FunctionsJar open(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "The functions jar "
              + jar
              + " does not exist. Build the functions first: "
              + "mvn -pl functions -am package -DskipTests (the reactor build does this before infrastructure)");
    }
    Set<String> classes = new HashSet<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      zip.stream()
          .map(ZipEntry::getName)
          .filter(name -> name.endsWith(".class"))
          .forEach(
              name ->
                  classes.add(
                      name.substring(0, name.length() - ".class".length()).replace('/', '.')));
    } catch (IOException e) {
      throw new IllegalStateException(
          "The functions jar " + jar + " cannot be read as a zip: " + e.getMessage(), e);
    }
    return new FunctionsJar(jar.toAbsolutePath().normalize(), classes, true);
  }

  /** A short digest of the jar's bytes: the release label when no {@code version} is given. */
  public String contentVersion() {
    return contentVersion(List.of(this));
  }

  /** A short digest of the bytes of every built jar of {@code jars}, in order. */
  static String contentVersion(List<FunctionsJar> jars) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (FunctionsJar jar : jars) {
        if (!jar.built) {
          continue;
        }
        try (InputStream in = Files.newInputStream(jar.path)) {
          for (int read; (read = in.read(buffer)) > 0; ) {
            sha.update(buffer, 0, read);
          }
        }
      }
      return "jar-" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(
          "Cannot digest " + jars.stream().map(FunctionsJar::path).toList() + ": " + e.getMessage(),
          e);
    }
  }

  /** False for a jar {@link #openIfBuilt} did not find. */
  public boolean built() {
    return built;
  }

  public Path path() {
    return path;
  }

  public boolean contains(String className) {
    return classes.contains(className);
  }

  /** Throws naming every class of {@code classNames} that the jar lacks. */
  public void requireClasses(Collection<String> classNames, String whoNamesThem) {
    List<String> missing = classNames.stream().filter(name -> !contains(name)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          whoNamesThem
              + " names handler classes that are not in "
              + path
              + (built ? "" : " (not built)")
              + ": "
              + missing
              + ". Write the handler or fix the name, then rebuild the functions jars");
    }
  }
}
