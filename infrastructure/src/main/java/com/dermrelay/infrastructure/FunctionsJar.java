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
 * The single deployment jar of {@code functions/} that every Lambda function runs. Opening it checks
 * that it was built; {@link #requireClasses} checks that each handler the contract names is in it, so
 * a typo or a handler that was never written fails synthesis instead of the first request.
 */
public final class FunctionsJar {

  private final Path path;
  private final Set<String> classes;

  private FunctionsJar(Path path, Set<String> classes) {
    this.path = path;
    this.classes = Set.copyOf(classes);
  }

  public static FunctionsJar open(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("The functions jar " + jar + " does not exist. Build the functions first: "
          + "mvn -pl functions -am package -DskipTests (the reactor build does this before infrastructure)");
    }
    Set<String> classes = new HashSet<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      zip.stream().map(ZipEntry::getName).filter(name -> name.endsWith(".class"))
          .forEach(name -> classes.add(name.substring(0, name.length() - ".class".length()).replace('/', '.')));
    } catch (IOException e) {
      throw new IllegalStateException("The functions jar " + jar + " cannot be read as a zip: " + e.getMessage(), e);
    }
    return new FunctionsJar(jar.toAbsolutePath().normalize(), classes);
  }

  /** A short digest of the jar's bytes: the release label when no {@code version} is given. */
  public String contentVersion() {
    try (InputStream in = Files.newInputStream(path)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int read; (read = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, read);
      }
      return "jar-" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot digest " + path + ": " + e.getMessage(), e);
    }
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
      throw new IllegalStateException(whoNamesThem + " names handler classes that are not in " + path + ": "
          + missing + ". Write the handler or fix the name, then rebuild the functions jar");
    }
  }
}
