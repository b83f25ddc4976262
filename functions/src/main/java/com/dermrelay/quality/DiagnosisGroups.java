package com.dermrelay.quality;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The groups of the curated diagnosis list ({@code dermrelay/diagnosis-groups.json}) that
 * diagnostic concordance compares: two reads agree on the diagnosis when their codes fall in the
 * same group (a melanoma read as a dysplastic naevus is a disagreement; atopic read as discoid
 * eczema is not). Every code of the list is in exactly one group (DiagnosisGroupsTest).
 */
@Singleton
public final class DiagnosisGroups {
  static final String RESOURCE = "dermrelay/diagnosis-groups.json";

  /** One group: its stable code and its English name (the portals translate by code). */
  public record Group(String code, String name, List<String> codes) {
    public Group {
      codes = List.copyOf(codes);
    }
  }

  record GroupsFile(String source, List<Group> groups) {}

  private final List<Group> groups;
  private final Map<String, String> groupOfCode;

  @Inject
  public DiagnosisGroups(ObjectMapper json) {
    this(load(json));
  }

  DiagnosisGroups(List<Group> groups) {
    this.groups = List.copyOf(groups);
    Map<String, String> map = new HashMap<>();
    for (Group g : groups) {
      for (String code : g.codes()) {
        if (map.put(code, g.code()) != null) {
          throw new IllegalStateException("a diagnosis is in two groups: " + code);
        }
      }
    }
    this.groupOfCode = Map.copyOf(map);
  }

  static List<Group> load(ObjectMapper json) {
    try (InputStream in = DiagnosisGroups.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      GroupsFile file =
          json.readerFor(GroupsFile.class)
              .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
              .readValue(in);
      return file.groups();
    } catch (IOException e) {
      throw new UncheckedIOException("the diagnosis groups cannot be read", e);
    }
  }

  public List<Group> all() {
    return groups;
  }

  /** The group codes, in the file's order: the rows and columns of a concordance table. */
  public List<String> codes() {
    return groups.stream().map(Group::code).toList();
  }

  public Optional<String> groupOf(String diagnosisCode) {
    return Optional.ofNullable(diagnosisCode == null ? null : groupOfCode.get(diagnosisCode));
  }
}
