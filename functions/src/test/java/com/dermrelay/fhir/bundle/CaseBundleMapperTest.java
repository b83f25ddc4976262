package com.dermrelay.fhir.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import com.dermrelay.cases.AnswerContent;
import com.dermrelay.cases.CaseAnswer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.BodyStructure;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

/** The record a clinic's EHR receives for an answered round, read back as the EHR would. */
class CaseBundleMapperTest {
  private static final CaseBundleMapper MAPPER =
      new CaseBundleMapper(BodySiteCodes.load(new ObjectMapper()));

  private static Bundle roundTrip(CaseSnapshot snapshot) {
    String json = CaseBundles.json(MAPPER.map(snapshot));
    FhirValidation.assertValid(json);
    return CaseBundles.parser().parseResource(Bundle.class, json);
  }

  private static <T extends Resource> List<T> all(Bundle bundle, Class<T> type) {
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  private static <T extends Resource> T one(Bundle bundle, Class<T> type) {
    List<T> found = all(bundle, type);
    assertEquals(1, found.size(), type.getSimpleName());
    return found.get(0);
  }

  /** The entry a reference of the Bundle points at (urn:uuid fullUrls). */
  private static Resource resolve(Bundle bundle, Reference reference) {
    return bundle.getEntry().stream()
        .filter(e -> e.getFullUrl().equals(reference.getReference()))
        .map(Bundle.BundleEntryComponent::getResource)
        .findFirst()
        .orElseThrow(() -> new AssertionError("unresolved " + reference.getReference()));
  }

  private static Set<String> codes(List<Coding> codings, String system) {
    return codings.stream()
        .filter(c -> system.equals(c.getSystem()))
        .map(Coding::getCode)
        .collect(Collectors.toSet());
  }

  @Test
  void aFullAnswerCarriesWhatAClinicianLooksFor() {
    Bundle bundle = roundTrip(SampleSnapshots.full(BundleMedia.Mode.LINK));
    assertEquals(Bundle.BundleType.TRANSACTION, bundle.getType());

    Patient patient = one(bundle, Patient.class);
    assertTrue(
        patient.getIdentifier().stream().anyMatch(i -> "MRN-000123".equals(i.getValue())),
        "the clinic's own number for the patient travels");
    assertEquals("1958-03-09", patient.getBirthDateElement().getValueAsString());

    DiagnosticReport report = one(bundle, DiagnosticReport.class);
    List<Coding> coded = report.getConclusionCodeFirstRep().getCoding();
    assertEquals(Set.of("C44.9"), codes(coded, AnswerResources.ICD10));
    assertEquals(Set.of("254701007"), codes(coded, AnswerResources.SNOMED));
    assertTrue(report.getConclusion().startsWith("Basal cell carcinoma: nodular, left cheek"));
    assertTrue(
        report.getConclusion().contains("Seborrhoeic keratosis"),
        "differentials are in the conclusion");
    assertEquals(4, report.getMedia().size());
    assertEquals(3, report.getResult().size(), "triage score, priority and 7-point checklist");

    List<MedicationRequest> medications = all(bundle, MedicationRequest.class);
    assertEquals(
        List.of("Fusidic acid 2% cream", "Paracetamol 500 mg tablet"),
        medications.stream().map(m -> m.getMedicationCodeableConcept().getText()).toList());
    assertEquals(
        "15", medications.get(0).getDispenseRequest().getQuantity().getValue().toPlainString());
    assertEquals("g", medications.get(0).getDispenseRequest().getQuantity().getUnit());
    assertEquals(1, medications.get(1).getDispenseRequest().getNumberOfRepeatsAllowed());

    List<ServiceRequest> requests = all(bundle, ServiceRequest.class);
    assertEquals(2, requests.size(), "the e-consult and the referral");
    ServiceRequest referral =
        requests.stream()
            .filter(r -> r.getStatus() == ServiceRequest.ServiceRequestStatus.ACTIVE)
            .findFirst()
            .orElseThrow();
    assertEquals(
        ServiceRequest.ServiceRequestPriority.URGENT,
        referral.getPriority(),
        "SOON is urgent in FHIR");
    assertEquals("Excision within 4 weeks.", referral.getNoteFirstRep().getText());

    CarePlan plan = one(bundle, CarePlan.class);
    assertTrue(plan.getDescription().startsWith("Excision"));
    assertEquals(4, plan.getActivity().size(), "two medicines, the referral, the follow-up");
    assertEquals(
        "2026-12-19T14:30:00Z",
        plan.getActivity()
            .get(3)
            .getDetail()
            .getScheduledPeriod()
            .getStartElement()
            .getValueAsString()
            .replace("+00:00", "Z"));

    BodyStructure site = one(bundle, BodyStructure.class);
    assertEquals(Set.of("89545001"), codes(site.getLocation().getCoding(), BodySiteCodes.SNOMED));
    assertEquals(
        Set.of("7771000"),
        codes(site.getLocationQualifierFirstRep().getCoding(), BodySiteCodes.SNOMED));

    Observation checklist =
        all(bundle, Observation.class).stream()
            .filter(o -> o.getCode().getCodingFirstRep().getCode().equals("seven-point-checklist"))
            .findFirst()
            .orElseThrow();
    assertEquals(4, checklist.getValueIntegerType().getValue());
    assertEquals(7, checklist.getComponent().size());
    assertEquals(
        3,
        checklist.getComponent().stream()
            .filter(c -> c.getValueBooleanType().booleanValue())
            .count(),
        "size, diameter and oozing scored");

    QuestionnaireResponse intake = one(bundle, QuestionnaireResponse.class);
    assertEquals(IntakeResponse.QUESTIONNAIRE, intake.getQuestionnaire());

    Provenance provenance = one(bundle, Provenance.class);
    Reference practitioner = provenance.getAgentFirstRep().getWho();
    assertEquals("Practitioner", resolve(bundle, practitioner).fhirType());
    assertTrue(
        provenance.getTarget().stream()
            .anyMatch(t -> resolve(bundle, t) instanceof DiagnosticReport));
    assertEquals(5, provenance.getTarget().size(), "report, two medicines, referral, care plan");
  }

  @Test
  void everyReferencePointsInsideTheBundleAndEveryEntryIsAConditionalCreate() {
    Bundle bundle = roundTrip(SampleSnapshots.full(BundleMedia.Mode.LINK));
    Set<String> fullUrls = new HashSet<>();
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      assertTrue(entry.getFullUrl().startsWith("urn:uuid:"), entry.getFullUrl());
      assertTrue(fullUrls.add(entry.getFullUrl()), "fullUrls are unique");
      assertEquals(Bundle.HTTPVerb.POST, entry.getRequest().getMethod());
      assertEquals(entry.getResource().fhirType(), entry.getRequest().getUrl());
      String ifNoneExist = entry.getRequest().getIfNoneExist();
      assertTrue(
          ifNoneExist.startsWith("identifier=https://dermrelay.com/fhir/id/")
              || ifNoneExist.startsWith(
                  "target:DiagnosticReport.identifier=https://dermrelay.com/fhir/id/"),
          ifNoneExist);
    }
    String json = CaseBundles.json(bundle);
    java.util.regex.Matcher refs =
        java.util.regex.Pattern.compile("\"reference\":\"([^\"]+)\"").matcher(json);
    int count = 0;
    while (refs.find()) {
      assertTrue(
          fullUrls.contains(refs.group(1)), "reference resolves in the Bundle: " + refs.group(1));
      count++;
    }
    assertTrue(count > 30, "resources are linked to each other");
    assertTrue(
        json.contains(
            "\"ifNoneExist\":\"identifier=https://dermrelay.com/fhir/id/diagnostic-report|"
                + SampleSnapshots.TENANT
                + "/"
                + SampleSnapshots.CASE_ID
                + "/1\""));
  }

