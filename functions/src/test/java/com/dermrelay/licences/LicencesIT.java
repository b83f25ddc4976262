package com.dermrelay.licences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.ClinicStaff;
import com.dermrelay.testing.IntakeJourney;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A dermatologist's licences through the API (issue 19 item 5): kept on the person, whichever
 * clinic they work for; each wrong field named; an expired one shown as expired; removed ones gone;
 * nobody else's.
 */
@ExtendWith(LocalStackExtension.class)
class LicencesIT {
  private static final String NORTHSIDE = "northside-skin";
  private static final String HARBOUR = "harbour-dermatology";
  private static final String LICENCES = "/me/licences";

  @Test
  void aDermatologistKeepsTheirOwnLicences(LocalStack stack) {
    ApiCalls api = new ApiCalls(stack);
    String ortega = ClinicStaff.dermatologistOf(stack, api, NORTHSIDE, "Dr. Lucía Ortega");
    assertEquals(0, licences(api, ortega).size(), "none yet");

    HttpResponse<String> wrong =
        api.call(
            "PUT",
            LICENCES,
            ortega,
            "{\"jurisdiction\":\"XX\",\"number\":\"  \",\"expiresOn\":\"2027-02-30\"}");
    assertEquals(400, wrong.statusCode(), wrong.body());
    List<String> pointers = new ArrayList<>();
    ApiCalls.json(wrong).path("errors").forEach(e -> pointers.add(e.path("pointer").asText()));
    assertEquals(List.of("/jurisdiction", "/number", "/expiresOn"), pointers, wrong.body());

    HttpResponse<String> spain = put(api, ortega, "ES", " CMM 28/123456 ", "2099-12-31");
    assertEquals(200, spain.statusCode(), spain.body());
    assertEquals("CMM 28/123456", ApiCalls.json(spain).get("number").asText(), "trimmed");
    assertFalse(ApiCalls.json(spain).get("expired").asBoolean());
    HttpResponse<String> california = put(api, ortega, "US-CA", "A123456", "2001-01-31");
    assertEquals(200, california.statusCode(), california.body());
    assertTrue(ApiCalls.json(california).get("expired").asBoolean(), "a past expiry is expired");
    assertEquals(200, put(api, ortega, "ES", "CMM 28/654321", "2099-12-31").statusCode());

    List<JsonNode> held = licences(api, ortega);
    assertEquals(2, held.size(), "a second put of ES replaced the first");
    assertEquals("ES", held.get(0).get("jurisdiction").asText());
    assertEquals("CMM 28/654321", held.get(0).get("number").asText());
    assertEquals("US-CA", held.get(1).get("jurisdiction").asText());
    assertTrue(held.get(1).get("expired").asBoolean());

    // Another dermatologist (of another clinic) sees only their own; a patient has none to keep.
    String marsh = ClinicStaff.dermatologistOf(stack, api, HARBOUR, "Dr. Ana Marsh");
    assertEquals(0, licences(api, marsh).size(), "licences are on the person");
    assertEquals(404, api.call("DELETE", LICENCES + "/ES", marsh, null).statusCode());
    String patient = new IntakeJourney(stack, api).newPatient(NORTHSIDE).token();
    assertEquals(403, api.get(LICENCES, patient).statusCode(), "dermatologists only");

    HttpResponse<String> removed = api.call("DELETE", LICENCES + "/US-CA", ortega, null);
    assertEquals(200, removed.statusCode(), removed.body());
    assertEquals(1, ApiCalls.json(removed).get("licences").size(), "the ones left");
    assertEquals(
        List.of("ES"),
        licences(api, ortega).stream().map(l -> l.get("jurisdiction").asText()).toList());
    assertEquals(404, api.call("DELETE", LICENCES + "/US-CA", ortega, null).statusCode(), "gone");
    assertEquals(200, put(api, ortega, "US-CA", "A123456", "2099-01-31").statusCode(), "again");
    assertEquals(2, licences(api, ortega).size());
  }

  private static HttpResponse<String> put(
      ApiCalls api, String token, String jurisdiction, String number, String expiresOn) {
    return api.call(
        "PUT",
        LICENCES,
        token,
        ApiCalls.JSON
            .createObjectNode()
            .put("jurisdiction", jurisdiction)
            .put("number", number)
            .put("expiresOn", expiresOn)
            .toString());
  }

  private static List<JsonNode> licences(ApiCalls api, String token) {
    HttpResponse<String> read = api.get(LICENCES, token);
    assertEquals(200, read.statusCode(), read.body());
    List<JsonNode> held = new ArrayList<>();
    ApiCalls.json(read).get("licences").forEach(held::add);
    return held;
  }
}
