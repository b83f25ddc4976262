package com.dermrelay.fhir.bundle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Questionnaire;

/**
 * The HAPI validator, offline (the R4 core definitions from hapi-fhir-validation-resources-r4, no
 * terminology server), with our intake Questionnaire in its support chain so a
 * QuestionnaireResponse is checked against it. Built once for all tests: the first validation takes
 * seconds, later ones a tenth of one.
 */
public final class FhirValidation {
  private static FhirValidator validator;

  private FhirValidation() {}

  private static synchronized FhirValidator validator() {
    if (validator == null) {
      FhirContext fhir = CaseBundles.context();
      Questionnaire intake = questionnaire(fhir);
      // PrePopulatedValidationSupport does not hand out Questionnaires; this does, by canonical.
      IValidationSupport ours =
          new IValidationSupport() {
            @Override
            public FhirContext getFhirContext() {
              return fhir;
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T extends IBaseResource> T fetchResource(Class<T> type, String uri) {
              boolean ours = uri != null && uri.split("\\|")[0].equals(intake.getUrl());
              return ours && (type == null || type.isInstance(intake)) ? (T) intake : null;
            }
          };
      DefaultProfileValidationSupport core = new DefaultProfileValidationSupport(fhir);
      ValidationSupportChain chain =
          new ValidationSupportChain(
              dicomWithDermoscopy(fhir, core),
              core,
              new CommonCodeSystemsTerminologyService(fhir),
              new InMemoryTerminologyServerValidationSupport(fhir),
              new SnapshotGeneratingValidationSupport(fhir),
              ours);
      validator = fhir.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }
    return validator;
  }

  /**
   * R4 ships DICOM's code list (DCM) as it was in 2015; the modality DMS (Dermoscopy) came with
   * DICOM Supplement 221 in 2021 and is in PS3.16 CID 33 since. The validator gets the shipped list
   * plus DMS, as a current DICOM edition has it, and nothing else: every other DCM code is still
   * checked against the shipped list (docs/fhir.md, "Media").
   */
  private static IValidationSupport dicomWithDermoscopy(FhirContext fhir, IValidationSupport core) {
    CodeSystem current = ((CodeSystem) core.fetchCodeSystem(MediaModality.DICOM)).copy();
    current.addConcept().setCode("DMS").setDisplay("Dermoscopy");
    PrePopulatedValidationSupport support = new PrePopulatedValidationSupport(fhir);
    support.addCodeSystem(current);
    return support;
  }

  /** The Questionnaire as shipped in the jar. */
  public static Questionnaire questionnaire(FhirContext fhir) {
    try (InputStream in =
        FhirValidation.class
            .getClassLoader()
            .getResourceAsStream("dermrelay/fhir/Questionnaire-intake.json")) {
      return fhir.newJsonParser().parseResource(Questionnaire.class, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every message the validator has about {@code json}. */
  public static List<SingleValidationMessage> messages(String json) {
    ValidationResult result = validator().validateWithResult(json);
    return result.getMessages();
  }

  /** Fails with the messages when the validator finds an error (warnings are allowed). */
  public static List<SingleValidationMessage> assertValid(String json) {
    List<SingleValidationMessage> messages = messages(json);
    List<SingleValidationMessage> errors =
        messages.stream()
            .filter(
                m ->
                    m.getSeverity() == ResultSeverityEnum.ERROR
                        || m.getSeverity() == ResultSeverityEnum.FATAL)
            .toList();
    assertTrue(
        errors.isEmpty(),
        () ->
            "FHIR validation errors:\n"
                + String.join(
                    "\n",
                    errors.stream()
                        .map(m -> m.getLocationString() + ": " + m.getMessage())
                        .toList()));
    return messages;
  }
}
