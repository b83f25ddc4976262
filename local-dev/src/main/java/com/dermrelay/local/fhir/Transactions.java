package com.dermrelay.local.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A FHIR R4 transaction as a server processes it, enough for what DermRelay sends: {@code POST}
 * with {@code ifNoneExist} (an identifier search, or one chained through a reference: a match is
 * answered 200 and not stored again), plain {@code POST}, and {@code PUT Type/id}; {@code
 * urn:uuid:} references between entries are rewritten to the ids the server assigned. All or
 * nothing: a bad entry refuses the whole Bundle.
 */
final class Transactions {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final java.util.regex.Pattern CHAINED =
      java.util.regex.Pattern.compile("^([a-zA-Z]+):([A-Z][A-Za-z]+)\\.identifier=.+$");

  private Transactions() {}

  /** A transaction refused as a whole: status and the OperationOutcome's diagnostics. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    Refused(int status, String diagnostics) {
      super(diagnostics);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  private record Planned(
      ObjectNode resource, String type, String id, boolean create, String status) {}

  /** Processes the Bundle against the endpoint and answers the transaction-response. */
  static ObjectNode process(ReceiverEndpoint endpoint, JsonNode bundle) throws Refused {
    if (!bundle.isObject()
        || !"Bundle".equals(bundle.path("resourceType").asText())
        || !"transaction".equals(bundle.path("type").asText())) {
      throw new Refused(400, "Only a Bundle of type transaction is accepted here.");
    }
    synchronized (endpoint) {
      List<Planned> plan = new ArrayList<>();
      Map<String, String> references = new HashMap<>();
      int index = 0;
      for (JsonNode entry : bundle.path("entry")) {
        plan.add(plan(endpoint, entry, index++, references));
      }
      ObjectNode response =
          JSON.createObjectNode()
              .put("resourceType", "Bundle")
              .put("id", UUID.randomUUID().toString())
              .put("type", "transaction-response");
      ArrayNode entries = response.putArray("entry");
      for (Planned p : plan) {
        if (p.create()) {
          ObjectNode stored = p.resource().deepCopy();
          rewriteReferences(stored, references);
          stored.put("id", p.id());
          stored.putObject("meta").put("versionId", "1");
          endpoint.store(p.type(), p.id(), stored);
        }
        ObjectNode result = entries.addObject().putObject("response");
        result.put("status", p.status());
        result.put("location", p.type() + "/" + p.id() + "/_history/1");
        result.put("etag", "W/\"1\"");
      }
      endpoint.recordBundle(bundle);
      return response;
    }
  }

  private static Planned plan(
      ReceiverEndpoint endpoint, JsonNode entry, int index, Map<String, String> references)
      throws Refused {
    JsonNode resource = entry.path("resource");
    JsonNode request = entry.path("request");
    String method = request.path("method").asText();
    String url = request.path("url").asText();
    String type = resource.path("resourceType").asText();
    if (!resource.isObject() || type.isEmpty()) {
      throw new Refused(400, "Entry " + index + " has no resource.");
    }
    String id;
    boolean create;
    String status;
    if (method.equals("POST")) {
      if (!url.equals(type)) {
        throw new Refused(400, "Entry " + index + ": POST must name the resource's type.");
      }
      String condition = request.path("ifNoneExist").asText("");
      List<ObjectNode> matches =
          condition.isEmpty() ? List.of() : search(endpoint, type, condition, index);
      if (matches.size() > 1) {
        throw new Refused(
            412, "Entry " + index + ": the ifNoneExist search matched several resources.");
      }
      create = matches.isEmpty();
      id = create ? UUID.randomUUID().toString() : matches.get(0).path("id").asText();
      status = create ? "201 Created" : "200 OK";
    } else if (method.equals("PUT") && url.matches("[A-Za-z]+/[A-Za-z0-9.-]{1,64}")) {
      id = url.substring(url.indexOf('/') + 1);
      create = true;
      status = endpoint.read(type, id).isPresent() ? "200 OK" : "201 Created";
    } else {
      throw new Refused(
          400, "Entry " + index + ": only POST (with ifNoneExist) and PUT Type/id are supported.");
    }
    String fullUrl = entry.path("fullUrl").asText("");
    if (!fullUrl.isEmpty()) {
      references.put(fullUrl, type + "/" + id);
    }
    return new Planned((ObjectNode) resource, type, id, create, status);
  }

  /**
   * The searches conditional creates use here: {@code identifier=system|value}, and the chained
   * {@code <field>:<Type>.identifier=system|value} (a resource without an identifier, e.g. a
   * Provenance, found by the identifier of a resource it references in {@code field}).
   */
  private static List<ObjectNode> search(
      ReceiverEndpoint endpoint, String type, String condition, int index) throws Refused {
    String query =
        condition.contains("?") ? condition.substring(condition.indexOf('?') + 1) : condition;
    java.util.regex.Matcher chained = CHAINED.matcher(query);
    if (query.contains("&") || !(query.startsWith("identifier=") || chained.matches())) {
      throw new Refused(
          400,
          "Entry "
              + index
              + ": ifNoneExist supports identifier=system|value"
              + " and field:Type.identifier=system|value only.");
    }
    String token =
        URLDecoder.decode(query.substring(query.indexOf('=') + 1), StandardCharsets.UTF_8);
    int bar = token.indexOf('|');
    String system = bar < 0 ? null : token.substring(0, bar);
    String value = bar < 0 ? token : token.substring(bar + 1);
    if (query.startsWith("identifier=")) {
      return endpoint.search(type, system, value);
    }
    String field = chained.group(1);
    String targetType = chained.group(2);
    List<String> targets =
        endpoint.search(targetType, system, value).stream()
            .map(t -> targetType + "/" + t.path("id").asText())
            .toList();
    List<ObjectNode> found = new ArrayList<>();
    for (ObjectNode resource : endpoint.all(type)) {
      JsonNode references = resource.path(field);
      List<JsonNode> each = new ArrayList<>();
      if (references.isArray()) {
        references.forEach(each::add);
      } else if (references.isObject()) {
        each.add(references);
      }
      if (each.stream().anyMatch(r -> targets.contains(r.path("reference").asText()))) {
        found.add(resource);
      }
    }
    return found;
  }

  /** Every {@code reference} that names a fullUrl of this Bundle now names the stored resource. */
  private static void rewriteReferences(JsonNode node, Map<String, String> references) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      JsonNode reference = object.get("reference");
      if (reference != null
          && reference.isTextual()
          && references.containsKey(reference.asText())) {
        object.set("reference", TextNode.valueOf(references.get(reference.asText())));
      }
      for (Iterator<JsonNode> it = object.elements(); it.hasNext(); ) {
        rewriteReferences(it.next(), references);
      }
    } else if (node.isArray()) {
      node.forEach(child -> rewriteReferences(child, references));
    }
  }

  /** An OperationOutcome with one issue. */
  static ObjectNode outcome(String severity, String code, String diagnostics) {
    ObjectNode outcome = JSON.createObjectNode().put("resourceType", "OperationOutcome");
    outcome
        .putArray("issue")
        .addObject()
        .put("severity", severity)
        .put("code", code)
        .put("diagnostics", diagnostics);
    return outcome;
  }
}
