package com.dermrelay.letters;

import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.StoredCase;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.datarights.ExportFile;
import com.dermrelay.datarights.PatientDataSection;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;

/**
 * The letter of each answered case, in the export's language, as {@code letters/<file>} beside
 * {@code export.json}; the section lists which case each file belongs to. Drawn as the patient
 * downloads them (getAnswerLetter), addressed to their e-mail (the export has no token name).
 */
public final class LettersSection implements PatientDataSection {
  private static final String FOLDER = "letters/";

  /** As CasesSection: 100 pages of 100 cases is far beyond any real patient. */
  private static final int MAX_PAGES = 100;

  private final CaseStore cases;
  private final GetAnswerLetter letters;
  private final ObjectMapper json;

  @Inject
  public LettersSection(CaseStore cases, GetAnswerLetter letters, ObjectMapper json) {
    this.cases = cases;
    this.letters = letters;
    this.json = json;
  }

  @Override
  public String name() {
    return "letters";
  }

  @Override
  public JsonNode export(TenantContext tenant, String patientSubject, String patientEmail) {
    ArrayNode list = json.createArrayNode();
    Optional<String> cursor = Optional.empty();
    for (int page = 0; page < MAX_PAGES; page++) {
      CaseStore.Page result = cases.listOwn(tenant, 100, cursor);
      for (StoredCase stored : result.cases()) {
        if (letters.letter(tenant, stored.record(), patientEmail).isPresent()) {
          list.addObject()
              .put("caseId", stored.record().caseId())
              .put("file", FOLDER + GetAnswerLetter.fileName(stored.record().caseId()))
              .put("addressedTo", patientEmail);
        }
      }
      cursor = result.nextCursor();
      if (cursor.isEmpty()) {
        break;
      }
    }
    return list;
  }

  @Override
  public List<ExportFile> files(TenantContext tenant, JsonNode exported, String language) {
    List<ExportFile> files = new ArrayList<>();
    for (JsonNode entry : exported) {
      String caseId = entry.get("caseId").asText();
      cases
          .find(tenant, caseId)
          .flatMap(
              stored -> letters.letter(tenant, stored.record(), entry.get("addressedTo").asText()))
          .ifPresent(
              letter ->
                  files.add(
                      new ExportFile(
                          entry.get("file").asText(), letters.render(letter, language))));
    }
    return files;
  }
}
