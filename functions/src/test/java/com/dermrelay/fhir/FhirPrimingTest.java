package com.dermrelay.fhir;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.fhir.bundle.CaseBundles;
import com.dermrelay.fhir.bundle.SampleSnapshot;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/** A restored FHIR function must not pay for HAPI's model scan on its first request. */
class FhirPrimingTest {
  // No endpoint answers here: priming must make no network request to work.
  private static final Map<String, String> ENVIRONMENT =
      Map.of(
          "AWS_REGION", "eu-central-1",
          "AWS_ACCESS_KEY_ID", "AKIDPRIMINGTEST",
          "AWS_SECRET_ACCESS_KEY", "secret",
          "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9",
          "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9",
          "AWS_ENDPOINT_URL_SFN", "http://127.0.0.1:9",
          "DERMRELAY_TABLE", "priming-test-table",
          "DERMRELAY_MEDIA_BUCKET", "priming-test-bucket");

  @Test
  void primingBuildsAWholeBundleOfTheSampleRoundWithoutTenantDataOrNetwork() {
    FhirComponent component = FhirFunctions.forEnvironment(ENVIRONMENT);
    int length = component.priming().prime();
    assertTrue(
        length > 5_000, "a whole round's Bundle, not an empty one: " + length + " characters");
    Bundle parsed =
        CaseBundles.parser()
            .parseResource(
                Bundle.class,
                CaseBundles.json(
                    new com.dermrelay.fhir.bundle.CaseBundleMapper(
                            com.dermrelay.fhir.bundle.BodySiteCodes.load(
                                new com.fasterxml.jackson.databind.ObjectMapper()))
                        .map(SampleSnapshot.fourPhotosTwoPrescriptions())));
    assertTrue(
        parsed.getEntry().size() >= 15, "every resource of a round: " + parsed.getEntry().size());
  }
}
