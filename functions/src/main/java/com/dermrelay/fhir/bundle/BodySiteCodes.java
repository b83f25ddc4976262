package com.dermrelay.fhir.bundle;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;

/**
 * The body-map regions and sides of the intake as SNOMED CT concepts ({@code
 * dermrelay/body-sites.json}; where the codes came from and their review: docs/fhir.md). A region
 * or side without a code travels as text.
 */
public final class BodySiteCodes {
  static final String RESOURCE = "dermrelay/body-sites.json";
  static final String SNOMED = "http://snomed.info/sct";

  record Site(String region, String name, String snomed, String snomedDisplay) {}

  record Side(String laterality, String name, String snomed, String snomedDisplay) {}

  record Table(String source, List<Side> laterality, List<Site> sites) {}

  private final Map<String, Site> sites = new HashMap<>();
  private final Map<String, Side> sides = new HashMap<>();

  BodySiteCodes(Table table) {
    table.sites().forEach(s -> sites.put(s.region(), s));
    table.laterality().forEach(s -> sides.put(s.laterality(), s));
  }

  /** The table shipped in the jar. */
  public static BodySiteCodes load(ObjectMapper json) {
    try (InputStream in = BodySiteCodes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      return new BodySiteCodes(
          json.readerFor(Table.class)
              .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
              .readValue(in));
    } catch (IOException e) {
      throw new UncheckedIOException("the body site table cannot be read", e);
    }
  }

  /** The region as a concept (SNOMED CT where mapped), its text always the region's name. */
  CodeableConcept region(String region) {
    Site site = sites.get(region);
    if (site == null) {
      return new CodeableConcept().setText(region);
    }
    CodeableConcept concept = new CodeableConcept().setText(site.name());
    if (site.snomed() != null) {
      concept.addCoding().setSystem(SNOMED).setCode(site.snomed()).setDisplay(site.snomedDisplay());
    }
    return concept;
  }

  /** The side as a qualifier concept; empty for none. */
  Optional<CodeableConcept> side(String laterality) {
    if (laterality == null) {
      return Optional.empty();
    }
    Side side = sides.get(laterality);
    if (side == null) {
      return Optional.of(new CodeableConcept().setText(laterality));
    }
    CodeableConcept concept =
        new CodeableConcept().setText(side.name() != null ? side.name() : side.snomedDisplay());
    if (side.snomed() != null) {
      concept.addCoding().setSystem(SNOMED).setCode(side.snomed()).setDisplay(side.snomedDisplay());
    }
    return Optional.of(concept);
  }

  /** Whether every region of the intake has a row (the test of the table checks it). */
  boolean covers(String region) {
    return sites.containsKey(region);
  }
}