  @Test
  void photosAreLinksInlineBytesOrLeftOutAsTheClinicChose() {
    List<Media> linked = all(roundTrip(SampleSnapshots.full(BundleMedia.Mode.LINK)), Media.class);
    assertEquals(4, linked.size());
    linked.forEach(
        m -> {
          assertTrue(m.getContent().getUrl().startsWith("https://media.example.test/"));
          assertFalse(m.getContent().hasData(), "no inline bytes in LINK mode");
          assertEquals("image/jpeg", m.getContent().getContentType());
        });

    List<Media> inline = all(roundTrip(SampleSnapshots.full(BundleMedia.Mode.INLINE)), Media.class);
    inline.forEach(
        m -> {
          assertNull(m.getContent().getUrl());
          assertEquals((byte) 0xD8, m.getContent().getData()[1]);
        });

    List<Media> omitted = all(roundTrip(SampleSnapshots.full(BundleMedia.Mode.OMIT)), Media.class);
    assertEquals(4, omitted.size(), "the Media still say a photo was taken");
    omitted.forEach(m -> assertFalse(m.getContent().hasUrl() || m.getContent().hasData()));
  }

  @Test
  void aDermoscopicPhotoIsADermoscopyMediaWithItsFactsAndTheOthersCameraPhotographs() {
    List<Media> media = all(roundTrip(SampleSnapshots.full(BundleMedia.Mode.LINK)), Media.class);
    Media dermoscopic =
        media.stream()
            .filter(m -> "dermoscopic".equals(m.getView().getText()))
            .findFirst()
            .orElseThrow();
    assertEquals(MediaModality.DICOM, dermoscopic.getModality().getCodingFirstRep().getSystem());
    assertEquals("DMS", dermoscopic.getModality().getCodingFirstRep().getCode());
    assertEquals("DermLite DL5", dermoscopic.getDevice().getDisplay());
    assertEquals(
        "Light source polarization: POLARIZED; Contact method: NON_CONTACT",
        dermoscopic.getNoteFirstRep().getText());
    media.stream()
        .filter(m -> m != dermoscopic)
        .forEach(
            m -> {
              assertEquals(
                  "XC",
                  m.getModality().getCodingFirstRep().getCode(),
                  "a clinical photo is external-camera photography");
              assertFalse(
                  m.hasDevice() || m.hasNote(),
                  "only the dermoscopic photo carries dermoscopy facts");
            });
  }

