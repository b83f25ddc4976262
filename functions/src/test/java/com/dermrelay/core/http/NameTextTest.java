package com.dermrelay.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Security finding 4 (docs/security.md): the one rule for names and labels, as code and as the
 * contract's pattern, and what an e-mail subject keeps of a name that broke it.
 */
class NameTextTest {
  private static final Pattern CONTRACT = Pattern.compile(NameText.PATTERN);

  @ParameterizedTest(name = "U+{0} is refused in a name")
  @ValueSource(
      strings = {
        "0000", "0009", "000A", "000D", "001B", "001F", "007F", "0080", "0085", "009F", "00AD",
        "061C", "115F", "1160", "17B4", "180E", "200B", "200E", "200F", "2028", "2029", "202A",
        "202B", "202C", "202D", "202E", "2060", "2061", "2064", "2066", "2067", "2068", "2069",
        "206A", "206F", "3164", "FEFF", "FFA0", "FFF9", "FFFB"
      })
  void controlAndInvisibleFormatCharactersAreRefused(String hex) {
    String name = "Dr. Ann" + Character.toString(Integer.parseInt(hex, 16)) + "Smith";
    assertFalse(NameText.safe(name), hex);
    assertFalse(CONTRACT.matcher(name).matches(), "the contract's pattern agrees on U+" + hex);
  }

  @Test
  void namesInEveryScriptAreWelcome() {
    for (String name :
        List.of(
            "Avery Stone",
            "José Ibáñez-O'Neill",
            "Dr. Zoë Brontë, MD",
            "محمد العلي",
            "می\u200Cخواهم",
            "क्लिनिक",
            "Ελένη Παπαδοπούλου",
            "李小龍皮膚科",
            "Clinic \uD83D\uDC69\u200D\u2695\uFE0F",
            "Hautarztpraxis Dr. Müller & Partner",
            "")) {
      assertTrue(NameText.safe(name), name);
      assertTrue(CONTRACT.matcher(name).matches(), "the contract's pattern agrees on " + name);
    }
  }

  @Test
  void aBadNameIsRefusedWithItsPointerAndWithoutItsValue() {
    assertTrue(NameText.check("/name", "Dr. Ann Smith").isEmpty());
    assertTrue(NameText.check("/name", null).isEmpty(), "absence is the caller's rule");
    ApiProblem.FieldError error =
        NameText.check("/displayName", "Evil\r\nBcc: all@victim.example").orElseThrow();
    assertEquals("/displayName", error.pointer());
    assertFalse(error.detail().contains("victim"));

    ApiProblem problem =
        assertThrows(ApiProblem.class, () -> NameText.require("/adminName", "A\u202Eb"));
    assertEquals(400, problem.status());
    assertEquals(ProblemTypes.INVALID_REQUEST, problem.type());
    assertEquals(
        List.of("/adminName"),
        problem.errors().stream().map(ApiProblem.FieldError::pointer).toList());
    assertTrue(problem.detail().contains("adminName"), problem.detail());
  }

  @Test
  void aSubjectLineKeepsTheWordsAndLosesLineBreaksControlsAndBidiCharacters() {
    assertEquals(
        "You are invited to join Evil Bcc: all@victim.example on DermRelay",
        NameText.forSubjectLine(
            "You are invited to join Evil\r\nBcc: all@victim.example on DermRelay"));
    assertEquals(
        "Clinic name", NameText.forSubjectLine("Clinic\u0085\u2028 \u202E\u2066name\u2069\u0000"));
    assertEquals(
        "Answer ready - Clínica Ñandú", NameText.forSubjectLine("Answer ready - Clínica Ñandú"));
    assertEquals("", NameText.forSubjectLine("\r\n\u202E"));
    String subject = NameText.forSubjectLine("a\tb\u001Bc\u200Bd\uFEFFe");
    assertTrue(NameText.safe(subject), subject);
  }
}
