package com.dermrelay.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The three screenshots the README shows (docs/screenshots/). Browser tests offer theirs here; they
 * are copied only when asked ({@code -Ddermrelay.docScreenshots=true}), so an ordinary test run
 * never rewrites committed files.
 */
public final class DocScreenshots {
  private DocScreenshots() {}

  /** Copies {@code screenshot} to docs/screenshots/{@code name} when asked to. */
  public static void offer(Path screenshot, String name) {
    if (!Boolean.getBoolean("dermrelay.docScreenshots")) {
      return;
    }
    // Tests run in functions/; docs/ is the repository's.
    Path docs = Path.of("..", "docs", "screenshots");
    try {
      Files.createDirectories(docs);
      Files.copy(screenshot, docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
