package com.dermrelay.local.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One named FHIR endpoint of the local receiver ({@code /fhir/{name}}): the resources it holds by
 * type and id, every Bundle it was sent, who may call it, and the fault tests put it in.
 * Thread-safe: every method is synchronized (tests read while the workflow writes).
 */
public final class ReceiverEndpoint {
  /** What the endpoint does with the next requests, set by tests. */
  public enum FaultMode {
    /** Works. */
    NONE,
    /** Drops every connection without an answer, as a server that is down does. */
    DOWN,
    /** Answers only after {@link Fault#delay}, past the client's timeout. */
    SLOW,
    /** Answers {@link Fault#status} with an OperationOutcome of {@link Fault#text}. */
    STATUS,
    /** Answers 200 with a transaction-response whose entries carry an error OperationOutcome. */
    OUTCOME
  }

  /** A fault: the mode and its details. */
  public record Fault(FaultMode mode, int status, Duration delay, String text) {
    public static final Fault NONE = new Fault(FaultMode.NONE, 0, Duration.ZERO, null);

    public static Fault down() {
      return new Fault(FaultMode.DOWN, 0, Duration.ZERO, null);
    }

    public static Fault slow(Duration delay) {
      return new Fault(FaultMode.SLOW, 0, delay, null);
    }

    public static Fault status(int status, String text) {
      return new Fault(FaultMode.STATUS, status, Duration.ZERO, text);
    }

    public static Fault outcome(String text) {
      return new Fault(FaultMode.OUTCOME, 0, Duration.ZERO, text);
    }
  }

  private final String name;
  private final Map<String, Map<String, ObjectNode>> resources = new LinkedHashMap<>();
  private final List<JsonNode> received = new ArrayList<>();
  private final Map<String, String> clients = new LinkedHashMap<>();
  private final List<String> tokens = new ArrayList<>();
  private Fault fault = Fault.NONE;
  private int requests;

  ReceiverEndpoint(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  public synchronized void fault(Fault value) {
    fault = value;
  }

  public synchronized Fault fault() {
    return fault;
  }

  /** An OAuth2 client allowed to take tokens at {@code /fhir/{name}/token}. */
  public synchronized void allowClient(String clientId, String clientSecret) {
    clients.put(clientId, clientSecret);
  }

  /** A static bearer token accepted as it is. */
  public synchronized void allowToken(String token) {
    tokens.add(token);
  }

  /** Whether calls need a token at all (any client or token was allowed). */
  synchronized boolean protectedByTokens() {
    return !clients.isEmpty() || !tokens.isEmpty();
  }

  synchronized boolean clientMatches(String clientId, String clientSecret) {
    return clientId != null && clientSecret != null && clientSecret.equals(clients.get(clientId));
  }

  /** Issues a token for a client (client-credentials grant). */
  synchronized String issueToken() {
    String token = "local-" + UUID.randomUUID();
    tokens.add(token);
    return token;
  }

  synchronized boolean accepts(String token) {
    return token != null && tokens.contains(token);
  }

  /** Forgets every token issued (not the static ones are kept): the next call answers 401. */
  public synchronized void expireIssuedTokens() {
    tokens.removeIf(t -> t.startsWith("local-"));
  }

  synchronized void countRequest() {
    requests++;
  }

  /** Requests the endpoint saw, token requests excluded, faults included. */
  public synchronized int requests() {
    return requests;
  }

  synchronized void recordBundle(JsonNode bundle) {
    received.add(bundle.deepCopy());
  }

  /** Every transaction Bundle it processed, oldest first. */
  public synchronized List<JsonNode> received() {
    return List.copyOf(received);
  }

  public synchronized Optional<ObjectNode> read(String type, String id) {
    return Optional.ofNullable(resources.getOrDefault(type, Map.of()).get(id))
        .map(ObjectNode::deepCopy);
  }

  /** Every stored resource of a type, in the order stored. */
  public synchronized List<ObjectNode> all(String type) {
    return resources.getOrDefault(type, Map.of()).values().stream()
        .map(ObjectNode::deepCopy)
        .toList();
  }

  /**
   * Resources of {@code type} with an identifier {@code system|value} (either part may be empty).
   */
  public synchronized List<ObjectNode> search(String type, String system, String value) {
    List<ObjectNode> found = new ArrayList<>();
    for (ObjectNode resource : resources.getOrDefault(type, Map.of()).values()) {
      for (JsonNode identifier : resource.path("identifier")) {
        boolean systemMatches =
            system == null || system.isEmpty() || system.equals(identifier.path("system").asText());
        if (systemMatches && value != null && value.equals(identifier.path("value").asText())) {
          found.add(resource.deepCopy());
          break;
        }
      }
    }
    return found;
  }

  synchronized void store(String type, String id, ObjectNode resource) {
    resources.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(id, resource);
  }

  /** Drops everything stored and received, and the fault; clients and tokens stay. */
  public synchronized void reset() {
    resources.clear();
    received.clear();
    fault = Fault.NONE;
    requests = 0;
  }
}
