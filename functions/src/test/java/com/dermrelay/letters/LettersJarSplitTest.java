package com.dermrelay.letters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * dermrelay-functions.jar carries neither PDFBox nor {@code com.dermrelay.letters} (the shade filter
 * in functions/pom.xml, docs/decisions/0022-letters-jar.md): a class of that jar that used either
 * would fail at run time with NoClassDefFoundError. This scan keeps them inside the letters package.
 */
class LettersJarSplitTest {
  private static final Path MAIN = Path.of("src/main/java");
  private static final String LETTERS = "com/dermrelay/letters/";
  private static final Pattern FORBIDDEN = Pattern.compile("\\b(org\\.apache\\.pdfbox|com\\.dermrelay\\.letters)\\b");

  @Test
  void nothingOutsideTheLettersPackageUsesPdfBoxOrTheLetters() throws IOException {
    List<String> offenders;
    try (Stream<Path> files = Files.walk(MAIN)) {
      offenders = files.filter(f -> f.toString().endsWith(".java"))
          .map(f -> MAIN.relativize(f).toString().replace('\\', '/'))
          .filter(f -> !f.startsWith(LETTERS))
          .filter(f -> mentionsLetters(MAIN.resolve(f)))
          .toList();
    }
    assertTrue(offenders.isEmpty(), "these ship in dermrelay-functions.jar but need PDFBox or the letters: " + offenders);
  }

  @Test
  void theScanSeesPdfBoxWhereItIs() {
    assertTrue(mentionsLetters(MAIN.resolve(LETTERS + "LetterPdf.java")));
    assertFalse(mentionsLetters(MAIN.resolve("com/dermrelay/review/GetAnswer.java")));
  }

  private static boolean mentionsLetters(Path file) {
    try {
      return FORBIDDEN.matcher(Files.readString(file)).find();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