  @Test
  void anAmendedAnswerIsTheReportUnderTheSameIdentifierWithStatusAmended() {
    CaseSnapshot sent = SampleSnapshots.minimal();
    AnswerContent corrected =
        new AnswerContent(
            sent.answer().content().diagnosis(),
            List.of(),
            "Please have this seen in person.",
            "See a dermatologist within two weeks.",
            List.of(),
            new AnswerContent.Referral(true, "SOON", null),
            null,
            null,
            null);
    CaseAnswer amended =
        sent.answer()
            .amendedWith(
                new CaseAnswer.Amendment(
                    2,
                    "2026-12-21T10:00:00Z",
                    SampleSnapshots.DERMATOLOGIST,
                    "Dr Ada Okafor",
                    "first-reader",
                    "A second look: please have it seen.",
                    null,
                    null,
                    corrected));
    CaseSnapshot later =
        new CaseSnapshot(
            sent.tenantId(),
            sent.clinicName(),
            sent.caseId(),
            sent.round(),
            sent.patientSubject(),
            sent.clinicPatientId(),
            sent.dateOfBirth(),
            sent.sex(),
            sent.submittedAt(),
            sent.intake(),
            sent.triage(),
            sent.photos(),
            amended,
            sent.diagnosis(),
            sent.differentials(),
            sent.dermatologistName());

    DiagnosticReport before = one(roundTrip(sent), DiagnosticReport.class);
    DiagnosticReport after = one(roundTrip(later), DiagnosticReport.class);
    assertEquals(DiagnosticReport.DiagnosticReportStatus.FINAL, before.getStatus());
    assertEquals(DiagnosticReport.DiagnosticReportStatus.AMENDED, after.getStatus());
    assertEquals(
        before.getIdentifierFirstRep().getValue(), after.getIdentifierFirstRep().getValue());
    CarePlan plan = one(roundTrip(later), CarePlan.class);
    assertEquals("See a dermatologist within two weeks.", plan.getDescription());
    assertEquals(
        1,
        all(roundTrip(later), ServiceRequest.class).stream()
            .filter(r -> r.getStatus() == ServiceRequest.ServiceRequestStatus.ACTIVE)
            .count());
  }

