package com.dermrelay.fhir.bundle;

import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.IntakeAnswers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BodyStructure;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * The FHIR R4 transaction Bundle of one answered round ({@link CaseSnapshot} in, no I/O): who
 * (Patient, Practitioner, Organization), what was asked (the e-consult ServiceRequest, the intake
 * as a QuestionnaireResponse, BodyStructure per body site, Media per photo, the triage
 * Observations) and, through {@link AnswerResources}, what was answered. docs/fhir.md has the
 * mapping table.
 */
public final class CaseBundleMapper {
  /** Our own codes (observations, the e-consult, triage priorities): listed in docs/fhir.md. */
  static final String CODES = "https://dermrelay.com/fhir/CodeSystem/dermrelay";

  static final String OBSERVATION_CATEGORY =
      "http://terminology.hl7.org/CodeSystem/observation-category";
  static final String MEDIA_TYPE = "http://terminology.hl7.org/CodeSystem/media-type";

  /** The triage reasons that are criteria of the Glasgow 7-point checklist, in checklist order. */
  static final Map<String, String> SEVEN_POINT =
      Map.of(
          "SEVEN_POINT_SIZE",
          "Change in size",
          "SEVEN_POINT_SHAPE",
          "Irregular shape",
          "SEVEN_POINT_COLOUR",
          "Irregular colour",
          "SEVEN_POINT_DIAMETER",
          "Largest diameter 7 mm or more",
          "SEVEN_POINT_INFLAMMATION",
          "Inflammation",
          "SEVEN_POINT_OOZING_CRUSTING",
          "Oozing or crusting",
          "SEVEN_POINT_SENSATION",
          "Change in sensation");

  static final List<String> SEVEN_POINT_ORDER =
      List.of(
          "SEVEN_POINT_SIZE",
          "SEVEN_POINT_SHAPE",
          "SEVEN_POINT_COLOUR",
          "SEVEN_POINT_DIAMETER",
          "SEVEN_POINT_INFLAMMATION",
          "SEVEN_POINT_OOZING_CRUSTING",
          "SEVEN_POINT_SENSATION");

  private final BodySiteCodes bodySites;
  private final AnswerResources answers;

  public CaseBundleMapper(BodySiteCodes bodySites) {
    this.bodySites = bodySites;
    this.answers = new AnswerResources();
  }

  public Bundle map(CaseSnapshot s) {
    BundleEntries entries = new BundleEntries(s.tenantId(), s.caseId(), s.round());
    String caseScope = s.tenantId() + "/" + s.caseId();
    String roundScope = caseScope + "/" + s.round();
    entries.bundle().setTimestamp(date(s.answer().answeredAt()));

    Reference organization =
        entries.add(organization(s), BundleEntries.identifier("organization", s.tenantId()));
    Identifier patientId =
        BundleEntries.identifier("patient", caseScope(s.tenantId(), s.patientSubject()));
    Reference patient = entries.add(patient(s, patientId, organization), patientId);
    Identifier practitionerId =
        BundleEntries.identifier("practitioner", s.answer().dermatologistId());
    Reference practitioner =
        entries.add(
            new Practitioner()
                .addIdentifier(practitionerId)
                .addName(new org.hl7.fhir.r4.model.HumanName().setText(s.dermatologistName())),
            practitionerId);

    Identifier intakeId = BundleEntries.identifier("questionnaire-response", caseScope);
    QuestionnaireResponse intake =
        IntakeResponse.of(s.intake())
            .setIdentifier(intakeId)
            .setSubject(patient)
            .setSource(patient)
            .setAuthored(date(s.submittedAt()));
    Reference intakeRef = entries.add(intake, intakeId);

    List<Reference> sites = new ArrayList<>();
    List<IntakeAnswers.BodySite> listed =
        s.intake() == null || s.intake().bodySites() == null ? List.of() : s.intake().bodySites();
    for (int i = 0; i < listed.size(); i++) {
      Identifier id = BundleEntries.identifier("body-structure", caseScope + "/" + i);
      sites.add(entries.add(bodyStructure(listed.get(i), id, patient), id));
    }

    Identifier consultId = BundleEntries.identifier("econsult", roundScope);
    ServiceRequest consult =
        new ServiceRequest()
            .addIdentifier(consultId)
            .setStatus(ServiceRequest.ServiceRequestStatus.COMPLETED)
            .setIntent(ServiceRequest.ServiceRequestIntent.ORDER)
            .setCode(
                concept(
                    CODES,
                    "teledermatology-econsult",
                    "Teledermatology e-consult (store and forward)"))
            .setSubject(patient)
            .setRequester(patient)
            .setAuthoredOnElement(dateTime(s.submittedAt()));
    consult.addPerformer(organization);
    if (s.triage() != null) {
      consult.setPriority(AnswerResources.requestPriority(s.triage().priority()));
    }
    consult.addSupportingInfo(intakeRef);
    sites.forEach(consult::addSupportingInfo);
    Reference consultRef = entries.add(consult, consultId);

    List<Reference> media = new ArrayList<>();
    for (CaseSnapshot.Photo photo : s.photos()) {
      Identifier id = BundleEntries.identifier("media", caseScope + "/" + photo.photoId());
      media.add(entries.add(media(photo, id, patient, consultRef, listed), id));
    }
    List<Reference> observations = new ArrayList<>();
    if (s.triage() != null) {
      observations.addAll(
          triage(entries, s.triage(), roundScope, patient, consultRef, organization));
    }
    answers.add(
        entries,
        s,
        new AnswerResources.Refs(
            patient, practitioner, organization, consultRef, media, observations, sites),
        roundScope);
    return entries.bundle();
  }

