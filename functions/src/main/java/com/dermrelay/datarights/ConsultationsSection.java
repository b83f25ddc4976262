package com.dermrelay.datarights;

import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.StoredCase;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.review.Consultations;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;

/**
 * What the clinic and the patient exchanged about each submitted case ({@link Consultations}):
 * questions, replies, the answers delivered (diagnosis, plan, prescriptions, referral, follow-up
 * date) and follow-ups, as JSON; and the same as the patient read it, in their language, as {@value
 * #PAGE} beside it ({@link ConsultationsPage}).
 */
public final class ConsultationsSection implements PatientDataSection {
  static final String PAGE = "consultations.html";

  /** As CasesSection: 100 pages of 100 cases is far beyond any real patient. */
  private static final int MAX_PAGES = 100;

  private final CaseStore cases;
  private final Consultations consultations;
  private final ObjectMapper json;

  @Inject
  public ConsultationsSection(CaseStore cases, Consultations consultations, ObjectMapper json) {
    this.cases = cases;
    this.consultations = consultations;
    this.json = json;
  }

  @Override
  public String name() {
    return "consultations";
  }

  @Override
  public JsonNode export(TenantContext tenant, String patientSubject, String patientEmail) {
    ArrayNode list = json.createArrayNode();
    Optional<String> cursor = Optional.empty();
    for (int page = 0; page < MAX_PAGES; page++) {
      CaseStore.Page result = cases.listOwn(tenant, 100, cursor);
      for (StoredCase stored : result.cases()) {
        if (!stored.record().isDraft()) {
          list.add(json.valueToTree(consultations.of(tenant, stored.record())));
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
    List<Consultations.Consultation> read = new ArrayList<>();
    try {
      for (JsonNode consultation : exported) {
        read.add(json.treeToValue(consultation, Consultations.Consultation.class));
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the consultations just exported cannot be read back", e);
    }
    // Every read of the export is the clinic's data on its session; the clinic's name would be a
    // directory read on the function's own role, so the page says "your clinic".
    String page = new ConsultationsPage(language).render(tenant.requestTime(), read);
    return List.of(new ExportFile(PAGE, page.getBytes(StandardCharsets.UTF_8)));
  }
}
