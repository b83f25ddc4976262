package com.dermrelay.fhir.api;

import com.dermrelay.cases.CaseRecord;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditOutcome;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.auth.Role;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import com.dermrelay.core.tenancy.TenantDirectory;
import com.dermrelay.core.tenancy.TenantRecord;
import com.dermrelay.fhir.bundle.BundleMedia;
import com.dermrelay.fhir.bundle.CaseBundles;
import com.dermrelay.fhir.bundle.CaseSnapshots;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.inject.Inject;

/**
 * getCaseFhirBundle: a clinic admin, or the dermatologist who answered that round, downloads the
 * FHIR R4 transaction Bundle of an answered round (the latest by default). Anything else, a draft,
 * an unanswered round or another clinic's case, is the audited 404; a download is recorded as
 * {@code case.fhir.read} with the patient, so it shows in the patient's access log.
 */
public final class GetCaseFhirBundle {
  static final String ACTION = "case.fhir.read";
  static final Pattern CASE_ID =
      Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
  static final Pattern ROUND = Pattern.compile("^[1-9][0-9]{0,2}$");

  private final CaseBundles bundles;
  private final CaseSnapshots snapshots;
  private final TenantDirectory directory;
  private final AuditTrail audit;

  @Inject
  public GetCaseFhirBundle(
      CaseBundles bundles, CaseSnapshots snapshots, TenantDirectory directory, AuditTrail audit) {
    this.bundles = bundles;
    this.snapshots = snapshots;
    this.directory = directory;
    this.audit = audit;
  }

  /** The Bundle as JSON ({@code application/fhir+json}). */
  public String run(TenantContext tenant, String caseId, Optional<String> roundParameter) {
    Optional<Integer> asked =
        roundParameter.map(
            r -> {
              if (!ROUND.matcher(r).matches()) {
                throw ApiProblem.badRequest(
                    ProblemTypes.INVALID_REQUEST, "round must be a whole number from 1 to 999.");
              }
              return Integer.parseInt(r);
            });
    if (!CASE_ID.matcher(caseId).matches()) {
      throw audit.notFound(tenant, ACTION, AuditResource.of("case", "malformed-id"));
    }
    CaseRecord c =
        snapshots
            .submittedCase(tenant, caseId)
            .orElseThrow(() -> audit.notFound(tenant, ACTION, AuditResource.of("case", caseId)));
    AuditResource resource = AuditResource.ofPatient("case", caseId, c.patientSubject());
    int round =
        asked.orElseGet(
            () ->
                bundles
                    .latestAnsweredRound(tenant, caseId)
                    .orElseThrow(() -> audit.notFound(tenant, ACTION, resource)));
    boolean allowed =
        snapshots
            .answer(tenant, caseId, round)
            .filter(
                a ->
                    !tenant.actsAs(Role.DERMATOLOGIST)
                        || a.dermatologistId().equals(tenant.subject()))
            .isPresent();
    if (!allowed) {
      throw audit.notFound(tenant, ACTION, resource);
    }
    String bundle =
        bundles
            .transactionBundleJson(tenant, caseId, round, mediaOf(tenant))
            .orElseThrow(() -> audit.notFound(tenant, ACTION, resource));
    audit.record(tenant, ACTION, resource, AuditOutcome.SUCCESS);
    return bundle;
  }

  /**
   * The clinic's choice for the photos of its FHIR record ({@code ehr.media} of its configuration:
   * {@code mode} link|inline|omit, {@code linkHours}), links for a week where it made none.
   */
  BundleMedia mediaOf(TenantContext tenant) {
    JsonNode media =
        directory
            .find(tenant.tenantId())
            .map(TenantRecord::config)
            .map(c -> c.path("ehr").path("media"))
            .orElse(null);
    if (media == null || !media.isObject()) {
      return BundleMedia.defaults();
    }
    BundleMedia.Mode mode =
        switch (media.path("mode").asText("link").toLowerCase(Locale.ROOT)) {
          case "inline" -> BundleMedia.Mode.INLINE;
          case "omit" -> BundleMedia.Mode.OMIT;
          default -> BundleMedia.Mode.LINK;
        };
    int hours = media.path("linkHours").asInt(0);
    return new BundleMedia(
        mode,
        hours >= 1 && hours <= 168
            ? Duration.ofHours(hours)
            : BundleMedia.defaults().linkLifetime());
  }
}
