package com.dermrelay.datarights;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.aws.CognitoAdmin;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import javax.inject.Inject;

/** The patient's account as the identity pool holds it: status and every attribute. */
public final class AccountSection implements PatientDataSection {
  private final CognitoAdmin cognito;
  private final ObjectMapper json;

  @Inject
  public AccountSection(CognitoAdmin cognito, ObjectMapper json) {
    this.cognito = cognito;
    this.json = json;
  }

  @Override
  public String name() {
    return "account";
  }

  @Override
  public JsonNode export(TenantContext tenant, String patientSubject, String patientEmail) {
    ObjectNode account = json.createObjectNode();
    cognito
        .getUser(patientEmail)
        .ifPresent(
            user -> {
              account.put("status", user.status());
              account.put("enabled", user.enabled());
              ObjectNode attributes = account.putObject("attributes");
              user.attributes().forEach(attributes::put);
            });
    return account;
  }
}