  private static String caseScope(String tenantId, String subject) {
    return tenantId + "/" + subject;
  }

  private static Organization organization(CaseSnapshot s) {
    return new Organization()
        .addIdentifier(BundleEntries.identifier("organization", s.tenantId()))
        .setActive(true)
        .setName(s.clinicName() == null ? s.tenantId() : s.clinicName());
  }

  private static Patient patient(CaseSnapshot s, Identifier id, Reference organization) {
    Patient patient = new Patient().addIdentifier(id);
    if (s.clinicPatientId() != null && !s.clinicPatientId().isBlank()) {
      // The clinic's own number for the patient, in the clinic's namespace under ours.
      patient.addIdentifier(
          BundleEntries.identifier("clinic-patient/" + s.tenantId(), s.clinicPatientId())
              .setUse(Identifier.IdentifierUse.OFFICIAL));
    }
    if (s.sex() != null) {
      patient.setGender(
          switch (s.sex()) {
            case "female" -> Enumerations.AdministrativeGender.FEMALE;
            case "male" -> Enumerations.AdministrativeGender.MALE;
            case "other" -> Enumerations.AdministrativeGender.OTHER;
            default -> Enumerations.AdministrativeGender.UNKNOWN;
          });
    }
    if (s.dateOfBirth() != null && !s.dateOfBirth().isBlank()) {
      patient.setBirthDateElement(new DateType(s.dateOfBirth()));
    }
    return patient.setManagingOrganization(organization);
  }

  private BodyStructure bodyStructure(
      IntakeAnswers.BodySite site, Identifier id, Reference patient) {
    BodyStructure structure =
        new BodyStructure()
            .addIdentifier(id)
            .setActive(true)
            .setLocation(bodySites.region(site.region()))
            .setPatient(patient)
            .setDescription("Site of the skin problem the patient marked on the body map");
    bodySites.side(site.laterality()).ifPresent(structure::addLocationQualifier);
    return structure;
  }

