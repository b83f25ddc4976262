package com.dermrelay.datarights;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.patients.PatientProfiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import javax.inject.Inject;

/** The patient's profile in this clinic (date of birth, sex); empty when they never gave one. */
public final class ProfileSection implements PatientDataSection {
  private final PatientProfiles profiles;
  private final ObjectMapper json;

  @Inject
  public ProfileSection(PatientProfiles profiles, ObjectMapper json) {
    this.profiles = profiles;
    this.json = json;
  }

  @Override
  public String name() {
    return "profile";
  }

  @Override
  public JsonNode export(TenantContext tenant, String patientSubject, String patientEmail) {
    ObjectNode profile = json.createObjectNode();
    profiles
        .find(tenant, patientSubject)
        .ifPresent(
            stored -> {
              profile.put("dateOfBirth", stored.profile().dateOfBirth());
              profile.put("sex", stored.profile().sex());
            });
    return profile;
  }
}
