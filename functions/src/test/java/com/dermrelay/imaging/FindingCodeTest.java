package com.dermrelay.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FindingCodeTest {
  /** Words a patient should never have to read. */
  private static final List<String> JARGON =
      List.of(
          "laplacian",
          "variance",
          "histogram",
          "luma",
          "luminance",
          "exif",
          "metadata",
          "pixel",
          "megapixel",
          "decode",
          "magic",
          "threshold",
          "heif",
          "ftyp",
          "jfif",
          "codec",
          "mime",
          "content type",
          "resolution",
          "exposure");

  @Test
  void everyFindingHasPlainKindAdviceThatSaysWhatToDo() {
    for (FindingCode code : FindingCode.values()) {
      String advice = code.advice();
      assertTrue(advice != null && advice.length() > 40, code + " has advice");
      assertTrue(advice.endsWith("."), code + " is whole sentences");
      String lower = advice.toLowerCase(Locale.ROOT);
      for (String word : JARGON) {
        assertFalse(lower.contains(word), code + " says '" + word + "'");
      }
      assertTrue(
          lower.matches(".*\\b(please|try|if you can|hold|move|take|send|choose|put)\\b.*"),
          code + " tells the patient what to do");
    }
  }

  @Test
  void codesAreStableSnakeCaseAndUnique() {
    Set<String> codes =
        Arrays.stream(FindingCode.values()).map(FindingCode::code).collect(Collectors.toSet());
    assertEquals(FindingCode.values().length, codes.size());
    codes.forEach(c -> assertTrue(c.matches("[a-z]+(_[a-z]+)*"), c));
  }
}
