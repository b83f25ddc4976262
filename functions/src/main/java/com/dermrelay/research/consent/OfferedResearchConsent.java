package com.dermrelay.research.consent;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.tenancy.TenantDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import javax.inject.Inject;

/**
 * The research consent the clinic offers now ({@code researchConsent} of its configuration, read
 * through the directory's cache, so a change is offered within a minute), with the clinic's current
 * name in its text; empty when it offers none.
 */
public final class OfferedResearchConsent {
  private final TenantDirectory directory;

  @Inject
  public OfferedResearchConsent(TenantDirectory directory) {
    this.directory = directory;
  }

  public Optional<Text> current(TenantContext tenant) {
    return directory
        .find(tenant.tenantId())
        .flatMap(
            clinic ->
                Optional.of(clinic.config().path("researchConsent"))
                    .filter(JsonNode::isObject)
                    .map(
                        c ->
                            new Text(
                                c.path("version").asText(),
                                clinic.named(c.path("text").asText()))));
  }

  /** A version of the clinic's research consent and its words. */
  public record Text(String version, String text) {}
}
