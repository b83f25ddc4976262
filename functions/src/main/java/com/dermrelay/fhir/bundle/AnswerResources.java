package com.dermrelay.fhir.bundle;

import com.dermrelay.cases.AnswerContent;
import com.dermrelay.cases.Diagnosis;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * What the dermatologist answered, as FHIR: the DiagnosticReport (coded diagnosis and conclusion),
 * a CarePlan (plan and follow-up), a MedicationRequest per prescription, a referral ServiceRequest
 * when in-person care was advised, and the Provenance of them all.
 */
final class AnswerResources {
  static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
  static final String SNOMED = "http://snomed.info/sct";

  /** Our curated list's own codes (review.DiagnosisList), so a receiver can map them later. */
  static final String DIAGNOSIS_CODES = "https://dermrelay.com/fhir/CodeSystem/diagnosis";

  private static final Pattern QUANTITY = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)\\s*(\\S.*)?$");

  /** References to what the answer is about, made by {@link CaseBundleMapper}. */
  record Refs(
      Reference patient,
      Reference practitioner,
      Reference organization,
      Reference consult,
      List<Reference> media,
      List<Reference> observations,
      List<Reference> bodySites) {}

  void add(BundleEntries entries, CaseSnapshot s, Refs refs, String roundScope) {
    AnswerContent content = s.answer().current();
    List<Reference> answered = new ArrayList<>();

    Identifier reportId = BundleEntries.identifier("diagnostic-report", roundScope);
    Reference report = entries.add(report(s, reportId, refs), reportId);
    answered.add(report);

    List<Reference> medications = new ArrayList<>();
    for (int i = 0; i < content.prescriptions().size(); i++) {
      Identifier id = BundleEntries.identifier("medication-request", roundScope + "/" + (i + 1));
      medications.add(entries.add(medication(s, content.prescriptions().get(i), id, refs), id));
    }
    answered.addAll(medications);

    Reference referral = null;
    AnswerContent.Referral advised = content.referral();
    if (advised != null && Boolean.TRUE.equals(advised.advised())) {
      Identifier id = BundleEntries.identifier("referral", roundScope);
      referral = entries.add(referral(s, advised, id, refs), id);
      answered.add(referral);
    }

    Identifier planId = BundleEntries.identifier("care-plan", roundScope);
    answered.add(entries.add(carePlan(s, planId, refs, report, medications, referral), planId));

    // Provenance has no identifier: a resend finds the first one by its target's identifier.
    Provenance provenance =
        new Provenance()
            .setRecorded(CaseBundleMapper.date(s.answer().answeredAt()))
            .setOccurred(CaseBundleMapper.dateTime(s.answer().answeredAt()));
    answered.forEach(provenance::addTarget);
    provenance
        .addAgent()
        .setType(
            CaseBundleMapper.concept(
                "http://terminology.hl7.org/CodeSystem/provenance-participant-type",
                "author",
                "Author"))
        .setWho(refs.practitioner())
        .setOnBehalfOf(refs.organization());
    entries.add(
        provenance,
        "provenance",
        "target:DiagnosticReport.identifier=" + reportId.getSystem() + "|" + reportId.getValue());
  }

  private static DiagnosticReport report(CaseSnapshot s, Identifier id, Refs refs) {
    AnswerContent content = s.answer().current();
    DiagnosticReport report =
        new DiagnosticReport()
            .addIdentifier(id)
            // An amended answer (docs/quality.md) replaces the report under the same identifier.
            .setStatus(
                s.answer().amendments() == null
                    ? DiagnosticReport.DiagnosticReportStatus.FINAL
                    : DiagnosticReport.DiagnosticReportStatus.AMENDED)
            .setCode(
                CaseBundleMapper.concept(
                    CaseBundleMapper.CODES, "teledermatology-report", "Teledermatology report"))
            .setSubject(refs.patient())
            .setEffective(CaseBundleMapper.dateTime(s.answer().answeredAt()))
            .setIssued(CaseBundleMapper.date(s.answer().answeredAt()));
    report.addBasedOn(refs.consult());
    report.addPerformer(refs.practitioner());
    report.addResultsInterpreter(refs.practitioner());
    refs.observations().forEach(report::addResult);
    refs.media().forEach(m -> report.addMedia().setLink(m));
    if (s.diagnosis() != null) {
      report.addConclusionCode(diagnosisConcept(s.diagnosis()));
    }
    report.setConclusion(conclusion(s, content));
    return report;
  }

  /** The listed diagnosis: ICD-10, SNOMED CT where the list has it, and our own code. */
  static CodeableConcept diagnosisConcept(Diagnosis d) {
    CodeableConcept concept = new CodeableConcept().setText(d.name());
    concept.addCoding().setSystem(ICD10).setCode(d.icd10());
    if (d.snomed() != null) {
      concept.addCoding().setSystem(SNOMED).setCode(d.snomed()).setDisplay(d.name());
    }
    concept.addCoding().setSystem(DIAGNOSIS_CODES).setCode(d.code()).setDisplay(d.name());
    return concept;
  }

  private static String conclusion(CaseSnapshot s, AnswerContent content) {
    StringBuilder text = new StringBuilder();
    String name =
        s.diagnosis() != null
            ? s.diagnosis().name()
            : content.diagnosis() == null ? null : content.diagnosis().code();
    if (name != null) {
      text.append(name);
    }
    if (content.diagnosis() != null
        && content.diagnosis().note() != null
        && !content.diagnosis().note().isBlank()) {
      text.append(text.length() > 0 ? ": " : "").append(content.diagnosis().note().trim());
    }
    if (!s.differentials().isEmpty()) {
      text.append(text.length() > 0 ? ". " : "")
          .append("Differentials: ")
          .append(String.join("; ", s.differentials().stream().map(Diagnosis::name).toList()));
    }
    return text.length() == 0 ? null : text.toString();
  }

  private static MedicationRequest medication(
      CaseSnapshot s, AnswerContent.Prescription p, Identifier id, Refs refs) {
    String name =
        String.join(
            " ",
            java.util.stream.Stream.of(p.medicine(), p.strength(), p.form())
                .filter(v -> v != null && !v.isBlank())
                .toList());
    MedicationRequest request =
        new MedicationRequest()
            .addIdentifier(id)
            .setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE)
            .setIntent(MedicationRequest.MedicationRequestIntent.ORDER)
            .setMedication(new CodeableConcept().setText(name))
            .setSubject(refs.patient())
            .setRequester(refs.practitioner())
            .setAuthoredOn(CaseBundleMapper.date(s.answer().answeredAt()));
    request.addBasedOn(refs.consult());
    if (p.directions() != null) {
      request.addDosageInstruction(new Dosage().setText(p.directions()));
    }
    MedicationRequest.MedicationRequestDispenseRequestComponent dispense =
        request.getDispenseRequest();
    if (p.refills() != null) {
      dispense.setNumberOfRepeatsAllowed(p.refills());
    }
    Matcher amount = p.quantity() == null ? null : QUANTITY.matcher(p.quantity());
    if (amount != null && amount.matches()) {
      Quantity quantity = new Quantity().setValue(new java.math.BigDecimal(amount.group(1)));
      if (amount.group(2) != null) {
        quantity.setUnit(amount.group(2).trim());
      }
      dispense.setQuantity(quantity);
    } else if (p.quantity() != null) {
      request.addNote().setText("Quantity: " + p.quantity());
    }
    return request;
  }

  private static ServiceRequest referral(
      CaseSnapshot s, AnswerContent.Referral advised, Identifier id, Refs refs) {
    ServiceRequest referral =
        new ServiceRequest()
            .addIdentifier(id)
            .setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
            .setIntent(ServiceRequest.ServiceRequestIntent.ORDER)
            .setCode(
                CaseBundleMapper.concept(
                    CaseBundleMapper.CODES,
                    "in-person-dermatology",
                    "Referral for in-person dermatology assessment"))
            .setSubject(refs.patient())
            .setRequester(refs.practitioner())
            .setAuthoredOn(CaseBundleMapper.date(s.answer().answeredAt()))
            .setPriority(
                switch (advised.urgency() == null ? "ROUTINE" : advised.urgency()) {
                  case "URGENT" -> ServiceRequest.ServiceRequestPriority.ASAP;
                  case "SOON" -> ServiceRequest.ServiceRequestPriority.URGENT;
                  default -> ServiceRequest.ServiceRequestPriority.ROUTINE;
                });
    referral.addBasedOn(refs.consult());
    referral.addCategory(CaseBundleMapper.concept(SNOMED, "3457005", "Patient referral"));
    refs.bodySites().forEach(referral::addSupportingInfo);
    if (advised.note() != null && !advised.note().isBlank()) {
      referral.addNote().setText(advised.note());
    }
    return referral;
  }

  private static CarePlan carePlan(
      CaseSnapshot s,
      Identifier id,
      Refs refs,
      Reference report,
      List<Reference> medications,
      Reference referral) {
    AnswerContent content = s.answer().current();
    CarePlan plan =
        new CarePlan()
            .addIdentifier(id)
            .setStatus(CarePlan.CarePlanStatus.ACTIVE)
            .setIntent(CarePlan.CarePlanIntent.PLAN)
            .setSubject(refs.patient())
            .setTitle("Teledermatology treatment plan")
            .setDescription(content.treatmentPlan())
            .setCreated(CaseBundleMapper.date(s.answer().answeredAt()))
            .setAuthor(refs.practitioner());
    plan.addSupportingInfo(report);
    if (content.patientExplanation() != null && !content.patientExplanation().isBlank()) {
      plan.addNote().setText("Explained to the patient: " + content.patientExplanation());
    }
    medications.forEach(m -> plan.addActivity().setReference(m));
    if (referral != null) {
      plan.addActivity().setReference(referral);
    }
    if (s.answer().currentFollowUpAt() != null) {
      CarePlan.CarePlanActivityDetailComponent detail =
          plan.addActivity()
              .getDetail()
              .setStatus(CarePlan.CarePlanActivityStatus.SCHEDULED)
              .setCode(
                  CaseBundleMapper.concept(
                      CaseBundleMapper.CODES,
                      "follow-up-photos",
                      "Follow-up photos through DermRelay"))
              .setScheduled(
                  new Period()
                      .setStartElement(CaseBundleMapper.dateTime(s.answer().currentFollowUpAt())));
      detail.setDescription(
          "The patient sends follow-up photos"
              + (content.followUp() != null && content.followUp().inDays() != null
                  ? " " + content.followUp().inDays() + " days after the answer"
                  : "")
              + ".");
    }
    return plan;
  }

  /** The e-consult's priority from the triage's (ROUTINE, SOON, URGENT). */
  static ServiceRequest.ServiceRequestPriority requestPriority(String triagePriority) {
    return switch (triagePriority == null ? "" : triagePriority) {
      case "URGENT" -> ServiceRequest.ServiceRequestPriority.ASAP;
      case "SOON" -> ServiceRequest.ServiceRequestPriority.URGENT;
      default -> ServiceRequest.ServiceRequestPriority.ROUTINE;
    };
  }
}
