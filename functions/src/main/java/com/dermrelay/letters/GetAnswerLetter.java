package com.dermrelay.letters;

import com.dermrelay.cases.AnswerContent;
import com.dermrelay.cases.CaseAnswer;
import com.dermrelay.cases.CaseExchangeItems;
import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.DiagnosisList;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.tenancy.TenantDirectory;
import com.dermrelay.core.tenancy.TenantRecord;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.inject.Inject;

/**
 * getAnswerLetter: the patient's own case's latest delivered answer as a letter they keep (a PDF,
 * {@link LetterPdf}), with the clinic's letterhead as its configuration holds it now and the
 * dermatologist's registration as their profile holds it now. Before delivery, and for another
 * patient's case, 404, as getAnswer. Every download is in the audit trail ({@code answer-letter}).
 */
public final class GetAnswerLetter {
  private static final Set<String> DELIVERED =
      Set.of(CaseRecord.ANSWERED, CaseRecord.FOLLOW_UP_DUE, CaseRecord.CLOSED);

  private final CaseStore cases;
  private final CaseExchangeItems exchanges;
  private final DiagnosisList diagnoses;
  private final TenantDirectory directory;
  private final DermatologistRegistrations registrations;
  private final AuditTrail audit;
  private final LetterPdf pdf = new LetterPdf();

  @Inject
  public GetAnswerLetter(
      CaseStore cases,
      CaseExchangeItems exchanges,
      DiagnosisList diagnoses,
      TenantDirectory directory,
      DermatologistRegistrations registrations,
      AuditTrail audit) {
    this.cases = cases;
    this.exchanges = exchanges;
    this.diagnoses = diagnoses;
    this.directory = directory;
    this.registrations = registrations;
    this.audit = audit;
  }

  /** The letter's file: its name says which case, never what was found. */
  public record LetterFile(String fileName, byte[] pdf) {}

  /** The languages a letter is written in. */
  public static List<String> languages() {
    return LetterWords.LANGUAGES;
  }

  /**
   * @param language one of {@link #languages()}
   */
  public LetterFile run(TenantContext tenant, String caseId, String patientName, String language) {
    CaseRecord c = cases.ownCase(tenant, caseId, "case.answer.letter").record();
    AnswerLetter letter =
        letter(tenant, c, patientName)
            .orElseThrow(() -> ApiProblem.notFound("The case has no answer yet."));
    audit.read(tenant, AuditResource.ofPatient("answer-letter", caseId, tenant.subject()));
    return new LetterFile(fileName(caseId), pdf.render(letter, language));
  }

  /** The letter of a case's latest delivered answer, if it has one (the data export's too). */
  public Optional<AnswerLetter> letter(TenantContext tenant, CaseRecord c, String patientName) {
    if (!DELIVERED.contains(c.status())) {
      return Optional.empty();
    }
    return exchanges
        .latest(tenant, c.caseId(), "ANSWER", CaseAnswer.class)
        .map(CaseExchangeItems.Stored::document)
        .map(answer -> letterOf(tenant, c.caseId(), patientName, answer));
  }

  public byte[] render(AnswerLetter letter, String language) {
    return pdf.render(letter, language);
  }

  public static String fileName(String caseId) {
    return "dermrelay-letter-" + caseId + ".pdf";
  }

  private AnswerLetter letterOf(
      TenantContext tenant, String caseId, String patientName, CaseAnswer answer) {
    // An amended answer is printed as the patient reads it now (docs/quality.md).
    AnswerContent a = answer.current();
    String code = a.diagnosis().code();
    AnswerLetter.Condition diagnosis =
        diagnoses
            .find(code)
            .map(d -> new AnswerLetter.Condition(d.patientName(), d.name(), d.icd10()))
            .orElse(new AnswerLetter.Condition(code, code, null));
    return new AnswerLetter(
        clinic(tenant),
        caseId,
        patientName,
        day(answer.answeredAt()),
        diagnosis,
        a.patientExplanation(),
        a.treatmentPlan(),
        a.prescriptions(),
        a.referral(),
        Optional.ofNullable(answer.currentFollowUpAt()).map(GetAnswerLetter::day),
        answer.dermatologistName(),
        registrations.of(tenant.tenantId(), answer.dermatologistId()));
  }

  /**
   * The letterhead from the clinic's current configuration: a renamed clinic signs with its new
   * name.
   */
  private AnswerLetter.Clinic clinic(TenantContext tenant) {
    TenantRecord record =
        directory
            .find(tenant.tenantId())
            .orElseThrow(
                () -> new IllegalStateException("the acting clinic is not in the directory"));
    JsonNode branding = record.config().path("branding");
    String contact =
        String.join(
            "  |  ",
            Stream.of("supportEmail", "supportPhone")
                .map(f -> branding.path(f).asText(""))
                .filter(s -> !s.isBlank())
                .toList());
    return new AnswerLetter.Clinic(
        record.displayName(),
        branding.path("primaryColor").asText(null),
        contact,
        record.named(branding.path("legalFooter").asText("")));
  }

  private static LocalDate day(String instant) {
    return Instant.parse(instant).atZone(ZoneOffset.UTC).toLocalDate();
  }
}
