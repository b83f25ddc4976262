package com.dermrelay.templates;

import com.dermrelay.cases.AnswerContent;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.data.VersionConflictException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * importStarterTemplates: the starter set ({@code dermrelay/starter-templates.json}, 20 common
 * diagnoses in English and Spanish, written from the public patient-information pages each one
 * cites) becomes clinic templates {@code starter-<code>}, each marked as needing the clinic's
 * clinical review. Idempotent: a template already there (edited or not) is never overwritten; a
 * deleted one comes back. Only the clinic's languages are kept.
 */
@Singleton
public final class StarterTemplates {
  static final String RESOURCE = "/dermrelay/starter-templates.json";

  private final TemplateItems items;
  private final ClinicLanguages languages;
  private final AuditTrail audit;
  private final List<Starter> starters;

  @Inject
  public StarterTemplates(
      TemplateItems items, ClinicLanguages languages, AuditTrail audit, ObjectMapper json) {
    this.items = items;
    this.languages = languages;
    this.audit = audit;
    this.starters = load(json);
  }

  /** One entry of the file. */
  record Starter(
      String id,
      String diagnosisCode,
      String title,
      Map<String, AnswerTemplate.Texts> texts,
      AnswerContent.FollowUpInterval followUp,
      AnswerContent.Referral referral,
      List<AnswerTemplate.Source> sources) {}

  record StarterFile(String notice, List<Starter> templates) {}

  /** What an import did. */
  public record Imported(int imported, int alreadyPresent) {}

  static List<Starter> load(ObjectMapper json) {
    try (InputStream in = StarterTemplates.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      return List.copyOf(json.readValue(in, StarterFile.class).templates());
    } catch (IOException e) {
      throw new UncheckedIOException(RESOURCE + " cannot be read", e);
    }
  }

  List<Starter> starters() {
    return starters;
  }

  public Imported run(TenantContext tenant) {
    Set<String> offered = languages.of(tenant);
    int imported = 0;
    int present = 0;
    for (Starter starter : starters) {
      Map<String, AnswerTemplate.Texts> texts = new LinkedHashMap<>();
      starter
          .texts()
          .forEach(
              (language, words) -> {
                if (offered.contains(language)) {
                  texts.put(language, words);
                }
              });
      Optional<TemplateItems.Stored> current = items.get(tenant, starter.id());
      if (texts.isEmpty() || current.filter(s -> !s.document().deleted()).isPresent()) {
        present++;
        continue;
      }
      TemplateDocument document =
          new TemplateDocument(
              starter.id(),
              AnswerTemplate.CLINIC,
              null,
              starter.diagnosisCode(),
              starter.title(),
              texts,
              starter.followUp(),
              starter.referral(),
              false,
              null,
              null,
              true,
              starter.sources(),
              tenant.requestTime().toString(),
              tenant.subject(),
              false);
      try {
        items.put(tenant, document, current.map(TemplateItems.Stored::version).orElse(0L));
        imported++;
      } catch (VersionConflictException e) {
        present++; // a concurrent import (or an admin) wrote it first
      }
    }
    audit.wrote(
        tenant, "answer-template.import", AuditResource.of("answer-templates", "starter-set"));
    return new Imported(imported, present);
  }
}
