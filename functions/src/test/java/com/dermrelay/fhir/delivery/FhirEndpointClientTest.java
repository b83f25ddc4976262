package com.dermrelay.fhir.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.core.net.OutboundAddressGuard;
import com.dermrelay.core.net.OutboundHttp;
import com.dermrelay.local.fhir.FhirReceiver;
import com.dermrelay.local.fhir.ReceiverEndpoint;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client against the local FHIR receiver (a real HTTP server): what it delivers, and how each
 * way an EHR can fail becomes "try later" or "a person must act", with a reason that quotes the EHR
 * but never the Bundle.
 */
class FhirEndpointClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static FhirReceiver receiver;

  /** As in the local stack: loopback allowed, names resolved by the system. */
  private final FhirEndpointClient client =
      new FhirEndpointClient(
          new OutboundHttp(new OutboundAddressGuard(true, InetAddress::getAllByName)),
          JSON,
          Clock.systemUTC());

  @BeforeAll
  static void start() {
    receiver = FhirReceiver.start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    receiver.close();
  }

  /** The fixture Bundle (every resource type DermRelay sends) for a fresh case. */
  static String bundle(String caseId, String patientId, int round) throws IOException {
    try (InputStream in =
        FhirEndpointClientTest.class.getResourceAsStream("/fhir/transaction-bundle.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("${caseId}", caseId)
          .replace("${patientId}", patientId)
          .replace("${round}", Integer.toString(round));
    }
  }

  private static EhrEndpoint bearer(String name, Duration timeout) {
    return new EhrEndpoint(
        URI.create(receiver.baseUrl(name)),
        EhrEndpoint.AuthType.BEARER,
        Optional.empty(),
        Optional.empty(),
        new EhrEndpoint.Media(EhrEndpoint.MediaMode.LINK, Duration.ofHours(1)),
        timeout);
  }

  private static EhrEndpoint oauth(String name) {
    return new EhrEndpoint(
        URI.create(receiver.baseUrl(name)),
        EhrEndpoint.AuthType.OAUTH2_CLIENT_CREDENTIALS,
        Optional.of(URI.create(receiver.baseUrl(name) + "/token")),
        Optional.of("system/*.write"),
        new EhrEndpoint.Media(EhrEndpoint.MediaMode.LINK, Duration.ofHours(1)),
        Duration.ofSeconds(5));
  }

  @Test
  void aBundleIsDeliveredWithTheLocationsTheEhrAssignedAndASecondSendDuplicatesNothing()
      throws IOException {
    ReceiverEndpoint ehr = receiver.endpoint("deliver");
    ehr.allowToken("static-token");
    String caseId = UUID.randomUUID().toString();
    FhirEndpointClient.Receipt receipt =
        client.send(
            bearer("deliver", Duration.ofSeconds(5)),
            new EhrCredentials.Token("static-token"),
            bundle(caseId, "p-1", 0));
    assertEquals(12, receipt.locations().size());
    assertTrue(receipt.locations().get(0).startsWith("Patient/"), receipt.locations().toString());

    client.send(
        bearer("deliver", Duration.ofSeconds(5)),
        new EhrCredentials.Token("static-token"),
        bundle(caseId, "p-1", 0));
    for (String type :
        new String[] {
          "Patient",
          "Practitioner",
          "Organization",
          "ServiceRequest",
          "DiagnosticReport",
          "Media",
          "Provenance"
        }) {
      assertEquals(1, ehr.all(type).size(), type);
    }
  }

  @Test
  void clientCredentialsAreExchangedForATokenThatIsFetchedAgainOnceWhenTheEhrDropsIt()
      throws IOException {
    ReceiverEndpoint ehr = receiver.endpoint("oauth");
    ehr.allowClient("dermrelay", "s3cret");
    EhrCredentials credentials = new EhrCredentials.ClientCredentials("dermrelay", "s3cret");
    client.send(oauth("oauth"), credentials, bundle(UUID.randomUUID().toString(), "p-2", 0));
    ehr.expireIssuedTokens();
    client.send(oauth("oauth"), credentials, bundle(UUID.randomUUID().toString(), "p-2", 0));
    assertEquals(2, ehr.received().size());

    EhrRejectedException refused =
        assertThrows(
            EhrRejectedException.class,
            () ->
                client.send(
                    oauth("oauth"),
                    new EhrCredentials.ClientCredentials("dermrelay", "wrong"),
                    bundle("c", "p", 0)));
    assertTrue(
        refused.reason().contains("token endpoint refused our client credentials"),
        refused.reason());
    assertFalse(refused.reason().contains("wrong"), "the secret is never in a reason");
  }

  @Test
  void downSlowAnd5xxAreUnavailableAndOther4xxOrAnOperationOutcomeAreRejectedWithTheEhrsWords()
      throws IOException {
    ReceiverEndpoint ehr = receiver.endpoint("faults");
    EhrCredentials token = new EhrCredentials.Token("t");
    String bundle = bundle(UUID.randomUUID().toString(), "Jane-Doe-MRN", 0);

    ehr.fault(ReceiverEndpoint.Fault.down());
    EhrUnavailableException down =
        assertThrows(
            EhrUnavailableException.class,
            () -> client.send(bearer("faults", Duration.ofSeconds(5)), token, bundle));
    assertTrue(down.reason().contains("without an answer"), down.reason());

    ehr.fault(ReceiverEndpoint.Fault.slow(Duration.ofSeconds(3)));
    EhrUnavailableException slow =
        assertThrows(
            EhrUnavailableException.class,
            () -> client.send(bearer("faults", Duration.ofSeconds(1)), token, bundle));
    assertEquals("The EHR did not answer within 1 s.", slow.reason());

    ehr.fault(ReceiverEndpoint.Fault.status(503, "Maintenance"));
    assertThrows(
        EhrUnavailableException.class,
        () -> client.send(bearer("faults", Duration.ofSeconds(5)), token, bundle));
    ehr.fault(ReceiverEndpoint.Fault.status(429, "Slow down"));
    assertThrows(
        EhrUnavailableException.class,
        () -> client.send(bearer("faults", Duration.ofSeconds(5)), token, bundle));

    ehr.fault(ReceiverEndpoint.Fault.status(422, "Practitioner identifier system unknown"));
    EhrRejectedException refused =
        assertThrows(
            EhrRejectedException.class,
            () -> client.send(bearer("faults", Duration.ofSeconds(5)), token, bundle));
    assertEquals(
        "The EHR refused the Bundle (HTTP 422): Practitioner identifier system unknown.",
        refused.reason());

    ehr.fault(ReceiverEndpoint.Fault.outcome("x".repeat(1000)));
    EhrRejectedException outcome =
        assertThrows(
            EhrRejectedException.class,
            () -> client.send(bearer("faults", Duration.ofSeconds(5)), token, bundle));
    assertTrue(outcome.reason().startsWith("The EHR reported an error: xxx"), outcome.reason());
    assertEquals(EhrRejectedException.MAX_REASON, outcome.reason().length(), "shortened");
    assertFalse(outcome.reason().contains("Jane-Doe-MRN"), "never the Bundle");

    ehr.fault(ReceiverEndpoint.Fault.NONE);
    receiver.close();
    EhrUnavailableException refusedConnection =
        assertThrows(
            EhrUnavailableException.class,
            () -> client.send(bearer("faults", Duration.ofSeconds(5)), token, bundle));
    assertTrue(
        refusedConnection.reason().contains("refused the connection"), refusedConnection.reason());
    receiver = FhirReceiver.start("127.0.0.1", 0);
  }

  /**
   * Security finding 5, at connection time: a name that resolves to an internal address (here
   * loopback, which only the local stack may reach) is refused before any connection, as a failure
   * a person must correct; the same name, where loopback is allowed, is delivered to.
   */
  @Test
  void anEndpointWhoseNameResolvesToAnInternalAddressIsRefusedBeforeAnyConnection()
      throws IOException {
    ReceiverEndpoint ehr = receiver.endpoint("rebound");
    ehr.allowToken("t");
    OutboundAddressGuard.Resolver rebinding =
        host -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
    URI named =
        URI.create(
            "http://ehr.rebound.example:" + URI.create(receiver.url()).getPort() + "/fhir/rebound");
    EhrEndpoint endpoint =
        new EhrEndpoint(
            named,
            EhrEndpoint.AuthType.BEARER,
            Optional.empty(),
            Optional.empty(),
            new EhrEndpoint.Media(EhrEndpoint.MediaMode.LINK, Duration.ofHours(1)),
            Duration.ofSeconds(5));
    String bundle = bundle(UUID.randomUUID().toString(), "p-2", 0);

    FhirEndpointClient onAws =
        new FhirEndpointClient(
            new OutboundHttp(new OutboundAddressGuard(false, rebinding)), JSON, Clock.systemUTC());
    EhrRejectedException refused =
        assertThrows(
            EhrRejectedException.class,
            () -> onAws.send(endpoint, new EhrCredentials.Token("t"), bundle));
    assertEquals(
        "The EHR is not at a public address: ehr.rebound.example resolves to a loopback address,"
            + " which is not allowed.",
        refused.reason());
    assertEquals(0, ehr.requests(), "nothing reached the address");

    FhirEndpointClient local =
        new FhirEndpointClient(
            new OutboundHttp(new OutboundAddressGuard(true, rebinding)), JSON, Clock.systemUTC());
    assertEquals(
        12,
        local.send(endpoint, new EhrCredentials.Token("t"), bundle).locations().size(),
        "the checked address is the one connected to: the system cannot resolve this name");
  }

  @Test
  void aTransactionResponseWithAFailedEntryIsRejectedNamingTheEntry() {
    EhrAnswers answers = new EhrAnswers(JSON);
    String response =
        """
        {"resourceType":"Bundle","type":"transaction-response","entry":[
          {"response":{"status":"201 Created","location":"Patient/1/_history/1"}},
          {"response":{"status":"201 Created","location":"Observation/2/_history/1",
            "outcome":{"resourceType":"OperationOutcome","issue":[
              {"severity":"warning","code":"informational","diagnostics":"fine"},
              {"severity":"error","code":"invalid","diagnostics":"Unknown code L82.9"}]}}}]}""";
    EhrRejectedException refused =
        assertThrows(EhrRejectedException.class, () -> answers.classify(200, response));
    assertEquals(
        "The EHR did not accept every entry: entry 1 201 Created: Unknown code L82.9.",
        refused.reason());
  }
}
