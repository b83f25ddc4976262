package com.dermrelay.local.identity.internal;

import com.dermrelay.local.http.Exchanges;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * JSON files in the pool's data directory, written atomically (temp file, then move) so a crash
 * never leaves half a file, and readable by the owner only because they hold secrets' hashes and
 * the signing key.
 */
final class JsonFiles {
  private final Path dir;

  JsonFiles(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create identity data directory " + dir, e);
    }
  }

  /** The file's content, or null when it does not exist yet. */
  <T> T read(String name, TypeReference<T> type) {
    Path file = dir.resolve(name);
    if (!Files.exists(file)) {
      return null;
    }
    try {
      return Exchanges.JSON.readValue(file.toFile(), type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read identity data file " + file, e);
    }
  }

  String readText(String name) {
    Path file = dir.resolve(name);
    try {
      return Files.exists(file) ? Files.readString(file) : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read identity data file " + file, e);
    }
  }

  void write(String name, Object value) {
    try {
      writeBytes(name, Exchanges.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write identity data file " + dir.resolve(name), e);
    }
  }

  void writeText(String name, String text) {
    try {
      writeBytes(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write identity data file " + dir.resolve(name), e);
    }
  }

  private void writeBytes(String name, byte[] bytes) throws IOException {
    Path target = dir.resolve(name);
    Path temp = Files.createTempFile(dir, name + ".", ".tmp");
    try {
      ownerOnly(temp);
      Files.write(temp, bytes);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void ownerOnly(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }
}
