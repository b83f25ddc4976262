package com.dermrelay.templates;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.data.VersionConflictException;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import com.dermrelay.review.AnswerRules;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.inject.Inject;

/**
 * The clinic admin's templates (list, get, put, delete) and the dermatologist's view of them (the
 * reviewed clinic templates and their own personal ones; put of a personal one). Every change is
 * conditioned on the version read and audited (templates hold no health data).
 */
public final class AnswerTemplates {
  private final TemplateItems items;
  private final TemplateRules rules;
  private final ClinicLanguages languages;
  private final AuditTrail audit;

  @Inject
  public AnswerTemplates(
      TemplateItems items, TemplateRules rules, ClinicLanguages languages, AuditTrail audit) {
    this.items = items;
    this.rules = rules;
    this.languages = languages;
    this.audit = audit;
  }

  /** listAnswerTemplates: the clinic's templates (not the dermatologists' personal ones). */
  public AnswerTemplate.Listing listClinic(TenantContext tenant) {
    return listing(tenant, d -> AnswerTemplate.CLINIC.equals(d.scope()));
  }

  /**
   * listMyAnswerTemplates: what the calling dermatologist may start an answer from here: their own,
   * then the clinic's reviewed ones (an unreviewed starter template is never offered).
   */
  public AnswerTemplate.Listing listUsable(TenantContext tenant) {
    List<TemplateItems.Stored> found =
        items.all(tenant).stream()
            .filter(s -> !s.document().deleted())
            .filter(s -> mine(tenant, s.document()) || clinicReviewed(s.document()))
            .sorted(
                Comparator.comparing(
                        (TemplateItems.Stored s) ->
                            AnswerTemplate.CLINIC.equals(s.document().scope()))
                    .thenComparing(s -> s.document().diagnosisCode())
                    .thenComparing(s -> s.document().id()))
            .toList();
    return new AnswerTemplate.Listing(
        found.stream().map(s -> s.document().view(s.version())).toList());
  }

  /** getAnswerTemplate: a clinic template; a personal one or none is the audited 404. */
  public AnswerTemplate get(TenantContext tenant, String templateId) {
    TemplateItems.Stored stored = clinicTemplate(tenant, templateId, "answer-template.read");
    return stored.document().view(stored.version());
  }

  /** putAnswerTemplate: creates (version 0) or replaces a clinic template. */
  public AnswerTemplate putClinic(TenantContext tenant, String templateId, AnswerTemplate.Put put) {
    return put(tenant, templateId, put, AnswerTemplate.CLINIC);
  }

  /** putMyAnswerTemplate: creates (version 0) or replaces one of the caller's own templates. */
  public AnswerTemplate putPersonal(
      TenantContext tenant, String templateId, AnswerTemplate.Put put) {
    if (put.reviewed() != null) {
      AnswerRules.refuseIfAny(
          List.of(
              AnswerRules.error(
                  "/reviewed", "is for clinic templates; a personal template is your own")));
    }
    return put(tenant, templateId, put, AnswerTemplate.PERSONAL);
  }

  /** deleteAnswerTemplate: on the version read; deleting a deleted template again is 404. */
  public void delete(TenantContext tenant, String templateId, long version) {
    TemplateItems.Stored stored = clinicTemplate(tenant, templateId, "answer-template.delete");
    if (stored.version() != version) {
      throw conflict();
    }
    try {
      items.put(
          tenant,
          stored.document().deletedBy(tenant.subject(), tenant.requestTime().toString()),
          version);
    } catch (VersionConflictException e) {
      throw conflict();
    }
    audit.wrote(tenant, "answer-template.delete", AuditResource.of("answer-template", templateId));
  }

  private AnswerTemplate put(
      TenantContext tenant, String templateId, AnswerTemplate.Put put, String scope) {
    rules.check(put, languages.of(tenant));
    Optional<TemplateItems.Stored> current = items.get(tenant, templateId);
    long expected = put.version();
    TemplateDocument before = current.map(TemplateItems.Stored::document).orElse(null);
    if (before != null && !before.deleted() && !ownedAs(tenant, before, scope)) {
      // Ids are unique in the clinic: an id of another scope or owner is taken, not shown.
      throw new ApiProblem(
          409, ProblemTypes.CONFLICT, "Conflict", "Another template of the clinic has this id.");
    }
    if (before != null && before.deleted()) {
      if (expected != 0) {
        throw conflict();
      }
      expected = current.get().version(); // a new template where a deleted one was
    } else if (current.map(TemplateItems.Stored::version).orElse(0L) != expected) {
      throw conflict();
    }
    String now = tenant.requestTime().toString();
    boolean personal = AnswerTemplate.PERSONAL.equals(scope);
    boolean reviewed = personal || Boolean.TRUE.equals(put.reviewed());
    boolean wasReviewed = before != null && !before.deleted() && before.reviewed();
    boolean starter = before != null && !before.deleted() && before.starter();
    TemplateDocument document =
        new TemplateDocument(
            templateId,
            scope,
            personal ? tenant.subject() : null,
            put.diagnosisCode(),
            put.title(),
            put.texts(),
            put.followUp(),
            put.referral(),
            reviewed,
            reviewed && !personal ? (wasReviewed ? before.reviewedAt() : now) : null,
            reviewed && !personal ? (wasReviewed ? before.reviewedBy() : tenant.subject()) : null,
            starter,
            starter ? before.sources() : null,
            now,
            tenant.subject(),
            false);
    long version;
    try {
      version = items.put(tenant, document, expected);
    } catch (VersionConflictException e) {
      throw conflict();
    }
    audit.wrote(tenant, "answer-template.put", AuditResource.of("answer-template", templateId));
    return document.view(version);
  }

  private TemplateItems.Stored clinicTemplate(
      TenantContext tenant, String templateId, String action) {
    return items
        .get(tenant, templateId)
        .filter(s -> !s.document().deleted())
        .filter(s -> AnswerTemplate.CLINIC.equals(s.document().scope()))
        .orElseThrow(
            () -> audit.notFound(tenant, action, AuditResource.of("answer-template", templateId)));
  }

  private AnswerTemplate.Listing listing(TenantContext tenant, Predicate<TemplateDocument> which) {
    return new AnswerTemplate.Listing(
        items.all(tenant).stream()
            .filter(s -> !s.document().deleted() && which.test(s.document()))
            .sorted(
                Comparator.comparing((TemplateItems.Stored s) -> s.document().diagnosisCode())
                    .thenComparing(s -> s.document().id()))
            .map(s -> s.document().view(s.version()))
            .toList());
  }

  private static boolean ownedAs(TenantContext tenant, TemplateDocument d, String scope) {
    return scope.equals(d.scope())
        && (AnswerTemplate.CLINIC.equals(scope) || tenant.subject().equals(d.ownerSub()));
  }

  private static boolean mine(TenantContext tenant, TemplateDocument d) {
    return AnswerTemplate.PERSONAL.equals(d.scope()) && tenant.subject().equals(d.ownerSub());
  }

  private static boolean clinicReviewed(TemplateDocument d) {
    return AnswerTemplate.CLINIC.equals(d.scope()) && d.reviewed();
  }

  static ApiProblem conflict() {
    return new ApiProblem(
        409,
        ProblemTypes.CONFLICT,
        "Conflict",
        "The template changed since it was read (or it is new and another has this id); read it"
            + " again.");
  }
}
