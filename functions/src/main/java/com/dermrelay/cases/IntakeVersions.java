package com.dermrelay.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Versions of the intake questionnaire. A case records the version it was opened under ({@code
 * intakeVersion}): it decides which answers its submission needs, so a draft opened under version 1
 * still submits with version 1's questions answered. Stored version 1 answers are read in version
 * 2's shape, mapped as docs/intake.md says: yes/no answers that became yes/no/unsure keep their
 * answer, and the optional ABCDE "changing" became {@code changes.other}. The mapping only ever
 * rewrites version 1's booleans, so reading a case twice changes nothing.
 */
public final class IntakeVersions {
  public static final int V1 = 1;
  public static final int V2 = 2;
  public static final int CURRENT = V2;

  /** Version 1's booleans that became yes/no/unsure answers, as paths in the intake. */
  private static final List<String> BECAME_ANSWERS =
      List.of(
          "/personalSkinCancerHistory",
          "/familySkinCancerHistory",
          "/immunosuppressed",
          "/inflammation",
          "/changes/size",
          "/changes/shape",
          "/changes/colour",
          "/abcde/asymmetry",
          "/abcde/borderIrregular",
          "/abcde/colourVariation");

  private IntakeVersions() {}

  /** A stored case document, read in the current shape. */
  public static CaseRecord readCase(ObjectMapper json, String document) {
    try {
      ObjectNode doc = (ObjectNode) json.readTree(document);
      upcastCase(doc);
      return json.treeToValue(doc, CaseRecord.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a stored case cannot be read", e);
    }
  }

  /** A case document without {@code intakeVersion} was written under version 1. */
  static void upcastCase(ObjectNode doc) {
    if (!doc.hasNonNull("intakeVersion")) {
      doc.put("intakeVersion", V1);
    }
    if (doc.get("intake") instanceof ObjectNode intake) {
      upcastIntake(intake);
    }
  }

  /** Version 1's answers in version 2's fields, in place. */
  static void upcastIntake(ObjectNode intake) {
    for (String path : BECAME_ANSWERS) {
      int slash = path.lastIndexOf('/');
      JsonNode parent = slash == 0 ? intake : intake.at(path.substring(0, slash));
      String name = path.substring(slash + 1);
      if (parent instanceof ObjectNode object && object.path(name).isBoolean()) {
        object.put(name, answer(object.get(name).booleanValue()));
      }
    }
    if (intake.get("abcde") instanceof ObjectNode abcde && abcde.has("evolving")) {
      JsonNode evolving = abcde.remove("evolving");
      if (evolving.isBoolean()) {
        ObjectNode changes =
            intake.get("changes") instanceof ObjectNode c ? c : intake.putObject("changes");
        if (!changes.hasNonNull("other")) {
          changes.put("other", answer(evolving.booleanValue()));
        }
      }
    }
  }

  private static String answer(boolean yes) {
    return yes ? "yes" : "no";
  }
}
