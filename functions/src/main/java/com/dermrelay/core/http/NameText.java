package com.dermrelay.core.http;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for single-line names and labels a client sends (a clinic's or a person's name, a
 * prescription's medicine, strength and quantity), and the one place an e-mail subject is made
 * safe. Refused: control characters (C0 including TAB, CR and LF, DEL, C1 including NEL), line and
 * paragraph separators, and invisible format characters that reorder or hide text and so can spoof
 * what a reader sees (bidi embeddings, overrides, isolates and marks; zero-width space, word
 * joiner, soft hyphen, byte-order mark, Hangul and Khmer fillers, interlinear annotations).
 * Zero-width joiner and non-joiner stay allowed: Persian and Indic names and emoji need them.
 *
 * <p>The contract carries {@link #PATTERN} on every such field (NameFieldsSpecTest holds it there);
 * it reads the same in ECMA-262 and java.util.regex. Letters of every script are welcome.
 */
public final class NameText {
  /** The refused characters, as the body of a regex character class (Basic Multilingual Plane). */
  private static final String REFUSED =
      "\\u0000-\\u001F\\u007F-\\u009F\\u00AD\\u061C\\u115F\\u1160"
          + "\\u17B4\\u17B5\\u180E\\u200B\\u200E\\u200F\\u2028-\\u202E\\u2060-\\u206F\\u3164\\uFEFF\\uFFA0"
          + "\\uFFF9-\\uFFFB\\uFFFE\\uFFFF";

  /** The contract's {@code pattern} for a name or label. */
  public static final String PATTERN = "^[^" + REFUSED + "]*$";

  /** What a refused field is told; never its value. */
  public static final String PROBLEM =
      "must not contain line breaks, control characters or invisible formatting characters";

  private static final Pattern SAFE = Pattern.compile(PATTERN);
  private static final Pattern LINE_BREAKS_AND_CONTROLS =
      Pattern.compile("[\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]+");
  private static final Pattern REFUSED_CHARACTERS = Pattern.compile("[" + REFUSED + "]");
  private static final Pattern SPACES = Pattern.compile(" {2,}");

  private NameText() {}

  /** Whether {@code text} holds none of the refused characters ({@code null} counts as safe). */
  public static boolean safe(String text) {
    return text == null || SAFE.matcher(text).matches();
  }

  /** The field's error when {@code value} breaks the rule; empty otherwise, also when absent. */
  public static Optional<ApiProblem.FieldError> check(String pointer, String value) {
    return safe(value)
        ? Optional.empty()
        : Optional.of(new ApiProblem.FieldError(pointer, PROBLEM));
  }

  /** Refuses {@code value} with 400 naming {@code pointer} when it breaks the rule. */
  public static void require(String pointer, String value) {
    refuseIfAny(check(pointer, value).stream().toList());
  }

  /** 400 naming every field in {@code errors}, when there are any. */
  public static void refuseIfAny(List<ApiProblem.FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new ApiProblem(
          400,
          ProblemTypes.INVALID_REQUEST,
          "Bad Request",
          "These fields "
              + PROBLEM
              + ": "
              + String.join(", ", errors.stream().map(e -> e.pointer().substring(1)).toList())
              + ".",
          errors);
    }
  }

  /**
   * A subject line with nothing a mail header or a reader could be fooled by: line breaks and
   * controls become a space, invisible format characters go, runs of spaces shrink to one. Names
   * stored before the rule existed (or set outside the API) are why this is needed at all.
   */
  public static String forSubjectLine(String subject) {
    String spaced = LINE_BREAKS_AND_CONTROLS.matcher(subject).replaceAll(" ");
    String visible = REFUSED_CHARACTERS.matcher(spaced).replaceAll("");
    return SPACES.matcher(visible).replaceAll(" ").strip();
  }
}
