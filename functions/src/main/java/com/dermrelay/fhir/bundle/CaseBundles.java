package com.dermrelay.fhir.bundle;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.Rounds;
import com.dermrelay.core.access.TenantContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.OptionalInt;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The FHIR R4 record of an answered case, for the clinic's EHR (delivery) and for download
 * (getCaseFhirBundle). Rounds are numbered as the API shows them ({@link Rounds}, from 1): round
 * {@code N} is the answer stored at {@code ANSWER#<N-1>}, the one answerCase answered with round
 * {@code N} (1 answers the intake; after a question or a follow-up the case's round rises, so the
 * next answer is the next round). A round that ended in a question has no answer.
 */
@Singleton
public final class CaseBundles {
  /** Building the R4 context scans the model once (about a second); one per container. */
  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private final CaseSnapshots snapshots;
  private final CaseBundleMapper mapper;

  @Inject
  public CaseBundles(CaseSnapshots snapshots, ObjectMapper json) {
    this.snapshots = snapshots;
    this.mapper = new CaseBundleMapper(BodySiteCodes.load(json));
  }

  /**
   * The FHIR R4 transaction Bundle of one answered round of a case, as JSON. Empty when the case
   * does not exist for this tenant or that round has no answer.
   */
  public Optional<String> transactionBundleJson(
      TenantContext tenant, String caseId, int round, BundleMedia media) {
    return snapshots.load(tenant, caseId, round, media).map(s -> json(mapper.map(s)));
  }

  /**
   * Builds and serializes a made-up round ({@link SampleSnapshot}): warms the FHIR context and the
   * model classes without tenant data or network (SnapStart priming). Answers the JSON's length.
   */
  public int buildSample() {
    return json(mapper.map(SampleSnapshot.fourPhotosTwoPrescriptions())).length();
  }

  /** The latest answered round of the case (what a download gives by default), if any. */
  public OptionalInt latestAnsweredRound(TenantContext tenant, String caseId) {
    return snapshots.latestAnsweredRound(tenant, caseId);
  }

  /** The round, as shown, a case answered just now is in. */
  public static int answerRound(CaseRecord answeredCase) {
    return Rounds.shown(answeredCase.round());
  }

  /** Compact JSON as HAPI writes it (what a FHIR server expects). */
  public static String json(Bundle bundle) {
    return parser().encodeResourceToString(bundle);
  }

  /**
   * A parser for Bundles of ours (parsers are cheap and not thread-safe; the context is shared).
   */
  public static IParser parser() {
    return FHIR.newJsonParser();
  }

  public static FhirContext context() {
    return FHIR;
  }
}
