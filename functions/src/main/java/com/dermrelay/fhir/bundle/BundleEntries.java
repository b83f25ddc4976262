package com.dermrelay.fhir.bundle;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The transaction Bundle under construction: every resource goes in as a conditional create ({@code
 * request.ifNoneExist} on its business identifier, so a resend finds what the first send created
 * instead of duplicating it), with a {@code urn:uuid} fullUrl that the other entries reference and
 * the receiving server replaces by the id it assigns. The uuids are name-based on the tenant, case,
 * round and the resource's role, so two builds of one round are identical (but for presigned photo
 * links). Identifier values are our own opaque ids, never health data.
 */
final class BundleEntries {
  /** Where our business identifiers live: {@code <ID_BASE><kind>}. */
  static final String ID_BASE = "https://dermrelay.com/fhir/id/";

  private final Bundle bundle = new Bundle();
  private final String scope;

  BundleEntries(String tenantId, String caseId, int round) {
    this.scope = tenantId + "/" + caseId + "/" + round;
    bundle.setType(Bundle.BundleType.TRANSACTION);
    bundle.setIdentifier(identifier("bundle", scope));
  }

  Bundle bundle() {
    return bundle;
  }

  static Identifier identifier(String kind, String value) {
    return new Identifier().setSystem(ID_BASE + kind).setValue(value);
  }

  /**
   * Adds {@code resource}, created unless one with {@code identifier} exists, and returns the
   * reference the other entries use. {@code identifier} must already be on the resource (or, for
   * resources without one, be a search that finds it).
   */
  Reference add(Resource resource, Identifier identifier) {
    return add(
        resource,
        identifier.getSystem() + "|" + identifier.getValue(),
        "identifier=" + identifier.getSystem() + "|" + identifier.getValue());
  }

  /** As {@link #add(Resource, Identifier)} with an explicit search for the existing resource. */
  Reference add(Resource resource, String role, String ifNoneExist) {
    String fullUrl = "urn:uuid:" + uuid(role);
    bundle
        .addEntry()
        .setFullUrl(fullUrl)
        .setResource(resource)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl(resource.fhirType())
        .setIfNoneExist(ifNoneExist);
    return new Reference(fullUrl);
  }

  /** A name-based (version 3) uuid of a resource's role in this round's Bundle. */
  UUID uuid(String role) {
    return UUID.nameUUIDFromBytes(
        ("dermrelay-fhir/" + scope + "/" + role).getBytes(StandardCharsets.UTF_8));
  }
}