  @Test
  void twoBuildsOfOneRoundAreIdenticalAndAnotherRoundGetsOtherIds() {
    String first = CaseBundles.json(MAPPER.map(SampleSnapshots.full(BundleMedia.Mode.OMIT)));
    String second = CaseBundles.json(MAPPER.map(SampleSnapshots.full(BundleMedia.Mode.OMIT)));
    assertEquals(first, second);

    Bundle later = MAPPER.map(SampleSnapshots.minimal());
    Map<String, String> laterIds =
        later.getEntry().stream()
            .collect(
                Collectors.toMap(
                    e -> e.getRequest().getIfNoneExist(),
                    Bundle.BundleEntryComponent::getFullUrl,
                    (a, b) -> a));
    Map<String, String> firstIds =
        MAPPER.map(SampleSnapshots.full(BundleMedia.Mode.OMIT)).getEntry().stream()
            .collect(
                Collectors.toMap(
                    e -> e.getRequest().getIfNoneExist(),
                    Bundle.BundleEntryComponent::getFullUrl,
                    (a, b) -> a));
    String patientSearch =
        laterIds.keySet().stream()
            .filter(k -> k.contains("/id/patient|"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        patientSearch,
        firstIds.keySet().stream()
            .filter(k -> k.contains("/id/patient|"))
            .findFirst()
            .orElseThrow(),
        "the same patient is found again, not created twice");
    assertNotEquals(
        firstIds.get(patientSearch), laterIds.get(patientSearch), "fullUrls are per round");
    assertTrue(
        laterIds.keySet().stream()
            .filter(k -> k.contains("/id/diagnostic-report|"))
            .noneMatch(firstIds::containsKey),
        "a later round has a report of its own");
  }

  @Test
  void aMinimalAnswerValidatesAndSaysOnlyWhatIsKnown() {
    Bundle bundle = roundTrip(SampleSnapshots.minimal());
    DiagnosticReport report = one(bundle, DiagnosticReport.class);
    assertFalse(report.hasConclusionCode(), "an unlisted code is not made up");
    assertTrue(all(bundle, MedicationRequest.class).isEmpty());
    assertEquals(1, all(bundle, ServiceRequest.class).size(), "no referral when none was advised");
    assertTrue(all(bundle, Observation.class).isEmpty(), "no triage, no observations");
    assertEquals(1, one(bundle, Patient.class).getIdentifier().size());
  }

  @Test
  void theIntakeIsCheckedAgainstTheShippedQuestionnaire() {
    QuestionnaireResponse stray = IntakeResponse.of(SampleSnapshots.intake());
    stray
        .addItem()
        .setLinkId("not-a-question")
        .addAnswer()
        .setValue(new org.hl7.fhir.r4.model.StringType("x"));
    List<SingleValidationMessage> messages =
        FhirValidation.messages(CaseBundles.parser().encodeResourceToString(stray));
    assertTrue(
        messages.stream()
            .anyMatch(
                m ->
                    m.getSeverity() == ResultSeverityEnum.ERROR
                        && m.getMessage().contains("not-a-question")),
        () -> "the validator knows the questions: " + messages);
  }

  /** The warnings docs/fhir.md lists as accepted; any other kind fails, so the list stays true. */
  static final List<java.util.regex.Pattern> ACCEPTED_WARNINGS =
      List.of(
          java.util.regex.Pattern.compile(
              "^CodeSystem is unknown and can't be validated: "
                  + "(http://hl7\\.org/fhir/sid/icd-10|https://dermrelay\\.com/fhir/CodeSystem/[a-z-]+) for .*"),
          java.util.regex.Pattern.compile(
              "^Constraint failed: dom-6: 'A resource should have narrative.*"));

  @Test
  void theValidatorHasNoErrorsAndOnlyTheListedKindsOfWarnings() {
    for (CaseSnapshot snapshot :
        List.of(SampleSnapshots.full(BundleMedia.Mode.LINK), SampleSnapshots.minimal())) {
      List<String> other =
          FhirValidation.assertValid(CaseBundles.json(MAPPER.map(snapshot))).stream()
              .filter(m -> m.getSeverity() != ResultSeverityEnum.INFORMATION)
              .map(SingleValidationMessage::getMessage)
              .filter(m -> ACCEPTED_WARNINGS.stream().noneMatch(p -> p.matcher(m).matches()))
              .distinct()
              .toList();
      assertTrue(
          other.isEmpty(),
          () -> "warnings not listed in docs/fhir.md:\n" + String.join("\n", other));
    }
  }
}