  private Media media(
      CaseSnapshot.Photo photo,
      Identifier id,
      Reference patient,
      Reference consult,
      List<IntakeAnswers.BodySite> sites) {
    Media media =
        new Media()
            .addIdentifier(id)
            .setStatus(Media.MediaStatus.COMPLETED)
            .setType(concept(MEDIA_TYPE, "image", "Image"))
            .setView(new CodeableConcept().setText(photo.view().replace('_', ' ')))
            .setSubject(patient)
            .setCreated(dateTime(photo.checkedAt()));
    MediaModality.describe(media, photo.view(), photo.dermoscopy());
    media.addBasedOn(consult);
    if (sites.size() == 1) {
      media.setBodySite(bodySites.region(sites.get(0).region()));
    }
    if (photo.width() != null) {
      media.setWidth(photo.width());
    }
    if (photo.height() != null) {
      media.setHeight(photo.height());
    }
    Attachment content =
        new Attachment()
            .setContentType("image/jpeg")
            .setTitle(photo.view().replace('_', ' ') + " photo");
    CaseSnapshot.Content c = photo.content();
    if (c != null && c.url() != null) {
      content.setUrl(c.url()).setSize((int) Math.min(Integer.MAX_VALUE, photo.sizeBytes()));
    } else if (c != null && c.jpeg() != null) {
      content.setData(c.jpeg()).setSize(c.jpeg().length);
    } else {
      content.setTitle(
          photo.view().replace('_', ' ') + " photo (not included; the clinic keeps it)");
    }
    return media.setContent(content);
  }

  /** The triage, made by the clinic's rules on the platform: the clinic is its performer. */
  private List<Reference> triage(
      BundleEntries entries,
      CaseRecord.CaseTriage triage,
      String roundScope,
      Reference patient,
      Reference consult,
      Reference clinic) {
    List<Reference> refs = new ArrayList<>();
    Identifier scoreId = BundleEntries.identifier("observation", roundScope + "/triage-score");
    refs.add(
        entries.add(
            observation(
                    scoreId,
                    "triage-score",
                    "DermRelay triage score",
                    triage,
                    patient,
                    consult,
                    clinic)
                .setValue(new IntegerType(triage.score())),
            scoreId));
    Identifier priorityId =
        BundleEntries.identifier("observation", roundScope + "/triage-priority");
    refs.add(
        entries.add(
            observation(
                    priorityId,
                    "triage-priority",
                    "DermRelay triage priority",
                    triage,
                    patient,
                    consult,
                    clinic)
                .setValue(
                    concept(
                        CODES,
                        "priority-" + triage.priority().toLowerCase(java.util.Locale.ROOT),
                        triage.priority().charAt(0)
                            + triage.priority().substring(1).toLowerCase(java.util.Locale.ROOT))),
            priorityId));
    Identifier sevenId =
        BundleEntries.identifier("observation", roundScope + "/seven-point-checklist");
    Observation seven =
        observation(
                sevenId,
                "seven-point-checklist",
                "Glasgow 7-point checklist score",
                triage,
                patient,
                consult,
                clinic)
            .setValue(new IntegerType(triage.sevenPointScore()));
    java.util.Set<String> scored = new java.util.HashSet<>();
    if (triage.reasons() != null) {
      triage.reasons().forEach(r -> scored.add(r.code()));
    }
    for (String criterion : SEVEN_POINT_ORDER) {
      seven
          .addComponent()
          .setCode(
              concept(
                  CODES,
                  criterion.toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                  SEVEN_POINT.get(criterion)))
          .setValue(new org.hl7.fhir.r4.model.BooleanType(scored.contains(criterion)));
    }
    refs.add(entries.add(seven, sevenId));
    return refs;
  }

  private static Observation observation(
      Identifier id,
      String code,
      String display,
      CaseRecord.CaseTriage triage,
      Reference patient,
      Reference consult,
      Reference clinic) {
    Observation o =
        new Observation()
            .addIdentifier(id)
            .setStatus(Observation.ObservationStatus.FINAL)
            .setCode(concept(CODES, code, display))
            .setSubject(patient)
            .setEffective(dateTime(triage.triagedAt()));
    o.addCategory(concept(OBSERVATION_CATEGORY, "survey", "Survey"));
    o.addBasedOn(consult);
    o.addPerformer(clinic);
    return o;
  }

  static CodeableConcept concept(String system, String code, String display) {
    CodeableConcept concept = new CodeableConcept().setText(display);
    concept.addCoding().setSystem(system).setCode(code).setDisplay(display);
    return concept;
  }

  static DateTimeType dateTime(String instant) {
    return instant == null
        ? null
        : new DateTimeType(
            date(instant),
            ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND,
            java.util.TimeZone.getTimeZone("UTC"));
  }

  static Date date(String instant) {
    return instant == null ? null : Date.from(Instant.parse(instant));
  }
}
